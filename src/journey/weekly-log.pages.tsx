import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import { Button } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, type FormWording, readForm, tooLongAnswers } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { unlessAbsent } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { dateAndTime, longDate } from '../web/young-person.js';
import { reviewInputSchema, weeklyLogInputSchema } from './journey.schemas.js';
import {
  call,
  firstSegment,
  hoursFrom,
  limitOf,
  lineItems,
  linesProblem,
  requireDate,
  value,
} from './journey-forms.js';
import { loadJourney } from './load-journey.js';

// ---------------------------------------------------------------- weekly log and review

interface LogValues {
  form: FormBody;
  errors: FieldErrors;
}

/** The frame of the progress forms (weekly log, review): caption, heading, errors, CSRF, 400 on errors. */
async function progressForm(
  c: Context<WebEnv>,
  page: { title: string; heading: string; intro: string; errors: FieldErrors },
  fields: Child,
) {
  const { view } = await loadJourney(c);
  const hasErrors = Object.keys(page.errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `${page.title}: ${view.youngPerson.preferredName}`, hasErrors, backLink: `/journeys/${view.id}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={page.errors} />
        <span class="govuk-caption-l">
          {view.youngPerson.preferredName} at {view.placement.employerName}
        </span>
        <h1 class="govuk-heading-l">{page.heading}</h1>
        <p class="govuk-body">{page.intro}</p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          {fields}
        </form>
      </div>
    </div>,
  );
}

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

/** The hours and notes of a log: the fields the first log and a correction share. */
function LogFields(props: { form: FormBody; errors: FieldErrors; button: string }) {
  const { form, errors } = props;
  return (
    <>
      <Input
        name="hoursWorked"
        label="Hours worked"
        inputmode="decimal"
        width="3"
        value={value(form, 'hoursWorked')}
        error={errors.hoursWorked}
      />
      <Input
        name="supportHours"
        label="Hours of job coach support"
        hint="Time you spent supporting at work this week."
        inputmode="decimal"
        width="3"
        value={value(form, 'supportHours')}
        error={errors.supportHours}
      />
      <Input
        name="studyHours"
        label="Hours of study support (optional)"
        hint="English, maths or employability. Access to Work does not pay for this time."
        inputmode="decimal"
        width="3"
        value={value(form, 'studyHours')}
        error={errors.studyHours}
      />
      <CharacterCount
        name="tasksDone"
        label="Tasks done (optional)"
        hint="One on each line."
        value={value(form, 'tasksDone')}
        rows={3}
        error={errors.tasksDone}
      />
      <CharacterCount
        name="notes"
        label="Notes (optional)"
        value={value(form, 'notes')}
        rows={3}
        maxLength={2000}
        error={errors.notes}
      />
      <Button>{props.button}</Button>
    </>
  );
}

async function weeklyLogPage(c: Context<WebEnv>, { form, errors }: LogValues, loggedWeek?: string) {
  const matchId = pageParam(c, 'matchId');
  const weeks = await c.var.services.progress.weeksToLog(pageActor(c), matchId);
  const chosen = value(form, 'week') || c.req.query('week') || '';
  return progressForm(
    c,
    {
      title: 'Weekly log',
      heading: 'Record a weekly log',
      intro: 'One log for each week. It shows how much support is needed as time goes on.',
      errors,
    },
    <>
      {loggedWeek ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/journeys/${matchId}/weekly-log/${loggedWeek}`}>
            Change the log for the week starting {longDate(loggedWeek)}
          </a>
        </p>
      ) : null}
      {weeks.length > 0 ? (
        <Radios
          name="week"
          legend="Which week?"
          legendSize="s"
          hint="The weeks with no log yet."
          items={[
            ...weeks.map((week) => ({
              value: week.weekStarting,
              text: `Week ${week.weekNumber}, starting ${longDate(week.weekStarting)}`,
            })),
            { value: 'other', text: 'Another week' },
          ]}
          value={chosen}
          error={errors.week}
        />
      ) : null}
      <DateInput
        name="weekStarting"
        legend={weeks.length > 0 ? 'Another week: any day in it' : 'Any day in the week'}
        legendSize="s"
        hint="For example, 9 9 2026. The log is for the week that day is in."
        value={datePartsFrom(form, 'weekStarting')}
        error={errors.weekStarting}
      />
      <LogFields form={form} errors={errors} button="Save the weekly log" />
    </>,
  );
}

