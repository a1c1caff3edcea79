/** Escapes text for a MongoDB `$regex`, so a search word can never be a pattern (`.*`, `^`...). */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
