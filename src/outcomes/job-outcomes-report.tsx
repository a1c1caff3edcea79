import { type Sector, sectorLabels, sectors } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { Select } from '../web/components/Select.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import type { JobOutcomeFigures } from './job-outcomes.js';
import type { OutcomesService } from './outcomes.service.js';

type JobOutcomesReport = Awaited<ReturnType<OutcomesService['jobOutcomes']>>;
export type ReportFilters = { academicYear?: number; sector?: Sector };

/** The report's filters from the query; a value that is not one of the choices is left out. */
export function reportFiltersFrom(query: { academicYear?: string | undefined; sector?: string | undefined }) {
  const year = Number(query.academicYear);
  const sector = query.sector;
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { academicYear: year } : {}),
    ...(sector && (sectors as readonly string[]).includes(sector) ? { sector: sector as Sector } : {}),
  };
}

export function ReportFilterForm(props: { filters: ReportFilters; thisYear: number }) {
  const { filters, thisYear } = props;
  return (
    <form method="get" novalidate>
      <Select
        name="academicYear"
        label="Academic year"
        items={[
          { value: '', text: 'All years' },
          ...Array.from({ length: 6 }, (_, index) => thisYear - index).map((year) => ({
            value: String(year),
            text: `${year}/${String(year + 1).slice(2)}`,
          })),
        ]}
        value={filters.academicYear === undefined ? '' : String(filters.academicYear)}
      />
      <Select
        name="sector"
        label="Sector"
        items={[{ value: '', text: 'All sectors' }, ...sectors.map((value) => ({ value, text: sectorLabels[value] }))]}
        value={filters.sector ?? ''}
      />
      <Button variant="secondary">Show the figures</Button>
    </form>
  );
}

/** The fidelity band DFN Project SEARCH asks for, and where these interns stand against it. */
export function FidelitySentence(props: { report: JobOutcomesReport }) {
  const band = props.report.fidelityBand;
  const within = props.report.overall.within9Months;
  return (
    <p class="govuk-body">
      DFN Project SEARCH asks for {band.fromPercent}% to {band.toPercent}% of each class in paid work of 16 hours a week
      or more within {band.withinMonths} months.{' '}
      {within.fidelity === 'not_yet_known'
        ? 'No intern has reached 9 months after the end yet.'
        : within.fidelity === 'within_band'
          ? `These interns are within the band: ${within.percent}%.`
          : `These interns are below the band: ${within.percent}%.`}
    </p>
  );
}

const percentText = (value: number | null) => (value === null ? 'Not known yet' : `${value}%`);

function figureCells(figures: JobOutcomeFigures) {
  return [
    { text: String(figures.interns), format: 'numeric' as const },
    { text: percentText(figures.at6Months.percent), format: 'numeric' as const },
    { text: percentText(figures.at9Months.percent), format: 'numeric' as const },
    { text: percentText(figures.at12Months.percent), format: 'numeric' as const },
    { text: percentText(figures.within9Months.percent), format: 'numeric' as const },
    { text: percentText(figures.coreAimsMetPercent), format: 'numeric' as const },
  ];
}

const figureHead = (first: string) => [
  { text: first },
  { text: 'Interns', format: 'numeric' as const },
  { text: 'In paid work 16+ hours at 6 months', format: 'numeric' as const },
  { text: 'At 9 months', format: 'numeric' as const },
  { text: 'At 12 months', format: 'numeric' as const },
  { text: 'Within 9 months', format: 'numeric' as const },
  { text: 'Core aims met', format: 'numeric' as const },
];

/** The figures for all interns, then by local authority, sector and job coach. */
export function FigureTables(props: { report: JobOutcomesReport }) {
  const { report } = props;
  return (
    <>
      <TableRegion label="Job outcomes, all interns">
        <Table
          caption="All interns"
          head={figureHead('Group')}
          firstCellIsHeader
          rows={[[{ text: 'All interns' }, ...figureCells(report.overall)]]}
        />
      </TableRegion>
      {(
        [
          ['By local authority', report.byLocalAuthority],
          ['By sector', report.bySector],
          ['By job coach', report.byJobCoach],
        ] as const
      ).map(([caption, rows]) => (
        <TableRegion label={`Job outcomes ${caption.toLowerCase()}`}>
          <Table
            caption={caption}
            head={figureHead(caption.replace('By ', '').replace(/^./, (first) => first.toUpperCase()))}
            firstCellIsHeader
            rows={rows.map((row) => [{ text: row.label }, ...figureCells(row)])}
          />
        </TableRegion>
      ))}
    </>
  );
}
