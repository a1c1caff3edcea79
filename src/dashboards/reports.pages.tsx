import { type Context, Hono } from 'hono';
import { type Sector, sectorLabels, sectors } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { Pagination } from '../web/components/Pagination.js';
import { Select } from '../web/components/Select.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { pageForbidden } from '../web/errors.js';
import { pageActor } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate } from '../web/young-person.js';
import { accessToWorkFigureWords } from './access-to-work-figures.js';
import { AccessToWorkReport } from './access-to-work-report.js';
import { adjustmentFigureWords } from './adjustment-figures.js';
import { AdjustmentsReport } from './adjustments-report.js';
import {
  employerDashboardCsv,
  employerTableCsv,
  providerDashboardCsvChunks,
  providerTableCsvChunks,
  textStream,
  withAddedFigures,
} from './dashboard-csv.js';
import { academicYearLabel, type DashboardFilters, defaultCoachPage } from './dashboards.service.js';
import { figureWords } from './figure-words.js';

const charted = ['starts', 'paidEmployment'] as const;
const chartColours = { starts: '#1d70b8', paidEmployment: '#00703c' } as const;

type Row = Record<string, unknown> & { label: string };

/** Read from the query string the way the API reads it; anything unreadable is left out rather than guessed. */
function filtersFrom(c: Context<WebEnv>): DashboardFilters {
  const year = Number(c.req.query('academicYear'));
  const sector = c.req.query('sector');
  const authority = (c.req.query('localAuthority') ?? '').trim().slice(0, 100);
  const coach = c.req.query('jobCoachId') ?? '';
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { academicYear: year } : {}),
    ...(sector && (sectors as readonly string[]).includes(sector) ? { sector: sector as Sector } : {}),
    ...(authority ? { localAuthority: authority } : {}),
    ...(/^[0-9a-f]{24}$/.test(coach) ? { jobCoachId: coach } : {}),
  };
}

function queryOf(filters: DashboardFilters): string {
  const params = new URLSearchParams(
    Object.entries(filters).map(([key, value]): [string, string] => [key, String(value)]),
  );
  return params.size > 0 ? `?${params}` : '';
}

/**
 * Starts and paid-work outcomes per group as bars. Each group's name and figures are text at the
 * page's size (never cut short); only the bars are drawn. The table after it holds the same figures.
 */
