/** A CSV field's value: empty when absent. */
export type CsvValue = string | number | null | undefined;

/**
 * One CSV field, for every export (dashboards, the ILR and SEN2 exports, Access to Work claims):
 * quoted when it must be, and text a spreadsheet would run as a formula defused with a leading quote.
 * `text: false` is for numbers, which keep their minus sign.
 */
export function csvField(value: CsvValue, { text = true } = {}): string {
  if (value === null || value === undefined) return '';
  let field = String(value);
  if (text && /^[=+\-@\t\r]/.test(field)) field = `'${field}`;
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}
