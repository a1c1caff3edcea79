import { sectorLabels, sectors } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { Pagination } from '../web/components/Pagination.js';
import { Select } from '../web/components/Select.js';
import { academicYearLabel, type DashboardFilters, type DashboardsService } from './dashboards.service.js';
import { figureWords } from './figure-words.js';
import { GroupChart, GroupTable, groupFigures, type Row } from './report-figures.js';

/** The sections of a provider's report: its filters, each breakdown, the job coaches, study and exceptions. */

export type ProviderDashboard = Awaited<ReturnType<DashboardsService['provider']>>;

/** The reports page with these query parameters; an undefined one is left out. */
export function reportsHref(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]): [string, string][] =>
      value === undefined ? [] : [[key, String(value)]],
    ),
  );
  return `/reports${params.size > 0 ? `?${params}` : ''}`;
}

/** The years a provider can choose: those with internships, last year and this one, and the one chosen. */
export function yearChoices(dashboard: ProviderDashboard, filters: DashboardFilters, thisYear: number): number[] {
  return [
    ...new Set([
      ...dashboard.byCohortYear.map((row) => Number(row.key)).filter(Number.isInteger),
      thisYear - 1,
      thisYear,
      filters.academicYear ?? thisYear,
    ]),
  ].sort((a, b) => b - a);
}

export function ReportFilters(props: {
  filters: DashboardFilters;
  years: number[];
  authorities: string[];
  wholeProvider: boolean;
}) {
  const { filters } = props;
  return (
    <form method="get" action="/reports" class="govuk-!-margin-bottom-6">
      <Select
        name="academicYear"
        label="Academic year"
        hint="By the actual start, or the planned start before one."
        items={[
          { value: '', text: 'All years' },
          ...props.years.map((year) => ({ value: String(year), text: academicYearLabel(year) })),
        ]}
        value={filters.academicYear === undefined ? '' : String(filters.academicYear)}
      />
      <Select
        name="localAuthority"
        label="Local authority"
        items={[
          { value: '', text: 'All local authorities' },
          ...props.authorities.map((value) => ({ value, text: value })),
        ]}
        value={filters.localAuthority ?? ''}
      />
      <Select
        name="sector"
        label="Sector"
        items={[{ value: '', text: 'All sectors' }, ...sectors.map((value) => ({ value, text: sectorLabels[value] }))]}
        value={filters.sector ?? ''}
      />
      {props.wholeProvider && filters.jobCoachId ? (
        <input type="hidden" name="jobCoachId" value={filters.jobCoachId} />
      ) : null}
      <Button variant="secondary">Show the figures</Button>
    </form>
  );
}

/** One breakdown of the outcome figures: its chart and its table. */
export function BreakdownSection(props: { id: string; title: string; rows: Row[] }) {
  return (
    <section aria-labelledby={props.id}>
      <h2 class="govuk-heading-m" id={props.id}>
        {props.title}
      </h2>
      {props.rows.length === 0 ? <p class="govuk-body">No internships match these filters.</p> : null}
      <GroupChart id={`${props.id}-chart`} title={props.title} rows={props.rows} />
      {props.rows.length > 0 ? <GroupTable caption={props.title} rows={props.rows} figures={groupFigures} /> : null}
    </section>
  );
}

/** The job coaches of a whole provider, a page at a time; each name narrows the report to that coach. */
export function CoachBreakdown(props: { dashboard: ProviderDashboard; filters: DashboardFilters; coachPage: number }) {
  const { dashboard, filters } = props;
  const coaches = dashboard.byJobCoachPage;
  const coachPages = Math.max(1, Math.ceil(coaches.total / coaches.limit));
  return (
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
            href={(row) => (typeof row.key === 'string' ? reportsHref({ ...filters, jobCoachId: row.key }) : undefined)}
          />
          <Pagination
            page={props.coachPage}
            pages={coachPages}
            href={(page) => `${reportsHref({ ...filters, coachPage: page > 1 ? page : undefined })}#by-coach`}
          />
        </>
      )}
    </section>
  );
}

export function StudyProgrammeSection(props: { rows: Row[]; figures: string[]; definitions: Record<string, string> }) {
  return (
    <section aria-labelledby="study">
      <h2 class="govuk-heading-m" id="study">
        Study programme: attendance, English and maths
      </h2>
      <GroupTable caption="Study programme, by academic year" rows={props.rows} figures={props.figures} />
      <dl class="govuk-body-s">
        {props.figures.map((figure) => (
          <>
            <dt class="govuk-!-font-weight-bold">{figureWords[figure]}</dt>
            <dd class="govuk-!-margin-left-0 govuk-!-margin-bottom-2">{props.definitions[figure]}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

export function EligibilityExceptions(props: { dashboard: ProviderDashboard }) {
  const { eligibilityExceptions: exceptions, definitions } = props.dashboard;
  return (
    <>
      <h2 class="govuk-heading-m">Eligibility exceptions</h2>
      <p class="govuk-body">
        {exceptions.total} {exceptions.total === 1 ? 'young person was' : 'young people were'} admitted by a recorded
        exception, {exceptions.withoutEhcPlan} of them with no EHC plan.
      </p>
      <p class="govuk-body-s">{definitions['eligibilityExceptions.total']}</p>
    </>
  );
}