/** How the weekly log's fields are named when the service refuses one ("That week already has a log"). */
const weeklyLogWording: FormWording = { weekStarting: { label: 'That week' } };

/** What the hours and notes fields of a log say, or their problems. */
function logEntryFrom(form: FormBody, errors: FieldErrors) {
  const hoursWorked = hoursFrom(form, 'hoursWorked', 'Hours worked', errors);
  const supportHours = hoursFrom(form, 'supportHours', 'Hours of support', errors);
  const studyHours = value(form, 'studyHours') ? hoursFrom(form, 'studyHours', 'Hours of study support', errors) : 0;
  Object.assign(
    errors,
    linesProblem(form, 'tasksDone', 'Tasks done', weeklyLogInputSchema.shape.tasksDone),
    tooLongAnswers(form, { notes: limitOf('Notes', weeklyLogInputSchema.shape.notes) }),
  );
  const notes = value(form, 'notes');
  const tasksDone = lineItems(form, 'tasksDone');
  return { hoursWorked, supportHours, studyHours, tasksDone, independence: [], ...(notes ? { notes } : {}) };
}

/** The week chosen from the list, else the day typed; undefined (with the problem) when neither is usable. */
function weekFrom(form: FormBody, errors: FieldErrors): string | undefined {
  const chosen = value(form, 'week');
  if (chosen && chosen !== 'other') {
    if (isoDatePattern.test(chosen)) return chosen;
    errors.week = 'Choose a week from the list';
    return undefined;
  }
  return requireDate(form, 'weekStarting', 'A day in the week', errors);
}

async function saveWeeklyLog(c: Context<WebEnv>) {
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const weekStarting = weekFrom(form, errors);
  const entry = logEntryFrom(form, errors);
  if (Object.keys(errors).length > 0 || !weekStarting) return weeklyLogPage(c, { form, errors });
  const actor = pageActor(c);
  const matchId = pageParam(c, 'matchId');
  const problems = await call(
    () => c.var.services.progress.logWeek(actor, matchId, { weekStarting, ...entry }, c.get('requestId')),
    firstSegment,
    weeklyLogWording,
  );
  if (problems) {
    const logged = await unlessAbsent(c.var.services.progress.logOf(actor, matchId, weekStarting));
    return weeklyLogPage(c, { form, errors: problems }, logged?.weekStarting);
  }
  return redirectWithFlash(c, `/journeys/${matchId}/progress`, 'The weekly log is saved');
}

/** The log of one week, to correct: the earlier version is kept and the change audited. */
async function correctLogPage(c: Context<WebEnv>, { form, errors }: LogValues) {
  const log = await c.var.services.progress.logOf(pageActor(c), pageParam(c, 'matchId'), pageParam(c, 'week'));
  const values: FormBody = Object.keys(form).length
    ? form
    : {
        hoursWorked: String(log.hoursWorked),
        supportHours: String(log.supportHours),
        studyHours: String(log.studyHours),
        tasksDone: log.tasksDone.join('\n'),
        notes: log.notes ?? '',
      };
  return progressForm(
    c,
    {
      title: 'Change a weekly log',
      heading: `Change the log for week ${log.weekNumber}, starting ${longDate(log.weekStarting)}`,
      intro: `Last saved ${dateAndTime(log.recordedAt)}. What it says now is kept as an earlier version, and the change is recorded.`,
      errors,
    },
    <LogFields form={values} errors={errors} button="Save the change" />,
  );
}

async function saveCorrection(c: Context<WebEnv>) {
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const entry = logEntryFrom(form, errors);
  if (Object.keys(errors).length > 0) return correctLogPage(c, { form, errors });
  const matchId = pageParam(c, 'matchId');
  const problems = await call(() =>
    c.var.services.progress.correctLog(pageActor(c), matchId, pageParam(c, 'week'), entry, c.get('requestId')),
  );
  if (problems) return correctLogPage(c, { form, errors: problems });
  return redirectWithFlash(c, `/journeys/${matchId}/progress`, 'The weekly log is changed');
}

