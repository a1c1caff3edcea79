import { type Context, Hono } from 'hono';
import type { AccessToWorkService } from '../access-to-work/access-to-work.service.js';
import { type PassportSection, sectionLabels } from '../domain/vocabulary.js';
import type { Placement } from '../placements/placements.repository.js';
import { AccessToWorkTaskList } from '../web/access-to-work-tasks.js';
import { AdjustmentTaskList } from '../web/adjustment-tasks.js';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, type FormBody, readForm, tooLongAnswers } from '../web/forms.js';
import { InboxList } from '../web/inbox-list.js';
import { OutcomesTaskList } from '../web/outcomes-tasks.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords, stateWords } from '../web/words.js';
import { dateAndTime, longDate, monthInWords } from '../web/young-person.js';
import { actionForms, type InlineAction, isInlineAction, outcomeWords } from './journey-action-forms.js';
import { loadJourney } from './load-journey.js';

const historyWords: Record<string, string> = {
  propose: 'Proposed by the job coach',
  accept: 'The young person said yes and chose what to share',
  decline: 'The young person said no',
  arrange_taster: 'The employer arranged a taster',
  employer_accept: 'The employer said yes',
  employer_decline: 'The employer said no',
  start: 'The internship started',
  record_rotation: 'A rotation was recorded',
  complete: 'The internship finished',
  record_follow_up: 'The 12-month follow-up was recorded',
  withdraw: 'Withdrawn',
};

const roleWords: Record<string, string> = {
  job_coach: 'job coach',
  young_person: 'young person',
  delegate: 'parent or carer',
  employer: 'employer',
  provider_admin: 'provider admin',
};

type JourneyView = Awaited<ReturnType<typeof loadJourney>>['view'];
type Attendance = NonNullable<Awaited<ReturnType<WebEnv['Variables']['services']['study']['journeyAttendance']>>>;
type FailedAction = { action: InlineAction; values: FormBody; errors: FieldErrors };

