import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { figureWords } from './figure-words.js';

/** The figures of a report as the page draws them: bars per group, the groups' table, and every figure defined. */

const charted = ['starts', 'paidEmployment'] as const;
const chartColours = { starts: '#1d70b8', paidEmployment: '#00703c' } as const;

export type Row = Record<string, unknown> & { label: string };

/**
 * Starts and paid-work outcomes per group as bars. Each group's name and figures are text at the
 * page's size (never cut short); only the bars are drawn. The table after it holds the same figures.
 */
export function GroupChart(props: { id: string; title: string; rows: Row[] }) {
  const rows = props.rows.slice(0, 20);
  if (rows.length === 0) return null;
  const top = Math.max(1, ...rows.flatMap((row) => charted.map((figure) => Number(row[figure] ?? 0))));
  const width = 300;
  return (
    <figure class="app-chart" aria-labelledby={`${props.id}-title`}>
      <figcaption id={`${props.id}-title`} class="govuk-body-s">
        {props.title}: <span class="app-chart__key app-chart__key--worked" aria-hidden="true"></span> internships
        started and <span class="app-chart__key app-chart__key--paid" aria-hidden="true"></span> into paid work. The
        table below has every figure.
      </figcaption>
      <ul class="govuk-list app-bars">
        {rows.map((row) => (
          <li class="app-bars__group">
            <span class="govuk-!-font-weight-bold">{row.label}</span>:{' '}
            {charted
              .map((figure) => `${Number(row[figure] ?? 0)} ${(figureWords[figure] ?? figure).toLowerCase()}`)
              .join(', ')}
            <svg
              viewBox={`0 0 ${width} 30`}
              class="app-bars__svg"
              aria-hidden="true"
              focusable="false"
              preserveAspectRatio="none"
            >
              {charted.map((figure, bar) => (
                <rect
                  x="0"
                  y={String(bar * 15)}
                  width={String((Number(row[figure] ?? 0) / top) * width)}
                  height="12"
                  fill={chartColours[figure]}
                />
              ))}
            </svg>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export function GroupTable(props: {
  caption: string;
  rows: Row[];
  figures: string[];
  href?: (row: Row) => string | undefined;
}) {
  return (
    <TableRegion label={props.caption}>
      <Table
        caption={props.caption}
        captionClasses="govuk-table__caption--s"
        firstCellIsHeader
        head={[
          { text: 'Group' },
          ...props.figures.map((figure) => ({ text: figureWords[figure] ?? figure, format: 'numeric' as const })),
        ]}
        rows={props.rows.map((row) => {
          const href = props.href?.(row);
          return [
            {
              text: href ? (
                <a class="govuk-link" href={href}>
                  {row.label}
                </a>
              ) : (
                row.label
              ),
            },
            ...props.figures.map((figure) => ({
              text: row[figure] === null || row[figure] === undefined ? '–' : String(row[figure]),
              format: 'numeric' as const,
            })),
          ];
        })}
      />
    </TableRegion>
  );
}

export function FiguresWithDefinitions(props: {
  figures: Record<string, unknown>;
  definitions: Record<string, string>;
}) {
  return (
    <Table
      caption="All figures, with what each one counts"
      captionClasses="govuk-table__caption--m"
      firstCellIsHeader
      head={[{ text: 'Figure' }, { text: 'Value', format: 'numeric' }, { text: 'What it counts' }]}
      rows={Object.entries(props.figures).map(([figure, value]) => [
        { text: figureWords[figure] ?? figure },
        { text: value === null || value === undefined ? '–' : String(value), format: 'numeric' },
        { text: props.definitions[figure] ?? '', classes: 'govuk-body-s' },
      ])}
    />
  );
}

export const groupFigures = [
  'proposals',
  'starts',
  'completed',
  'paidEmployment',
  'paidEmploymentPercent',
  'employedAt12MonthsPercent',
];

export const employerGroupFigures = ['awaitingDecision', 'starts', 'completed', 'hiredByEmployer'];
