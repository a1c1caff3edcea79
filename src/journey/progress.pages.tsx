import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, type FormBody, readForm } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate } from '../web/young-person.js';
import { hoursFrom, value } from './journey-forms.js';
import { loadJourney } from './load-journey.js';
import { type ChartMark, SupportChart } from './support-chart.js';

// ---------------------------------------------------------------- the caseload's hours for one week

const hoursField = (kind: 'hoursWorked' | 'supportHours', matchId: string) => `${kind}-${matchId}`;

/** Every intern on the caller's caseload with two boxes for one week's hours: a minute for a whole caseload. */
async function caseloadHoursPage(c: Context<WebEnv>, form: FormBody = {}, errors: FieldErrors = {}) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('Only job coaches record their caseload’s hours.');
  const week = await c.var.services.progress.caseloadWeek(actor, value(form, 'week') || c.req.query('week') || '');
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const shown = (kind: 'hoursWorked' | 'supportHours', intern: (typeof week.interns)[number]) => {
    const field = hoursField(kind, intern.matchId);
    if (field in form) return value(form, field);
    return intern.log ? String(intern.log[kind]) : '';
  };
  return renderPage(
    c,
    { title: `Hours for the week starting ${longDate(week.weekStarting)}`, hasErrors, backLink: '/caseload' },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">Your caseload</span>
        <h1 class="govuk-heading-l">Hours for the week starting {longDate(week.weekStarting)}</h1>
        <p class="govuk-body">
          <a class="govuk-link" href={`/caseload/hours?week=${week.previousWeek}`}>
            The week before
          </a>
          {week.nextWeek ? (
            <>
              {' | '}
              <a class="govuk-link" href={`/caseload/hours?week=${week.nextWeek}`}>
                The week after
              </a>
            </>
          ) : null}
        </p>
        {week.interns.length === 0 ? (
          <p class="govuk-body">Nobody on your caseload was on a placement that week.</p>
        ) : week.isFuture ? (
          <p class="govuk-body">This week has not begun yet.</p>
        ) : (
          <form method="post" novalidate>
            <CsrfField token={csrfToken(c)} />
            <input type="hidden" name="week" value={week.weekStarting} />
            <p class="govuk-body">
              Leave both boxes empty for anyone you will log later. Changing hours that are already saved corrects that
              log; what it said before is kept.
            </p>
            {week.interns.map((intern) => (
              <fieldset class="govuk-fieldset govuk-!-margin-bottom-6">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {intern.youngPersonName}: {intern.placement.title} at {intern.placement.employerName}
                  {intern.log ? ' (saved)' : ''}
                </legend>
                <Input
                  name={hoursField('hoursWorked', intern.matchId)}
                  label={`${intern.youngPersonName}: hours worked`}
                  inputmode="decimal"
                  width="3"
                  value={shown('hoursWorked', intern)}
                  error={errors[hoursField('hoursWorked', intern.matchId)]}
                />
                <Input
                  name={hoursField('supportHours', intern.matchId)}
                  label={`${intern.youngPersonName}: hours of job coach support`}
                  inputmode="decimal"
                  width="3"
                  value={shown('supportHours', intern)}
                  error={errors[hoursField('supportHours', intern.matchId)]}
                />
              </fieldset>
            ))}
            <Button>Save the hours</Button>
          </form>
        )}
      </div>
    </div>,
  );
}

async function saveCaseloadHours(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const form = await readForm(c);
  const week = await c.var.services.progress.caseloadWeek(actor, value(form, 'week'));
  const errors: FieldErrors = {};
  const entries = week.interns.flatMap((intern) => {
    const worked = hoursField('hoursWorked', intern.matchId);
    const support = hoursField('supportHours', intern.matchId);
    if (!value(form, worked) && !value(form, support)) return [];
    const hoursWorked = hoursFrom(
      form,
      worked,
      `${intern.youngPersonName}’s hours worked`,
      errors,
      `Enter ${intern.youngPersonName}’s hours worked`,
    );
    const supportHours = hoursFrom(
      form,
      support,
      `${intern.youngPersonName}’s hours of support`,
      errors,
      `Enter ${intern.youngPersonName}’s hours of support`,
    );
    return [{ matchId: intern.matchId, hoursWorked, supportHours }];
  });
  if (Object.keys(errors).length > 0) return caseloadHoursPage(c, form, errors);
  const { saved, problems } = await c.var.services.progress.saveCaseloadWeek(
    actor,
    week.weekStarting,
    entries,
    c.get('requestId'),
  );
  if (problems.size > 0) {
    const names = new Map(week.interns.map((intern) => [intern.matchId, intern.youngPersonName]));
    for (const [matchId, problem] of problems)
      errors[hoursField('hoursWorked', matchId)] = `${names.get(matchId)}: ${problem}`;
    return caseloadHoursPage(c, form, errors);
  }
  return redirectWithFlash(
    c,
    `/caseload/hours?week=${week.weekStarting}`,
    saved === 1 ? 'One log is saved' : `${saved} logs are saved`,
  );
}

// ---------------------------------------------------------------- progress

type Progress = Awaited<ReturnType<WebEnv['Variables']['services']['progress']['progress']>>;
type CoachingWeeks = NonNullable<
  Awaited<ReturnType<WebEnv['Variables']['services']['accessToWork']['journeyDates']>>
>['coachingWeeks'];

