import { type Context, Hono } from 'hono';
import { type Sector, sectorLabels, sectors } from '../domain/vocabulary.js';
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
import {
  BreakdownSection,
  CoachBreakdown,
  EligibilityExceptions,
  ReportFilters,
  reportsHref,
  StudyProgrammeSection,
  yearChoices,
} from './provider-report.js';
import {
  employerGroupFigures,
  FiguresWithDefinitions,
  GroupChart,
  GroupTable,
  groupFigures,
} from './report-figures.js';

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
  const wholeProvider = dashboard.scope.coverage === 'provider';
  const filteredCoach = filters.jobCoachId
    ? (dashboard.byJobCoach.find((row) => row.key === filters.jobCoachId)?.label ?? 'this job coach')
    : undefined;
  const years = yearChoices(dashboard, filters, c.var.services.clock.now().getUTCFullYear());
  return renderPage(
    c,
    { title: 'Reports' },
    <>
      <h1 class="govuk-heading-l">Reports</h1>
      <p class="govuk-body">
        {wholeProvider ? 'Outcomes for everyone at your provider.' : 'Outcomes for the young people on your caseload.'}{' '}
        Each figure says what it counts. Download the report as a spreadsheet (CSV) for a local-authority return.
      </p>
      <ReportFilters filters={filters} years={years} authorities={authorities} wholeProvider={wholeProvider} />
      {wholeProvider && filteredCoach ? (
        <p class="govuk-body">
          Showing the caseload of {filteredCoach} only.{' '}
          <a class="govuk-link" href={reportsHref({ ...filters, jobCoachId: undefined })}>
            Show every job coach
          </a>
        </p>
      ) : null}
      <Downloads filters={filters} accessToWorkClaims ilrWorkPlacements={study.mayExportIlr} />
      <FiguresWithDefinitions figures={dashboard.overall} definitions={dashboard.definitions} />
      <BreakdownSection
        id="by-year"
        title="By academic year (of the actual start, or the planned start before one)"
        rows={dashboard.byCohortYear}
      />
      <BreakdownSection id="by-authority" title="By local authority" rows={dashboard.byLocalAuthority} />
      <BreakdownSection id="by-sector" title="By sector" rows={dashboard.bySector} />
      {wholeProvider ? <CoachBreakdown dashboard={dashboard} filters={filters} coachPage={coachPage} /> : null}
      <StudyProgrammeSection rows={study.rows} figures={study.figures} definitions={study.definitions} />
      <EligibilityExceptions dashboard={dashboard} />
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
