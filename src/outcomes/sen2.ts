import { csvField } from '../core/csv.js';
import type { JobOutcomeFigures } from './job-outcomes.js';
import { type Sen2Row, sen2Columns } from './outcome-reports.service.js';

const csvDocument = (header: readonly string[], rows: string[][]) =>
  `\ufeff${[header.join(','), ...rows.map((row) => row.join(','))].join('\r\n')}\r\n`;

/** The SEN2-shaped rows as CSV: UTF-8 with a byte-order mark, CRLF line ends, a header row. */
export function sen2Csv(rows: Sen2Row[]): string {
  return csvDocument(
    sen2Columns,
    rows.map((row) => sen2Columns.map((column) => csvField(row[column]))),
  );
}

export const jobOutcomesCsvColumns = ['breakdown', 'key', 'group', 'figure', 'value', 'definition'] as const;

type Row = { key: string | null; label: string } & JobOutcomeFigures;

/** Every figure of the job-outcome report, one per line, each with its definition. */
export function jobOutcomesCsv(report: {
  overall: JobOutcomeFigures;
  byLocalAuthority: Row[];
  bySector: Row[];
  byJobCoach: Row[];
  definitions: Record<string, string>;
}): string {
  const lines: string[][] = [];
  const add = (breakdown: string, key: string | null, group: string, figures: JobOutcomeFigures) => {
    for (const [figure, value] of Object.entries(figures)) {
      const definition = report.definitions[figure] ?? '';
      if (typeof value === 'object' && value !== null) {
        for (const [part, partValue] of Object.entries(value))
          lines.push([
            csvField(breakdown),
            csvField(key),
            csvField(group),
            csvField(`${figure}.${part}`),
            csvField(partValue as string | number | null, { text: typeof partValue === 'string' }),
            csvField(definition),
          ]);
      } else {
        lines.push([
          csvField(breakdown),
          csvField(key),
          csvField(group),
          csvField(figure),
          csvField(value as number | null, { text: false }),
          csvField(definition),
        ]);
      }
    }
  };
  add('overall', null, 'All', report.overall);
  for (const [breakdown, rows] of [
    ['byLocalAuthority', report.byLocalAuthority],
    ['bySector', report.bySector],
    ['byJobCoach', report.byJobCoach],
  ] as const) {
    for (const row of rows) {
      const { key, label, ...figures } = row;
      add(breakdown, key, label, figures);
    }
  }
  return csvDocument(jobOutcomesCsvColumns, lines);
}
