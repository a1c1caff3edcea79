/**
 * The dashboards as CSV for local-authority returns: UTF-8 (with a byte-order mark, so that
 * spreadsheet programs read it as UTF-8), a header row, then one row per figure per group, each
 * with the figure's definition. Pure functions of the JSON dashboards, so both always agree.
 */

import { csvField, type CsvValue as Value } from '../core/csv.js';

export const csvColumns = ['breakdown', 'group_key', 'group', 'figure', 'value', 'definition'] as const;

type FigureRow = Record<string, unknown>;

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
  accessToWork: FigureRow;
  adjustments: FigureRow;
  definitions: Record<string, string>;
}

/** A block of figures kept beside the breakdowns (`accessToWork`, `adjustments`), its definitions under `<key>.<figure>`. */
type FigureBlockKey = 'accessToWork' | 'adjustments';

/** Each figure of a block with its definition. */
function blockLines(
  dashboard: { definitions: Record<string, string> } & Partial<Record<FigureBlockKey, FigureRow>>,
  key: FigureBlockKey,
  lineOf: (figure: string, value: Value, definition: string) => string,
) {
  return Object.entries(dashboard[key] ?? {}).map(([figure, value]) =>
    lineOf(figure, value as Value, dashboard.definitions[`${key}.${figure}`] ?? ''),
  );
}

/** A block of figures as a table of the table CSV, after a blank line. */
function blockTable(
  dashboard: { definitions: Record<string, string> } & Partial<Record<FigureBlockKey, FigureRow>>,
  key: FigureBlockKey,
  title: string,
  headings: Record<string, string>,
) {
  const lines = blockLines(dashboard, key, (figure, value, definition) =>
    tableLine([headings[figure] ?? figure, value, definition], 1),
  );
  return `\r\n${tableLine([title, 'Value', 'What it counts'], 99)}\r\n${lines.map((one) => `${one}\r\n`).join('')}`;
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
  tail.push(
    ...blockLines(dashboard, 'accessToWork', (figure, value, definition) =>
      line('access to work', null, 'All', `accessToWork.${figure}`, value, definition),
    ),
    ...blockLines(dashboard, 'adjustments', (figure, value, definition) =>
      line('adjustments', null, 'All', `adjustments.${figure}`, value, definition),
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
  adjustments: FigureRow;
  definitions: Record<string, string>;
}): string {
  const figures = Object.keys(dashboard.totals);
  const lines = figureLines('overall', null, 'All placements', dashboard.totals, figures, dashboard.definitions);
  for (const placement of dashboard.placements)
    lines.push(
      ...figureLines('placement', placement.placementId, placement.title, placement, figures, dashboard.definitions),
    );
  lines.push(
    ...blockLines(dashboard, 'adjustments', (figure, value, definition) =>
      line('adjustments', null, 'All placements', `adjustments.${figure}`, value, definition),
    ),
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

/**
 * The columns of the report as a table: the page's tables' figures first, in its order, then the
 * rest of the figures the dashboard holds.
 */
function tableFigures(all: string[], first: readonly string[]): string[] {
  return [...first.filter((figure) => all.includes(figure)), ...all.filter((figure) => !first.includes(figure))];
}

const tableLine = (cells: Value[], numericFrom: number) =>
  cells.map((cell, index) => csvField(cell, { text: index < numericFrom })).join(',');

/**
 * The provider report as the page shows it, for a spreadsheet without a pivot table: a first row
 * saying which figures these are (`filtersLine`), a row of the page's column headings, then one
 * row per group (all, each academic year, local authority, sector and job coach). The figures
 * are the dashboard's, so they equal the page's.
 */
export async function* providerTableCsvChunks(
  dashboard: ProviderDashboard,
  allCoaches: AsyncIterable<ProviderRow[]>,
  options: { filtersLine: string; firstFigures: readonly string[]; headings: Record<string, string> },
): AsyncGenerator<string> {
  const figures = tableFigures(Object.keys(dashboard.overall), options.firstFigures);
  const row = (breakdown: string, group: string, values: FigureRow) =>
    `${tableLine([breakdown, group, ...figures.map((figure) => values[figure] as Value)], 2)}\r\n`;
  const header = tableLine(['Breakdown', 'Group', ...figures.map((figure) => options.headings[figure] ?? figure)], 99);
  let head = `\uFEFF${csvField(options.filtersLine)}\r\n${header}\r\n${row('All', 'All', dashboard.overall)}`;
  for (const [name, breakdown] of providerAreaBreakdowns)
    for (const group of dashboard[name]) head += row(capitalise(breakdown), group.label, group);
  yield head;
  for await (const batch of allCoaches) yield batch.map((group) => row('Job coach', group.label, group)).join('');
  yield blockTable(dashboard, 'accessToWork', 'Access to Work', options.headings);
  yield blockTable(dashboard, 'adjustments', 'Workplace adjustments', options.headings);
}

/** The employer report as the page shows it: a first row saying which figures, headings, one row per placement with its start date. */
export function employerTableCsv(
  dashboard: {
    totals: FigureRow;
    placements: (FigureRow & { title: string; startDate: string })[];
    adjustments: FigureRow;
    definitions: Record<string, string>;
  },
  options: { filtersLine: string; firstFigures: readonly string[]; headings: Record<string, string> },
): string {
  const figures = tableFigures(Object.keys(dashboard.totals), options.firstFigures);
  const lines = [
    csvField(options.filtersLine),
    tableLine(['Placement', 'Starts', ...figures.map((figure) => options.headings[figure] ?? figure)], 99),
    tableLine(['All placements', '', ...figures.map((figure) => dashboard.totals[figure] as Value)], 2),
    ...dashboard.placements.map((placement) =>
      tableLine([placement.title, placement.startDate, ...figures.map((figure) => placement[figure] as Value)], 2),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n${blockTable(dashboard, 'adjustments', 'Workplace adjustments', options.headings)}`;
}

/** Figures another feature adds to the provider report (the study programme's), with what each counts. */
export interface AddedFigures {
  /** The breakdown's name in the CSV, as "study programme by academic year". */
  breakdown: string;
  figures: readonly string[];
  rows: (FigureRow & { key: string | null; label: string })[];
  definitions: Record<string, string>;
}

/**
 * The report's chunks, then the added figures: as more figure lines in the long form, or after an
 * empty row as a table of their own (their columns are not the report's).
 */
export async function* withAddedFigures(
  chunks: AsyncGenerator<string>,
  added: AddedFigures,
  options: { longForm: boolean; headings: Record<string, string> },
): AsyncGenerator<string> {
  yield* chunks;
  const figures = [...added.figures];
  if (options.longForm) {
    const lines = added.rows.flatMap((row) =>
      figureLines(added.breakdown, row.key, row.label, row, figures, added.definitions),
    );
    yield lines.map((one) => `${one}\r\n`).join('');
    return;
  }
  const header = tableLine([capitalise(added.breakdown), 'Group', ...figures.map((f) => options.headings[f] ?? f)], 99);
  const rows = added.rows.map((row) => tableLine(['', row.label, ...figures.map((f) => row[f] as Value)], 2));
  yield `\r\n${[header, ...rows].join('\r\n')}\r\n`;
}

const capitalise = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
