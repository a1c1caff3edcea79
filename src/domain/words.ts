/** Words every layer builds sentences with: the scoring writes reasons with them and the pages show them. */

/** "hotel work" as "Hotel work". */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a and b", "a, b and c". */
export function listInWords(items: string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The reason in words a job coach can read out: what they said, and what of it this placement has.
 * `speaker` is who said it, as the reader calls them ("You", or the young person's name for a parent).
 */
export function jobsWantedMessage(said: string, matched: string[], speaker = 'You'): string {
  const quoted = `${speaker} said: “${said.trim().replace(/[.!]+$/, '')}”.`;
  if (matched.length === 0) return `${quoted} This placement has none of those words in its title or tasks.`;
  return `${quoted} This placement has ${listInWords(matched.map((idea) => `“${idea}”`))} in its title or tasks.`;
}