function GroupChart(props: { id: string; title: string; rows: Row[] }) {
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
            {charted.map((figure) => `${Number(row[figure] ?? 0)} ${figureWords[figure]!.toLowerCase()}`).join(', ')}
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

function GroupTable(props: {
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

function FiguresWithDefinitions(props: { figures: Record<string, unknown>; definitions: Record<string, string> }) {
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

const groupFigures = [
  'proposals',
  'starts',
  'completed',
  'paidEmployment',
  'paidEmploymentPercent',
  'employedAt12MonthsPercent',
];

const employerGroupFigures = ['awaitingDecision', 'starts', 'completed', 'hiredByEmployer'];

/** The table as the page shows it, and every figure in long form for those who pivot it themselves. */
function Downloads(props: { filters: DashboardFilters; accessToWorkClaims?: boolean; ilrWorkPlacements?: boolean }) {
  const query = queryOf(props.filters);
  return (
    <ul class="govuk-list">
      <li>
        <a class="govuk-link" href={`/reports.csv${query}`} download>
          Download this report (CSV)
        </a>
      </li>
      <li>
        <a class="govuk-link" href={`/reports.csv${query ? `${query}&` : '?'}form=data`} download>
          Download every figure, one a row (CSV data)
        </a>
      </li>
      {props.ilrWorkPlacements ? (
        <li>
          <a class="govuk-link" href={`/reports/ilr-work-placements.csv${query}`} download>
            Download the ILR work placements, one row per internship (CSV)
          </a>
        </li>
      ) : null}
      <li>
        <a class="govuk-link" href={`/reports/job-outcomes${query}`}>
          Job outcomes at 6, 9 and 12 months, and the SEN2 return
        </a>
      </li>
      {props.accessToWorkClaims ? (
        <li>
          <a class="govuk-link" href="/access-to-work/claims.csv" download>
            Download every Access to Work claim of your young people, one a row (CSV)
          </a>
        </li>
      ) : null}
    </ul>
  );
}

/** The filters in words: the first row of a table CSV and its file name say which figures these are. */
function filterWords(filters: DashboardFilters, coachName: string | undefined): string[] {
  return [
    filters.academicYear === undefined ? 'all years' : academicYearLabel(filters.academicYear),
    filters.localAuthority ?? 'all local authorities',
    filters.sector ? sectorLabels[filters.sector] : 'all sectors',
    ...(filters.jobCoachId ? [coachName ?? 'one job coach'] : []),
  ];
}

const fileNamePart = (words: string) =>
  words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The page of the job-coach table asked for (`coachPage`, from 1). */
function coachPageFrom(c: Context<WebEnv>): number {
  const page = Number(c.req.query('coachPage'));
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1;
}

async function providerReport(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const filters = filtersFrom(c);
  const coachPage = coachPageFrom(c);
  const { limit } = defaultCoachPage;
  const [dashboard, authorities, study] = await Promise.all([
    c.var.services.dashboards.provider(actor, filters, { limit, offset: (coachPage - 1) * limit }),
    c.var.services.dashboards.localAuthorities(actor),
    c.var.services.study.reportFigures(actor, filters),
  ]);
  const coaches = dashboard.byJobCoachPage;
  const coachPages = Math.max(1, Math.ceil(coaches.total / limit));
  const reportsHref = (query: Record<string, string | number | undefined>) => {
    const params = new URLSearchParams(
      Object.entries(query).flatMap(([key, value]): [string, string][] =>
        value === undefined ? [] : [[key, String(value)]],
      ),
    );
    return `/reports${params.size > 0 ? `?${params}` : ''}`;
  };
  const filteredCoach = filters.jobCoachId
    ? (dashboard.byJobCoach.find((row) => row.key === filters.jobCoachId)?.label ?? 'this job coach')
    : undefined;
  const thisYear = c.var.services.clock.now().getUTCFullYear();
  const years = [
    ...new Set([
      ...dashboard.byCohortYear.map((row) => Number(row.key)).filter(Number.isInteger),
      thisYear - 1,
      thisYear,
      filters.academicYear ?? thisYear,
    ]),
  ].sort((a, b) => b - a);
  const breakdowns = [
    {
      id: 'by-year',
      title: 'By academic year (of the actual start, or the planned start before one)',
      rows: dashboard.byCohortYear,
    },
    { id: 'by-authority', title: 'By local authority', rows: dashboard.byLocalAuthority },
    { id: 'by-sector', title: 'By sector', rows: dashboard.bySector },
  ];
  return renderPage(
    c,
    { title: 'Reports' },
    <>
      <h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">
        {dashboard.scope.coverage === 'provider'
          ? 'Outcomes for everyone at your provider.'
          : 'Outcomes for the young people on your caseload.'}{' '}
        Each figure says what it counts. Download the report as a spreadsheet (CSV) for a local-authority return.
      </p>
      <form method="get" action="/reports" class="govuk-!-margin-bottom-6">
        <Select
          name="academicYear"
          label="Academic year"
          hint="By the actual start, or the planned start before one."
          items={[
            { value: '', text: 'All years' },
            ...years.map((year) => ({ value: String(year), text: academicYearLabel(year) })),
          ]}
          value={filters.academicYear === undefined ? '' : String(filters.academicYear)}
        />
        <Select
          name="localAuthority"
          label="Local authority"
          items={[
            { value: '', text: 'All local authorities' },
            ...authorities.map((value) => ({ value, text: value })),
          ]}
          value={filters.localAuthority ?? ''}
        />
        <Select
          name="sector"
          label="Sector"
          items={[
            { value: '', text: 'All sectors' },
            ...sectors.map((value) => ({ value, text: sectorLabels[value] })),
          ]}
          value={filters.sector ?? ''}
        />
        {dashboard.scope.coverage === 'provider' && filters.jobCoachId ? (
          <input type="hidden" name="jobCoachId" value={filters.jobCoachId} />
        ) : null}
        <Button variant="secondary">Show the figures</Button>
      </form>
      {dashboard.scope.coverage === 'provider' && filteredCoach ? (
        <p class="govuk-body">
          Showing the caseload of {filteredCoach} only.{' '}
          <a class="govuk-link" href={reportsHref({ ...filters, jobCoachId: undefined })}>
            Show every job coach
          </a>
        </p>
      ) : null}
      <Downloads filters={filters} accessToWorkClaims ilrWorkPlacements={study.mayExportIlr} />
      <FiguresWithDefinitions figures={dashboard.overall} definitions={dashboard.definitions} />
      {breakdowns.map((breakdown) => (
        <section aria-labelledby={breakdown.id}>
          <h2 class="govuk-heading-m" id={breakdown.id}>
            {breakdown.title}
          </h2>
          {breakdown.rows.length === 0 ? <p class="govuk-body">No internships match these filters.</p> : null}
          <GroupChart id={`${breakdown.id}-chart`} title={breakdown.title} rows={breakdown.rows} />
          {breakdown.rows.length > 0 ? (
            <GroupTable caption={breakdown.title} rows={breakdown.rows} figures={groupFigures} />
          ) : null}
        </section>
      ))}
      {dashboard.scope.coverage === 'provider' ? (
        <section aria-labelledby="by-coach">
          <h2 class="govuk-heading-m" id="by-coach">
            By job coach
          </h2>
          {coaches.total === 0 ? (
            <p class="govuk-body">No internships match these filters.</p>
          ) : (
            <>
              <p class="govuk-body">
                {coaches.total === 1
                  ? 'One job coach.'
                  : `Job coaches ${Math.min(coaches.offset + 1, coaches.total)} to ${coaches.offset + dashboard.byJobCoach.length} of ${coaches.total}, the most proposals first.`}{' '}
                Select a name to see that job coach’s figures. The CSV has every job coach.
              </p>
              <GroupChart id="by-coach-chart" title="By job coach" rows={dashboard.byJobCoach} />
              <GroupTable
                caption="By job coach"
                rows={dashboard.byJobCoach}
                figures={groupFigures}
                href={(row) =>
                  typeof row.key === 'string' ? reportsHref({ ...filters, jobCoachId: row.key }) : undefined
                }
              />
              <Pagination
                page={coachPage}
                pages={coachPages}
                href={(page) => `${reportsHref({ ...filters, coachPage: page > 1 ? page : undefined })}#by-coach`}
              />
            </>
          )}
        </section>
      ) : null}
      <section aria-labelledby="study">
        <h2 class="govuk-heading-m" id="study">
          Study programme: attendance, English and maths
        </h2>
        <GroupTable caption="Study programme, by academic year" rows={study.rows} figures={study.figures} />
        <dl class="govuk-body-s">
          {study.figures.map((figure) => (
            <>
              <dt class="govuk-!-font-weight-bold">{figureWords[figure]}</dt>
              <dd class="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{study.definitions[figure]}</dd>
            </>
          ))}
        </dl>
      </section>
      <h2 class="govuk-heading-m">Eligibility exceptions</h2>
      <p class="govuk-body">
        {dashboard.eligibilityExceptions.total}{' '}
        {dashboard.eligibilityExceptions.total === 1 ? 'young person was' : 'young people were'} admitted by a recorded
        exception, {dashboard.eligibilityExceptions.withoutEhcPlan} of them with no EHC plan.
      </p>
      <p class="govuk-body-s">{dashboard.definitions['eligibilityExceptions.total']}</p>
      <AccessToWorkReport figures={dashboard.accessToWork} definitions={dashboard.definitions} />
      <AdjustmentsReport figures={dashboard.adjustments} definitions={dashboard.definitions} whose="employers" />
    </>,
  );
}

async function employerReport(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const filters = filtersFrom(c);
  const dashboard = await c.var.services.dashboards.employer(actor, filters);
  // Several placements often share a title (a hotel's housekeeping each term): the start date tells them apart.
  const rows = dashboard.placements.map((placement) => ({
    ...placement,
    label: `${placement.title}, starting ${longDate(placement.startDate)}`,
  }));
  return renderPage(
    c,
    { title: 'Reports' },
    <>
      <h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">Your placements and interns. Only proposals the young person agreed to are counted.</p>
      <Downloads filters={filters} />
      <FiguresWithDefinitions figures={dashboard.totals} definitions={dashboard.definitions} />
      <section aria-labelledby="by-placement">
        <h2 class="govuk-heading-m" id="by-placement">
          By placement
        </h2>
        <GroupChart id="by-placement-chart" title="By placement" rows={rows} />
        {rows.length > 0 ? (
          <GroupTable caption="By placement" rows={rows} figures={employerGroupFigures} />
        ) : (
          <p class="govuk-body">No placements yet.</p>
        )}
      </section>
      <AdjustmentsReport figures={dashboard.adjustments} definitions={dashboard.definitions} whose="you" />
    </>,
  );
}

async function reportCsv(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const filters = filtersFrom(c);
  const longForm = c.req.query('form') === 'data';
  const { dashboards, clock } = c.var.services;
  const today = clock.now().toISOString().slice(0, 10);
  const isEmployer = actor.role === 'employer';
  if (!isEmployer && actor.role !== 'provider_admin' && actor.role !== 'job_coach')
    throw pageForbidden('Reports are for providers and employers.');
  let body: string | ReadableStream<Uint8Array>;
  let words: string[];
  if (isEmployer) {
    const dashboard = await dashboards.employer(actor, filters);
    words = filterWords(filters, undefined);
    body = longForm
      ? employerDashboardCsv(dashboard)
      : employerTableCsv(dashboard, {
          filtersLine: `Your placements: ${words.join(', ')}. Made on ${today}.`,
          firstFigures: employerGroupFigures,
          headings: { ...figureWords, ...adjustmentFigureWords },
        });
  } else {
    const [{ dashboard, coaches }, study] = await Promise.all([
      dashboards.providerExport(actor, filters),
      c.var.services.study.reportFigures(actor, filters),
    ]);
    const coachName = dashboard.byJobCoach.find((row) => row.key === filters.jobCoachId)?.label;
    words = filterWords(filters, coachName);
    const whose = dashboard.scope.coverage === 'provider' ? 'Everyone at your provider' : 'Your caseload';
    body = textStream(
      withAddedFigures(
        longForm
          ? providerDashboardCsvChunks(dashboard, coaches)
          : providerTableCsvChunks(dashboard, coaches, {
              filtersLine: `${whose}: ${words.join(', ')}. Made on ${today}.`,
              firstFigures: groupFigures,
              headings: { ...figureWords, ...accessToWorkFigureWords, ...adjustmentFigureWords },
            }),
        { breakdown: 'study programme by academic year', ...study },
        { longForm, headings: figureWords },
      ),
    );
  }
  const name = [isEmployer ? 'employer' : 'provider', longForm ? 'data' : 'report', ...words, today]
    .map(fileNamePart)
    .join('-');
  c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
  c.header('Cache-Control', 'no-store');
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
}

/** The dashboards as pages: SVG charts, each with its data table, each figure with its definition, and CSV downloads. */
export function reportPages() {
  const app = new Hono<WebEnv>();
  app.get('/reports', (c) => {
    const role = pageActor(c).role;
    if (role === 'employer') return employerReport(c);
    if (role === 'provider_admin' || role === 'job_coach') return providerReport(c);
    throw pageForbidden('Reports are for providers and employers.');
  });
  app.get('/reports.csv', (c) => reportCsv(c));
  return app;
}