async function progressPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const progress = await c.var.services.progress.progress(actor, pageParam(c, 'matchId'));
  const { view } = await loadJourney(c);
  const coachingWeeks = (await c.var.services.accessToWork.journeyDates(actor, view.youngPerson.id))?.coachingWeeks;
  const marks = coachingWeeks
    ? [
        { afterWeek: coachingWeeks.intensiveUntilWeek, label: 'Intensive coaching ends' },
        { afterWeek: coachingWeeks.discretionaryUntilWeek, label: 'Extra weeks end' },
      ]
    : [];
  // A week with a log has both figures; the chart draws only those.
  const chartWeeks = progress.weeks.flatMap(({ weekNumber, hoursWorked, supportHours }) =>
    hoursWorked === undefined || supportHours === undefined ? [] : [{ weekNumber, hoursWorked, supportHours }],
  );
  return renderPage(
    c,
    { title: `Progress: ${view.youngPerson.preferredName}`, backLink: `/journeys/${view.id}` },
    <>
      <span class="govuk-caption-l">
        {view.youngPerson.preferredName} at {view.placement.employerName}
      </span>
      <h1 class="govuk-heading-l">Progress week by week</h1>
      <SupportSoFar progress={progress} coachingWeeks={coachingWeeks} />
      {chartWeeks.length > 0 ? <SupportChart weeks={chartWeeks} marks={marks} /> : null}
      <WeeklyHoursTable
        weeks={progress.weeks}
        marks={marks}
        logPath={`/journeys/${view.id}/weekly-log`}
        canLog={view.yourNextSteps.some((next) => next.action === 'log_week')}
      />
      {progress.reviews.length > 0 ? <Reviews reviews={progress.reviews} /> : null}
    </>,
  );
}

/** How job coach support has faded, the weeks with no log, the next review and what Access to Work pays for. */
function SupportSoFar(props: { progress: Progress; coachingWeeks: CoachingWeeks | undefined }) {
  const { progress, coachingWeeks } = props;
  const { earlyAverageSupportHours: early, recentAverageSupportHours: recent } = progress.fading;
  return (
    <>
      {early !== null && recent !== null ? (
        <p class="govuk-body">
          Job coach support: {early} hours a week in the first 4 logged weeks, {recent} in the last 4.
          {recent < early ? ' Support is fading, as planned.' : ''}
        </p>
      ) : (
        <p class="govuk-body">No weeks are logged yet.</p>
      )}
      {progress.weeksWithoutLog.length > 0 ? (
        <p class="govuk-body">
          <strong>Weeks with no log:</strong> {progress.weeksWithoutLog.map((week) => longDate(week)).join(', ')}.
        </p>
      ) : null}
      {progress.nextReviewDue ? <p class="govuk-body">Next review due: {longDate(progress.nextReviewDue)}.</p> : null}
      {coachingWeeks ? (
        <p class="govuk-body">
          Access to Work pays for intensive job coaching for the first {coachingWeeks.intensiveUntilWeek} weeks, and up
          to week {coachingWeeks.discretionaryUntilWeek} if the adviser agrees. The chart and the table mark both.
        </p>
      ) : null}
    </>
  );
}

/** Every week's hours, the chart's marks under their week, and a link to record or change each week's log. */
function WeeklyHoursTable(props: { weeks: Progress['weeks']; marks: ChartMark[]; logPath: string; canLog: boolean }) {
  const { canLog, logPath } = props;
  const markAfter = new Map(props.marks.map((mark) => [mark.afterWeek, mark.label]));
  return (
    <TableRegion label="Hours each week">
      <Table
        caption="Hours each week"
        captionClasses="govuk-table__caption--m"
        firstCellIsHeader
        head={[
          { text: 'Week' },
          { text: 'Starting' },
          { text: 'Hours worked', format: 'numeric' },
          { text: 'Support hours', format: 'numeric' },
          ...(canLog ? [{ text: 'Log' }] : []),
        ]}
        rows={props.weeks.map((week) => [
          {
            text: (
              <>
                {week.weekNumber}
                {markAfter.has(week.weekNumber) ? (
                  <span class="govuk-body-s govuk-!-display-block">
                    {markAfter.get(week.weekNumber)} after this week
                  </span>
                ) : null}
              </>
            ),
          },
          { text: longDate(week.weekStarting) },
          { text: week.logged ? week.hoursWorked : 'No log', format: 'numeric' as const },
          { text: week.logged ? week.supportHours : 'No log', format: 'numeric' as const },
          ...(canLog
            ? [
                {
                  text: week.logged ? (
                    <a class="govuk-link" href={`${logPath}/${week.weekStarting}`}>
                      Change<span class="govuk-visually-hidden"> the log of week {week.weekNumber}</span>
                    </a>
                  ) : (
                    <a class="govuk-link" href={`${logPath}?week=${week.weekStarting}`}>
                      Record<span class="govuk-visually-hidden"> a log for week {week.weekNumber}</span>
                    </a>
                  ),
                },
              ]
            : []),
        ])}
      />
    </TableRegion>
  );
}

function Reviews(props: { reviews: Progress['reviews'] }) {
  return (
    <>
      <h2 class="govuk-heading-m">Reviews</h2>
      <SummaryList
        rows={props.reviews.map((review) => ({
          key: longDate(review.heldOn),
          value: review.targets.map((target) => target.text).join('; '),
        }))}
      />
    </>
  );
}

/** A placement's progress over the weeks, and one week's hours for a whole caseload. */
export function progressPages() {
  const app = new Hono<WebEnv>();
  app.get('/caseload/hours', (c) => caseloadHoursPage(c));
  app.post('/caseload/hours', (c) => saveCaseloadHours(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/progress', (c) => progressPage(c));
  return app;
}
