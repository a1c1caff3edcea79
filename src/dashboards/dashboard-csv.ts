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

type ProviderRow = FigureRow & { key: string | null; label: string };
interface ProviderDashboard {
  overall: FigureRow;
  byCohortYear: ProviderRow[];
  byLocalAuthority: ProviderRow[];
  bySector: ProviderRow[];
  byJobCoach: ProviderRow[];
  supportHoursTrend: { week: number; internships: number; averageSupportHours: number; averageHoursWorked: number }[];
  definitions: Record<string, string>;
}

/** The provider dashboard's breakdowns before the job coaches, in the order of the JSON, and what each row group is called. */
const providerAreaBreakdowns = [
  ['byCohortYear', 'academic year'],
  ['byLocalAuthority', 'local authority'],
  ['bySector', 'sector'],
] as const;

/** The provider CSV in three parts, so that the job coaches (thousands at a large provider) can be sent as they are read. */
function providerParts(dashboard: ProviderDashboard) {
  const figures = Object.keys(dashboard.overall);
  const head = figureLines('overall', null, 'All', dashboard.overall, figures, dashboard.definitions);
  for (const [name, breakdown] of providerAreaBreakdowns) {
    for (const row of dashboard[name])
      head.push(...figureLines(breakdown, row.key, row.label, row, figures, dashboard.definitions));
  }
  const coaches = (rows: ProviderRow[]) =>
    rows.flatMap((row) => figureLines('job coach', row.key, row.label, row, figures, dashboard.definitions));
  const tail = dashboard.supportHoursTrend.flatMap((week) =>
    figureLines(
      'support hours by internship week',
      week.week,
      `Week ${week.week}`,
      week,
      ['internships', 'averageSupportHours', 'averageHoursWorked'],
      dashboard.definitions,
    ),
  );
  return { head, coaches, tail };
}

/** The whole provider CSV, with the job coaches the dashboard holds. */
export function providerDashboardCsv(dashboard: ProviderDashboard): string {
  const { head, coaches, tail } = providerParts(dashboard);
  return document([...head, ...coaches(dashboard.byJobCoach), ...tail]);
}

/**
 * The same CSV, with every job coach from `allCoaches` instead of the dashboard's page of them, as
 * chunks of text to send one after another.
 */
export async function* providerDashboardCsvChunks(
  dashboard: ProviderDashboard,
  allCoaches: AsyncIterable<ProviderRow[]>,
): AsyncGenerator<string> {
  const { head, coaches, tail } = providerParts(dashboard);
  const text = (lines: string[]) => lines.map((one) => `${one}\r\n`).join('');
  yield `\uFEFF${text([csvColumns.join(','), ...head])}`;
  for await (const batch of allCoaches) yield text(coaches(batch));
  yield text(tail);
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

/** Chunks of text as a response body, read only as fast as the client takes them; a client that leaves stops the reads. */
export function textStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