async function reviewPage(c: Context<WebEnv>, { form, errors }: LogValues) {
  const { match } = await loadJourney(c);
  const outcomes = (await c.var.services.outcomes.outcomeChoicesFor(pageActor(c), match.youngPersonId)) ?? [];
  return progressForm(
    c,
    {
      title: 'Progress review',
      heading: 'Record a progress review',
      intro: 'Reviews happen about every 6 weeks. Agree one target or more with the young person.',
      errors,
    },
    <>
      <DateInput
        name="heldOn"
        legend="When was the review?"
        legendSize="s"
        value={datePartsFrom(form, 'heldOn')}
        error={errors.heldOn}
      />
      <CharacterCount
        name="summary"
        label="How it is going (optional)"
        value={value(form, 'summary')}
        rows={4}
        maxLength={2000}
        error={errors.summary}
      />
      <h2 class="govuk-heading-m">Target</h2>
      <Input
        name="targetText"
        label="What the intern will do"
        hint="For example, Set up the breakfast room on my own."
        value={value(form, 'targetText')}
        error={errors.targetText}
      />
      <Input
        name="targetMeasure"
        label="How everyone will know it is done"
        hint="For example, Three mornings in a row with no prompts."
        value={value(form, 'targetMeasure')}
        error={errors.targetMeasure}
      />
      <DateInput
        name="targetDue"
        legend="By when"
        legendSize="s"
        value={datePartsFrom(form, 'targetDue')}
        error={errors.targetDue}
      />
      {outcomes.length > 0 ? (
        <Radios
          name="targetOutcome"
          legend="Which outcome of the EHC plan does this target work towards?"
          legendSize="s"
          items={outcomes.map((outcome) => ({ value: outcome.id, text: outcome.text }))}
          value={value(form, 'targetOutcome')}
          error={errors.targetOutcome}
        />
      ) : null}
      <Button>Save the review</Button>
    </>,
  );
}

async function saveReview(c: Context<WebEnv>) {
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const heldOn = requireDate(form, 'heldOn', 'The date of the review', errors);
  const targetText = value(form, 'targetText');
  const targetMeasure = value(form, 'targetMeasure');
  if (!targetText) errors.targetText = 'Enter what the intern will do';
  if (!targetMeasure) errors.targetMeasure = 'Enter how everyone will know it is done';
  const dueDate = requireDate(form, 'targetDue', 'The target date', errors);
  const target = reviewInputSchema.shape.targets.element.shape;
  Object.assign(
    errors,
    tooLongAnswers(form, {
      summary: limitOf('How it is going', reviewInputSchema.shape.summary),
      targetText: limitOf('What the intern will do', target.text),
      targetMeasure: limitOf('How everyone will know it is done', target.measure),
    }),
  );
  if (Object.keys(errors).length > 0 || !heldOn || !dueDate) return reviewPage(c, { form, errors });
  const summary = value(form, 'summary');
  const outcomeId = value(form, 'targetOutcome');
  const problems = await call(
    () =>
      c.var.services.progress.recordReview(
        pageActor(c),
        pageParam(c, 'matchId'),
        {
          heldOn,
          ...(summary ? { summary } : {}),
          targets: [
            {
              text: targetText,
              measure: targetMeasure,
              dueDate,
              status: 'not_started',
              ...(outcomeId ? { outcomeId } : {}),
            },
          ],
        },
        c.get('requestId'),
      ),
    (path) =>
      path.endsWith('outcomeId') ? 'targetOutcome' : path.startsWith('targets') ? 'targetText' : firstSegment(path),
    {
      heldOn: { label: 'The date of the review' },
      targetText: { label: 'The target' },
      targetOutcome: { label: 'The EHC plan outcome' },
    },
  );
  if (problems) return reviewPage(c, { form, errors: problems });
  return redirectWithFlash(c, `/journeys/${c.req.param('matchId')}/progress`, 'The review is saved');
}

/**
 * A week's log, its correction and the review, each on a page of its own. Mounted before journeyPages(),
 * whose `/journeys/{id}/{action}` would otherwise take these posts for inline actions.
 */
export function weeklyLogPages() {
  const app = new Hono<WebEnv>();
  app.get('/journeys/:matchId{[0-9a-f]{24}}/weekly-log', (c) => weeklyLogPage(c, { form: {}, errors: {} }));
  app.post('/journeys/:matchId{[0-9a-f]{24}}/weekly-log', (c) => saveWeeklyLog(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/weekly-log/:week{[0-9]+-[0-9]+-[0-9]+}', (c) =>
    correctLogPage(c, { form: {}, errors: {} }),
  );
  app.post('/journeys/:matchId{[0-9a-f]{24}}/weekly-log/:week{[0-9]+-[0-9]+-[0-9]+}', (c) => saveCorrection(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/review', (c) => reviewPage(c, { form: {}, errors: {} }));
  app.post('/journeys/:matchId{[0-9a-f]{24}}/review', (c) => saveReview(c));
  return app;
}
