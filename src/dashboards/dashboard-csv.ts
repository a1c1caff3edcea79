/**
 * The dashboards as CSV for local-authority returns: UTF-8 (with a byte-order mark, so that
 * spreadsheet programs read it as UTF-8), a header row, then one row per figure per group, each
 * with the figure's definition. Pure functions of the JSON dashboards, so both always agree.
 */

export const csvColumns = ['breakdown', 'group_key', 'group', 'figure', 'value', 'definition'] as const;

type Value = string | number | null | undefined;
type FigureRow = Record<string, unknown>;

/** Quotes a field when it must be, and defuses text a spreadsheet would run as a formula. */
export function csvField(value: Value, { text = true } = {}): string {
  if (value === null || value === undefined) return '';
  let field = String(value);
  if (text && /^[=+\-@\t\r]/.test(field)) field = `'${field}`;
  return /[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field;
}

function line(breakdown: string, key: Value, group: string, figure: string, value: Value, definition: string): string {
  return [
    csvField(breakdown),
    csvField(key),
    csvField(group),
    csvField(figure),
    csvField(value, { text: false }),
    csvField(definition),
  ].join(',');
}

function figureLines(
  breakdown: string,
  key: Value,
  group: string,
  row: FigureRow,
  figures: string[],
  definitions: Record<string, string>,
): string[] {
  return figures.map((figure) => line(breakdown, key, group, figure, row[figure] as Value, definitions[figure] ?? ''));
}

function document(lines: string[]): string {
  return `\uFEFF${[csvColumns.join(','), ...lines].join('\r\n')}\r\n`;
}

/** The provider dashboard's breakdowns, in the order of the JSON, and what each row group is called. */
export const providerBreakdowns = [
  ['byCohortYear', 'academic year'],
  ['byLocalAuthority', 'local authority'],
  ['bySector', 'sector'],
  ['byJobCoach', 'job coach'],
] as const;

export function providerDashboardCsv(dashboard: {
  overall: FigureRow;
  byCohortYear: (FigureRow & { key: string | null; label: string })[];
  byLocalAuthority: (FigureRow & { key: string | null; label: string })[];
  bySector: (FigureRow & { key: string | null; label: string })[];
  byJobCoach: (FigureRow & { key: string | null; label: string })[];
  supportHoursTrend: { week: number; internships: number; averageSupportHours: number; averageHoursWorked: number }[];
  definitions: Record<string, string>;
}): string {
  const figures = Object.keys(dashboard.overall);
  const lines = figureLines('overall', null, 'All', dashboard.overall, figures, dashboard.definitions);
  for (const [name, breakdown] of providerBreakdowns) {
    for (const row of dashboard[name])
      lines.push(...figureLines(breakdown, row.key, row.label, row, figures, dashboard.definitions));
  }
  for (const week of dashboard.supportHoursTrend) {
    lines.push(
      ...figureLines(
        'support hours by internship week',
        week.week,
        `Week ${week.week}`,
        week,
        ['internships', 'averageSupportHours', 'averageHoursWorked'],
        dashboard.definitions,
      ),
    );
  }
  return document(lines);
}

export function employerDashboardCsv(dashboard: {
  totals: FigureRow;
  placements: (FigureRow & { placementId: string; title: string })[];
  definitions: Record<string, string>;
}): string {
  const figures = Object.keys(dashboard.totals);
  const lines = figureLines('overall', null, 'All placements', dashboard.totals, figures, dashboard.definitions);
  for (const placement of dashboard.placements)
    lines.push(
      ...figureLines('placement', placement.placementId, placement.title, placement, figures, dashboard.definitions),
    );
  return document(lines);
}