async function journeyPage(c: Context<WebEnv>, failed?: FailedAction) {
  const actor = pageActor(c);
  if (actor.role === 'young_person' || actor.role === 'delegate') {
    const matchId = pageParam(c, 'matchId');
    const { match } = await c.var.services.journey.get(actor, matchId);
    return c.redirect(`/young-people/${match.youngPersonId}/proposals/${matchId}`, 303);
  }
  const { match, view } = await loadJourney(c);
  const [accessToWork, attendance] = await Promise.all([
    c.var.services.accessToWork.journeyDates(actor, view.youngPerson.id),
    c.var.services.study.journeyAttendance(actor, match),
  ]);
  // The employer decides with the placement's practicalities in front of them: its own placement, which it may read.
  const practicalities =
    actor.role === 'employer' ? (await c.var.services.placements.get(actor, view.placement.id)).placement : undefined;
  const base = `/journeys/${match.id}`;
  const errors = failed?.errors ?? {};
  if (failed) c.status(400);
  return renderPage(
    c,
    {
      title: `${view.youngPerson.preferredName}: ${view.placement.title}`,
      hasErrors: Object.keys(errors).length > 0,
      backLink: actor.role === 'job_coach' ? '/caseload' : '/',
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">Placement journey</span>
        <h1 class="govuk-heading-l">
          {view.youngPerson.preferredName}: {view.placement.title}
        </h1>
        <JourneySummary view={view} practicalities={practicalities} forEmployer={actor.role === 'employer'} />
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/adjustments`}>
            Adjustments at work
          </a>
        </p>
        {accessToWork ? <AccessToWorkDates dates={accessToWork} /> : null}
        {attendance ? <AttendanceSummary attendance={attendance} /> : null}
        {view.note ? <WhyProposed note={view.note} /> : null}
        {view.hardLimitOverride ? <OutsideLimitsWarning reason={view.hardLimitOverride.reason} /> : null}
        <WhatYouCanDo
          view={view}
          base={base}
          seesAfterPage={actor.role === 'job_coach' || actor.role === 'provider_admin'}
          csrf={csrfToken(c)}
          failed={failed}
        />
        <Timeline history={view.history} />
        {view.rotations.length > 0 ? <Rotations rotations={view.rotations} /> : null}
      </div>
    </div>,
  );
}

/** The facts of the journey, one row each: who, where, when, its state, the coach, the taster and what was shared. */
function JourneySummary(props: { view: JourneyView; practicalities: Placement | undefined; forEmployer: boolean }) {
  const { view, practicalities, forEmployer } = props;
  const coach = view.jobCoach;
  const shared = view.youngPersonResponse?.sharedSections;
  const state = stateWords[view.state];
  const rows = [
    {
      key: 'Young person',
      value: forEmployer ? (
        view.youngPerson.preferredName
      ) : (
        <a class="govuk-link" href={`/young-people/${view.youngPerson.id}`}>
          {view.youngPerson.preferredName}
        </a>
      ),
    },
    { key: 'Placement', value: `${view.placement.title} at ${view.placement.employerName}` },
    ...(practicalities
      ? [
          {
            key: 'Days and times',
            value: `${daysInWords(practicalities.schedule.days)}, ${practicalities.schedule.startTime} to ${practicalities.schedule.endTime}, ${practicalities.schedule.hoursPerWeek} hours a week`,
          },
          {
            key: 'Starts',
            value: `${longDate(practicalities.startDate)}, for ${practicalities.durationWeeks} weeks`,
          },
        ]
      : []),
    { key: 'Where it is now', value: <Tag colour={state.colour}>{state.text}</Tag> },
    ...(coach ? [{ key: 'Job coach', value: <CoachContact name={coach.name} email={coach.email} /> }] : []),
    ...(view.startedOn ? [{ key: 'Started', value: longDate(view.startedOn) }] : []),
    ...(view.endedOn ? [{ key: 'Ended', value: longDate(view.endedOn) }] : []),
    ...(view.outcome ? [{ key: 'Outcome', value: outcomeWords[view.outcome.type] ?? view.outcome.type }] : []),
    ...(view.taster ? [{ key: 'Taster', value: <TasterDetails taster={view.taster} /> }] : []),
    ...(shared
      ? [{ key: 'Passport shared', value: <PassportShared view={view} sections={shared} forEmployer={forEmployer} /> }]
      : []),
  ];
  return <SummaryList rows={rows} />;
}

function CoachContact(props: { name: string; email: string }) {
  return (
    <>
      {props.name},{' '}
      <a class="govuk-link" href={`mailto:${props.email}`}>
        {props.email}
      </a>
    </>
  );
}

function TasterDetails(props: { taster: NonNullable<JourneyView['taster']> }) {
  const { taster } = props;
  return (
    <>
      {`${taster.kind === 'taster_day' ? 'Taster day' : 'Informal interview'} on ${longDate(taster.date)} at ${taster.place}`}
      {taster.notes ? <p class="govuk-body app-section-text">{taster.notes}</p> : null}
    </>
  );
}

/** The parts of the passport the young person shared; the employer also gets the link to read them. */
function PassportShared(props: { view: JourneyView; sections: PassportSection[]; forEmployer: boolean }) {
  const { view, sections } = props;
  if (sections.length === 0) return 'Nothing shared';
  return (
    <>
      <ul class="govuk-list">
        {sections.map((section) => (
          <li>{sectionLabels[section]}</li>
        ))}
      </ul>
      {props.forEmployer && view.youngPersonResponse?.shareId ? (
        <a class="govuk-link" href={`/shared-passports/${view.youngPersonResponse.shareId}`}>
          Read what {view.youngPerson.preferredName} shared
        </a>
      ) : null}
    </>
  );
}

function AttendanceSummary(props: { attendance: Attendance }) {
  const { attendance } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Attendance</h2>
      <p class="govuk-body">
        {attendance.percent === null
          ? 'No attendance recorded yet.'
          : `${attendance.percent}% (${attendance.daysAttended} of ${attendance.daysExpected} days expected).`}{' '}
        <a class="govuk-link" href={attendance.recordPath ?? attendance.studyPath}>
          {attendance.recordPath ? 'Record attendance' : 'See the study programme'}
        </a>
      </p>
    </>
  );
}

function WhyProposed(props: { note: string }) {
  return (
    <>
      <h2 class="govuk-heading-m">Why the job coach proposed it</h2>
      <p class="govuk-body app-section-text">{props.note}</p>
    </>
  );
}

function OutsideLimitsWarning(props: { reason: string }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        This placement is outside some of the young person’s limits. The reason given: {props.reason}
      </strong>
    </div>
  );
}

/**
 * The steps the journey table allows the reader now: links to the pages of their own (weekly log, review,
 * after the placement, progress) and a form for each step taken here, keeping what was typed on an error.
 */
function WhatYouCanDo(props: {
  view: JourneyView;
  base: string;
  seesAfterPage: boolean;
  csrf: string;
  failed: FailedAction | undefined;
}) {
  const { view, base, failed } = props;
  const steps = view.yourNextSteps.map((step) => step.action);
  return (
    <>
      <h2 class="govuk-heading-m">What you can do now</h2>
      {steps.length === 0 ? <p class="govuk-body">Nothing is waiting for you on this journey.</p> : null}
      {steps.includes('log_week') || steps.includes('record_review') ? (
        <ul class="govuk-list">
          {steps.includes('log_week') ? (
            <li>
              <a class="govuk-link" href={`${base}/weekly-log`}>
                Record a weekly log
              </a>
            </li>
          ) : null}
          {steps.includes('record_review') ? (
            <li>
              <a class="govuk-link" href={`${base}/review`}>
                Record a progress review
              </a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {view.startedOn && props.seesAfterPage ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/after`}>
            Core aims, employment plan and follow-ups
          </a>
        </p>
      ) : null}
      {steps.filter(isInlineAction).map((action) => (
        <InlineActionForm
          action={action}
          base={base}
          csrf={props.csrf}
          values={failed?.action === action ? failed.values : {}}
          errors={failed?.action === action ? failed.errors : {}}
        />
      ))}
      {view.state === 'in_progress' || view.startedOn ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/progress`}>
            See progress week by week
          </a>
        </p>
      ) : null}
    </>
  );
}

function InlineActionForm(props: {
  action: InlineAction;
  base: string;
  csrf: string;
  values: FormBody;
  errors: FieldErrors;
}) {
  const form = actionForms[props.action];
  return (
    <form method="post" action={`${props.base}/${props.action}`} novalidate>
      <CsrfField token={props.csrf} />
      <h3 class="govuk-heading-s">{form.heading}</h3>
      {form.fields(props.values, props.errors)}
      <Button variant={form.warning ? 'warning' : undefined}>{form.button}</Button>
    </form>
  );
}

/** What has happened on the journey, newest first, with who did it. */
function Timeline(props: { history: JourneyView['history'] }) {
  return (
    <>
      <h2 class="govuk-heading-m">What has happened</h2>
      <ol class="app-timeline govuk-list">
        {[...props.history].reverse().map((entry) => (
          <li class="app-timeline__item">
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1">{historyWords[entry.action] ?? entry.action}</h3>
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              {dateAndTime(entry.at)}, by the {roleWords[entry.by.role] ?? entry.by.role}
            </p>
            {'overrideReason' in entry && entry.overrideReason ? (
              <p class="govuk-body-s">Outside the young person’s limits because: {String(entry.overrideReason)}</p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function Rotations(props: { rotations: JourneyView['rotations'] }) {
  return (
    <>
      <h2 class="govuk-heading-m">Rotations</h2>
      <SummaryList
        rows={props.rotations.map((rotation) => ({
          key: rotation.department,
          value: `${longDate(rotation.startDate)}${rotation.endDate ? ` to ${longDate(rotation.endDate)}` : ''}${rotation.tasks.length ? `: ${rotation.tasks.join(', ')}` : ''}`,
        }))}
      />
    </>
  );
}

async function takeAction(c: Context<WebEnv>) {
  const action = pageParam(c, 'action');
  if (!isInlineAction(action)) throw pageNotFound();
  const form = await readForm(c);
  const tooLong = tooLongAnswers(form, actionForms[action].limits ?? {});
  const errors =
    Object.keys(tooLong).length > 0 ? tooLong : await actionForms[action].submit(c, pageParam(c, 'matchId'), form);
  if (errors && Object.keys(errors).length > 0) return journeyPage(c, { action, values: form, errors });
  return redirectWithFlash(c, `/journeys/${c.req.param('matchId')}`, actionForms[action].done);
}

// ---------------------------------------------------------------- inbox

async function inboxPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const [items, accessToWorkTasks, outcomesTasks, adjustmentTasks] = await Promise.all([
    c.var.services.inbox.inbox(actor),
    c.var.services.accessToWork.coachTasks(actor),
    c.var.services.outcomes.coachTasks(actor),
    c.var.services.adjustments.inboxTasks(actor),
  ]);
  return renderPage(
    c,
    { title: 'What needs you' },
    <>
      <h1 class="govuk-heading-l">What needs you</h1>
      <InboxList items={items} />
      {accessToWorkTasks.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Access to Work</h2>
          <AccessToWorkTaskList tasks={accessToWorkTasks} />
        </>
      ) : null}
      {outcomesTasks.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">EHC plan reviews and follow-ups</h2>
          <OutcomesTaskList tasks={outcomesTasks} />
        </>
      ) : null}
      {adjustmentTasks.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Adjustments</h2>
          <AdjustmentTaskList tasks={adjustmentTasks} />
        </>
      ) : null}
    </>,
  );
}

type JourneyDates = NonNullable<Awaited<ReturnType<AccessToWorkService['journeyDates']>>>;

/** Access to Work's dates for the intern, for the provider's staff: what is due, late or coming. */
function AccessToWorkDates(props: { dates: JourneyDates }) {
  const { dates, claimDue, applicationSentOn, awarded, path } = props.dates;
  const late = (
    <>
      {' '}
      <Tag colour="red">Late</Tag>
    </>
  );
  const application = awarded ? (
    'Award recorded'
  ) : applicationSentOn ? (
    `Sent on ${longDate(applicationSentOn)}`
  ) : dates.applicationOpensOn ? (
    <>
      Not sent. It could be sent from {longDate(dates.applicationOpensOn)}.{dates.applicationLate ? late : null}
    </>
  ) : (
    'Not sent'
  );
  const rows = [
    { key: 'Application', value: application },
    ...(dates.reconsiderationDeadline
      ? [{ key: 'Ask for a reconsideration by', value: longDate(dates.reconsiderationDeadline) }]
      : []),
    ...(dates.fundedUntil && dates.renewalOpensOn
      ? [
          {
            key: 'Renewal',
            value: `Opens ${longDate(dates.renewalOpensOn)}; the award ends ${longDate(dates.fundedUntil)}`,
          },
        ]
      : []),
    ...(claimDue
      ? [
          {
            key: `Claim for ${monthInWords(claimDue.month)}`,
            value: (
              <>
                Due by {longDate(claimDue.dueOn)}
                {claimDue.late ? late : null}
              </>
            ),
          },
        ]
      : []),
    ...(dates.intensiveCoachingUntil && dates.discretionaryCoachingUntil
      ? [
          {
            key: 'Intensive job coaching',
            value: `Until ${longDate(dates.intensiveCoachingUntil)}; up to ${longDate(dates.discretionaryCoachingUntil)} if the adviser agrees`,
          },
        ]
      : []),
  ];
  return (
    <>
      <h2 class="govuk-heading-m">Access to Work dates</h2>
      <SummaryList rows={rows} />
      <p class="govuk-body">
        <a class="govuk-link" href={path}>
          Open Access to Work
        </a>
      </p>
    </>
  );
}

/** The journey of one proposal for coaches and employers: its timeline and only the steps the state machine allows now. */
export function journeyPages() {
  const app = new Hono<WebEnv>();
  app.get('/inbox', (c) => inboxPage(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}', (c) => journeyPage(c));
  app.post('/journeys/:matchId{[0-9a-f]{24}}/:action', (c) => takeAction(c));
  return app;
}
