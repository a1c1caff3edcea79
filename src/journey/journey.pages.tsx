import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import type { z } from 'zod';
import type { AccessToWorkService } from '../access-to-work/access-to-work.service.js';
import { sectionLabels } from '../domain/vocabulary.js';
import { AccessToWorkTaskList } from '../web/access-to-work-tasks.js';
import { Button } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { DateInput, type DateParts } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { Tag } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { pageForbidden, pageNotFound } from '../web/errors.js';
import {
  type FieldErrors,
  type FormBody,
  type FormWording,
  fieldErrorsFromRefusal,
  limitsOf,
  maxLengthOf,
  readForm,
  text,
  tooLongAnswers,
} from '../web/forms.js';
import { InboxList } from '../web/inbox-list.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { unlessAbsent } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords, stateWords } from '../web/words.js';
import { dateAndTime, longDate, monthInWords } from '../web/young-person.js';
import { partiesOf, placementMatchResource } from './journey.access.js';
import type { JourneyAction } from './journey.machine.js';
import {
  completeInputSchema,
  contractTypes,
  employerAcceptInputSchema,
  followUpInputSchema,
  reasonInputSchema,
  reviewInputSchema,
  rotationInputSchema,
  tasterInputSchema,
  tasterKinds,
  wageBands,
  weeklyLogInputSchema,
} from './journey.schemas.js';
import { matchView } from './journey.views.js';
import { SupportChart } from './support-chart.js';

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

const outcomeWords: Record<string, string> = {
  paid_employment: 'Paid job',
  apprenticeship: 'Apprenticeship',
  further_education: 'Further education',
  volunteering: 'Volunteering',
  other: 'Something else',
  none: 'No job or course yet',
};

const wageBandWords: Record<string, string> = Object.fromEntries(
  wageBands.map((band) => [band, band.replaceAll('_', ' ')]),
);
const contractWords: Record<string, string> = Object.fromEntries(
  contractTypes.map((type) => [type, type.replaceAll('_', ' ')]),
);

/** The actions whose form sits on the journey page itself; weekly logs and reviews have pages of their own. */
type InlineAction = Exclude<JourneyAction, 'accept' | 'decline' | 'log_week' | 'record_review'>;

interface ActionForm {
  heading: string;
  button: string;
  fields: (values: FormBody, errors: FieldErrors) => Child;
  /** The service call, with the form read into its input; problems come back as field errors. */
  submit: (c: Context<WebEnv>, id: string, form: FormBody) => Promise<FieldErrors | void>;
  /** The free-text fields and the longest answer each takes (the API's limit), checked before `submit`. */
  limits?: Record<string, TextLimit>;
  done: string;
  warning?: boolean;
}

const value = (form: FormBody, name: string) => text(form, name);

interface TextLimit {
  label: string;
  max: number;
}

const limitOf = (label: string, schema: z.ZodType): TextLimit => ({ label, max: maxLengthOf(schema) });

/**
 * A box of one item a line (tasks), checked against the limits of the API's list: the length of
 * each line and the number of lines.
 */
function linesProblem(form: FormBody, name: string, label: string, list: z.ZodType): FieldErrors {
  const { maxItems, itemMaxLength } = limitsOf(list);
  const lines = lineItems(form, name);
  if (itemMaxLength !== undefined && lines.some((item) => item.length > itemMaxLength))
    return { [name]: `${label} must be ${itemMaxLength} characters or fewer on each line` };
  if (maxItems !== undefined && lines.length > maxItems)
    return { [name]: `${label} must be ${maxItems} lines or fewer` };
  return {};
}

const lineItems = (form: FormBody, name: string) =>
  value(form, name)
    .split('\n')
    .map((item) => item.trim())
    .filter(Boolean);
const dateField = (form: FormBody, name: string): DateParts => datePartsFrom(form, name);

function requireDate(form: FormBody, name: string, label: string, errors: FieldErrors): string | undefined {
  const { value: date, error } = isoDateFrom(datePartsFrom(form, name), label);
  if (error) errors[name] = error;
  else if (!date) errors[name] = `Enter ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return date;
}

const firstSegment = (path: string) => path.split('.')[0] ?? 'form';

async function call(
  run: () => Promise<unknown>,
  fieldFor: (path: string) => string = firstSegment,
  wording: FormWording = {},
): Promise<FieldErrors | void> {
  try {
    await run();
  } catch (error) {
    return fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'validation_failed', 'conflict'],
      fieldFor,
      fallbackField: 'form',
      wording,
    });
  }
}

const actionForms: Record<InlineAction, ActionForm> = {
  start: {
    heading: 'Record the first day',
    button: 'Record the start',
    fields: (form, errors) => (
      <DateInput
        name="startedOn"
        legend="First day at the employer"
        legendSize="s"
        hint="Today or earlier. For example, 7 9 2026."
        value={dateField(form, 'startedOn')}
        error={errors.startedOn}
      />
    ),
    submit: async (c, id, form) => {
      const errors: FieldErrors = {};
      const startedOn = requireDate(form, 'startedOn', 'The first day', errors);
      if (!startedOn) return errors;
      return call(
        () => c.var.services.journey.start(pageActor(c), id, { startedOn }, c.get('requestId')),
        firstSegment,
        { startedOn: { label: 'The first day' } },
      );
    },
    done: 'The internship has started',
  },
  record_rotation: {
    heading: 'Record a rotation',
    button: 'Record the rotation',
    fields: (form, errors) => (
      <>
        <Input
          name="department"
          label="Department"
          hint="For example, Housekeeping."
          value={value(form, 'department')}
          error={errors.department}
        />
        <CharacterCount
          name="tasks"
          label="Tasks"
          hint="One task on each line."
          value={value(form, 'tasks')}
          rows={3}
          error={errors.tasks}
        />
        <DateInput
          name="startDate"
          legend="First day of the rotation"
          legendSize="s"
          value={dateField(form, 'startDate')}
          error={errors.startDate}
        />
        <DateInput
          name="endDate"
          legend="Last day (if you know it)"
          legendSize="s"
          value={dateField(form, 'endDate')}
          error={errors.endDate}
        />
      </>
    ),
    submit: async (c, id, form) => {
      const errors: FieldErrors = {
        ...linesProblem(form, 'tasks', 'Tasks', rotationInputSchema.shape.tasks),
        ...tooLongAnswers(form, { department: limitOf('Department', rotationInputSchema.shape.department) }),
      };
      const department = value(form, 'department');
      if (!department) errors.department = 'Enter the department';
      const startDate = requireDate(form, 'startDate', 'The first day of the rotation', errors);
      const end = isoDateFrom(datePartsFrom(form, 'endDate'), 'The last day');
      if (end.error) errors.endDate = end.error;
      if (Object.keys(errors).length > 0 || !startDate) return errors;
      const tasks = lineItems(form, 'tasks');
      return call(() =>
        c.var.services.journey.recordRotation(
          pageActor(c),
          id,
          { department, tasks, startDate, ...(end.value ? { endDate: end.value } : {}) },
          c.get('requestId'),
        ),
      );
    },
    done: 'The rotation is recorded',
  },
  complete: {
    heading: 'Record the end and the outcome',
    button: 'Record the end',
    fields: (form, errors) => (
      <>
        <DateInput
          name="endedOn"
          legend="Last day"
          legendSize="s"
          hint="Today or earlier."
          value={dateField(form, 'endedOn')}
          error={errors.endedOn}
        />
        <Radios
          name="outcomeType"
          legend="What does the young person do next?"
          legendSize="s"
          items={Object.entries(outcomeWords).map(([type, words]) => ({ value: type, text: words }))}
          value={value(form, 'outcomeType')}
          error={errors.outcomeType}
        />
        <p class="govuk-body">If it is a paid job:</p>
        <Input
          name="hoursPerWeek"
          label="Hours a week"
          inputmode="decimal"
          width="3"
          value={value(form, 'hoursPerWeek')}
          error={errors.hoursPerWeek}
        />
        <Radios
          name="wageBand"
          legend="Pay"
          legendSize="s"
          small
          items={wageBands.map((band) => ({ value: band, text: wageBandWords[band]! }))}
          value={value(form, 'wageBand')}
          error={errors.wageBand}
        />
        <Radios
          name="employer"
          legend="Employer"
          legendSize="s"
          small
          items={[
            { value: 'same', text: 'The placement’s employer' },
            { value: 'other', text: 'Another employer' },
          ]}
          value={value(form, 'employer')}
          error={errors.employer}
        />
        <Radios
          name="contractType"
          legend="Contract"
          legendSize="s"
          small
          items={contractTypes.map((type) => ({ value: type, text: contractWords[type]! }))}
          value={value(form, 'contractType')}
          error={errors.contractType}
        />
        <CharacterCount
          name="details"
          label="Details (optional)"
          value={value(form, 'details')}
          rows={3}
          maxLength={500}
          error={errors.details}
        />
      </>
    ),
    submit: async (c, id, form) => {
      const errors: FieldErrors = {};
      const endedOn = requireDate(form, 'endedOn', 'The last day', errors);
      const type = value(form, 'outcomeType');
      if (!outcomeWords[type]) errors.outcomeType = 'Choose what the young person does next';
      const details = value(form, 'details');
      let outcome: Record<string, unknown> = { type, ...(details ? { details } : {}) };
      if (type === 'paid_employment') {
        const hours = Number(value(form, 'hoursPerWeek'));
        if (!value(form, 'hoursPerWeek')) errors.hoursPerWeek = 'Enter the hours a week';
        else if (!Number.isFinite(hours) || hours < 1 || hours > 48)
          errors.hoursPerWeek = 'Hours a week must be a number from 1 to 48';
        for (const [field, message] of [
          ['wageBand', 'Choose the pay'],
          ['employer', 'Choose the employer'],
          ['contractType', 'Choose the contract'],
        ] as const) {
          if (!value(form, field)) errors[field] = message;
        }
        outcome = {
          ...outcome,
          hoursPerWeek: hours,
          wageBand: value(form, 'wageBand'),
          employer: value(form, 'employer'),
          contractType: value(form, 'contractType'),
        };
      }
      if (type === 'other' && !details) errors.details = 'Say what the young person does next';
      if (Object.keys(errors).length > 0 || !endedOn) return errors;
      return call(
        () =>
          c.var.services.journey.complete(pageActor(c), id, { endedOn, outcome: outcome as never }, c.get('requestId')),
        (path) => (path.startsWith('outcome.') ? (path.split('.')[1] ?? 'outcomeType') : firstSegment(path)),
      );
    },
    limits: {
      details: limitOf('Details', completeInputSchema.shape.outcome.options[0].shape.details),
    },
    done: 'The end of the internship is recorded',
  },
  record_follow_up: {
    heading: 'Record the 12-month follow-up',
    button: 'Record the follow-up',
    fields: (form, errors) => (
      <>
        <DateInput
          name="checkedOn"
          legend="When did you check?"
          legendSize="s"
          value={dateField(form, 'checkedOn')}
          error={errors.checkedOn}
        />
        <Radios
          name="stillEmployed"
          legend="Is the young person in paid work?"
          legendSize="s"
          inline
          items={[
            { value: 'yes', text: 'Yes' },
            { value: 'no', text: 'No' },
          ]}
          value={value(form, 'stillEmployed')}
          error={errors.stillEmployed}
        />
        <Input
          name="hoursPerWeek"
          label="Hours a week (if in work)"
          inputmode="decimal"
          width="3"
          value={value(form, 'hoursPerWeek')}
          error={errors.hoursPerWeek}
        />
        <CharacterCount
          name="notes"
          label="Notes (optional)"
          value={value(form, 'notes')}
          rows={3}
          maxLength={1000}
          error={errors.notes}
        />
      </>
    ),
    submit: async (c, id, form) => {
      const errors: FieldErrors = {};
      const checkedOn = requireDate(form, 'checkedOn', 'The date you checked', errors);
      const employed = value(form, 'stillEmployed');
      if (employed !== 'yes' && employed !== 'no') errors.stillEmployed = 'Choose yes or no';
      const hoursText = value(form, 'hoursPerWeek');
      const hours = Number(hoursText);
      if (hoursText && (!Number.isFinite(hours) || hours < 0 || hours > 48))
        errors.hoursPerWeek = 'Hours a week must be a number from 0 to 48';
      if (Object.keys(errors).length > 0 || !checkedOn) return errors;
      const notes = value(form, 'notes');
      return call(() =>
        c.var.services.journey.recordFollowUp(
          pageActor(c),
          id,
          {
            checkedOn,
            stillEmployed: employed === 'yes',
            ...(hoursText ? { hoursPerWeek: hours } : {}),
            ...(notes ? { notes } : {}),
          },
          c.get('requestId'),
        ),
      );
    },
    limits: { notes: limitOf('Notes', followUpInputSchema.shape.notes) },
    done: 'The follow-up is recorded',
  },
  employer_accept: {
    heading: 'Offer the placement',
    button: 'Yes, offer the placement',
    fields: (form, errors) => (
      <CharacterCount
        name="note"
        label="A note for the job coach and the young person (optional)"
        value={value(form, 'note')}
        rows={3}
        maxLength={1000}
        error={errors.note}
      />
    ),
    submit: async (c, id, form) => {
      const note = value(form, 'note');
      return call(() =>
        c.var.services.journey.employerAccept(pageActor(c), id, note ? { note } : {}, c.get('requestId')),
      );
    },
    limits: { note: limitOf('Your note', employerAcceptInputSchema.shape.note) },
    done: 'You offered the placement',
  },
  employer_decline: {
    heading: 'Say no',
    button: 'No, do not offer the placement',
    fields: (form, errors) => (
      <CharacterCount
        name="reason"
        label="Why not?"
        hint="The job coach reads this. Be kind and clear."
        value={value(form, 'reason')}
        rows={3}
        maxLength={1000}
        error={errors.reason}
      />
    ),
    submit: async (c, id, form) => {
      const reason = value(form, 'reason');
      if (!reason) return { reason: 'Say why you cannot offer the placement' };
      return call(() => c.var.services.journey.employerDecline(pageActor(c), id, { reason }, c.get('requestId')));
    },
    limits: { reason: limitOf('Your reason', reasonInputSchema.shape.reason) },
    done: 'You said no to this proposal',
    warning: true,
  },
  arrange_taster: {
    heading: 'Arrange a taster first',
    button: 'Arrange the taster',
    fields: (form, errors) => (
      <>
        <Radios
          name="kind"
          legend="What kind?"
          legendSize="s"
          items={tasterKinds.map((kind) => ({
            value: kind,
            text: kind === 'taster_day' ? 'A taster day' : 'An informal interview',
          }))}
          value={value(form, 'kind')}
          error={errors.kind}
        />
        <DateInput name="date" legend="Date" legendSize="s" value={dateField(form, 'date')} error={errors.date} />
        <Input
          name="place"
          label="Where, and who to ask for"
          hint="For example, Front desk, ask for Priya."
          value={value(form, 'place')}
          error={errors.place}
        />
        <CharacterCount
          name="notes"
          label="Anything else they should know (optional)"
          hint="For example, the time, what to wear."
          value={value(form, 'notes')}
          rows={3}
          maxLength={1000}
          error={errors.notes}
        />
      </>
    ),
    submit: async (c, id, form) => {
      const errors: FieldErrors = {};
      const kind = value(form, 'kind');
      if (!(tasterKinds as readonly string[]).includes(kind))
        errors.kind = 'Choose a taster day or an informal interview';
      const date = requireDate(form, 'date', 'The date', errors);
      const place = value(form, 'place');
      if (!place) errors.place = 'Say where, and who to ask for';
      if (Object.keys(errors).length > 0 || !date) return errors;
      const notes = value(form, 'notes');
      return call(() =>
        c.var.services.journey.arrangeTaster(
          pageActor(c),
          id,
          { kind: kind as (typeof tasterKinds)[number], date, place, ...(notes ? { notes } : {}) },
          c.get('requestId'),
        ),
      );
    },
    limits: {
      place: limitOf('Where, and who to ask for', tasterInputSchema.shape.place),
      notes: limitOf('Anything else they should know', tasterInputSchema.shape.notes),
    },
    done: 'The taster is arranged',
  },
  withdraw: {
    heading: 'Withdraw',
    button: 'Withdraw',
    fields: (form, errors) => (
      <CharacterCount
        name="reason"
        label="Why?"
        hint="Everyone in this journey can read this."
        value={value(form, 'reason')}
        rows={3}
        maxLength={1000}
        error={errors.reason}
      />
    ),
    submit: async (c, id, form) => {
      const reason = value(form, 'reason');
      if (!reason) return { reason: 'Say why' };
      return call(() => c.var.services.journey.withdraw(pageActor(c), id, { reason }, c.get('requestId')));
    },
    limits: { reason: limitOf('Your reason', reasonInputSchema.shape.reason) },
    done: 'The journey is withdrawn',
    warning: true,
  },
};

const isInlineAction = (action: string): action is InlineAction => action in actionForms;

async function loadJourney(c: Context<WebEnv>) {
  const { journey } = c.var.services;
  const actor = pageActor(c);
  const { match } = await journey.get(actor, pageParam(c, 'matchId'));
  const labels = await journey.labels([match]);
  const view = matchView(match, { role: actor.role, parties: partiesOf(actor, placementMatchResource(match)) }, labels);
  return { match, view };
}

async function journeyPage(
  c: Context<WebEnv>,
  failed?: { action: InlineAction; values: FormBody; errors: FieldErrors },
) {
  const actor = pageActor(c);
  if (actor.role === 'young_person' || actor.role === 'delegate') {
    const matchId = pageParam(c, 'matchId');
    const { match } = await c.var.services.journey.get(actor, matchId);
    return c.redirect(`/young-people/${match.youngPersonId}/proposals/${matchId}`, 303);
  }
  const { match, view } = await loadJourney(c);
  const [coach, accessToWork, attendance] = await Promise.all([
    c.var.services.journey.coachContact(actor, match),
    c.var.services.accessToWork.journeyDates(actor, view.youngPerson.id),
    c.var.services.study.journeyAttendance(actor, match),
  ]);
  // The employer decides with the placement's practicalities in front of them: its own placement, which it may read.
  const practicalities =
    actor.role === 'employer' ? (await c.var.services.placements.get(actor, view.placement.id)).placement : undefined;
  const shared = view.youngPersonResponse?.sharedSections;
  const steps = view.yourNextSteps.map((step) => step.action);
  const base = `/journeys/${match.id}`;
  const state = stateWords[view.state];
  const errors = failed?.errors ?? {};
  if (failed) c.status(400);
  const rows = [
    {
      key: 'Young person',
      value:
        actor.role === 'employer' ? (
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
    ...(coach
      ? [
          {
            key: 'Job coach',
            value: (
              <>
                {coach.name},{' '}
                <a class="govuk-link" href={`mailto:${coach.email}`}>
                  {coach.email}
                </a>
              </>
            ),
          },
        ]
      : []),
    ...(view.startedOn ? [{ key: 'Started', value: longDate(view.startedOn) }] : []),
    ...(view.endedOn ? [{ key: 'Ended', value: longDate(view.endedOn) }] : []),
    ...(view.outcome ? [{ key: 'Outcome', value: outcomeWords[view.outcome.type] ?? view.outcome.type }] : []),
    ...(view.taster
      ? [
          {
            key: 'Taster',
            value: (
              <>
                {`${view.taster.kind === 'taster_day' ? 'Taster day' : 'Informal interview'} on ${longDate(view.taster.date)} at ${view.taster.place}`}
                {view.taster.notes ? <p class="govuk-body app-section-text">{view.taster.notes}</p> : null}
              </>
            ),
          },
        ]
      : []),
    ...(shared
      ? [
          {
            key: 'Passport shared',
            value:
              shared.length === 0 ? (
                'Nothing shared'
              ) : (
                <>
                  <ul class="govuk-list">
                    {shared.map((section) => (
                      <li>{sectionLabels[section]}</li>
                    ))}
                  </ul>
                  {actor.role === 'employer' && view.youngPersonResponse?.shareId ? (
                    <a class="govuk-link" href={`/shared-passports/${view.youngPersonResponse.shareId}`}>
                      Read what {view.youngPerson.preferredName} shared
                    </a>
                  ) : null}
                </>
              ),
          },
        ]
      : []),
  ];
  const inline = steps.filter(isInlineAction);
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
        <SummaryList rows={rows} />
        <p class="govuk-body">
          <a class="govuk-link" href={`${base}/adjustments`}>
            Adjustments at work
          </a>
        </p>
        {accessToWork ? <AccessToWorkDates dates={accessToWork} /> : null}
        {attendance ? (
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
        ) : null}
        {view.note ? (
          <>
            <h2 class="govuk-heading-m">Why the job coach proposed it</h2>
            <p class="govuk-body app-section-text">{view.note}</p>
          </>
        ) : null}
        {view.hardLimitOverride ? (
          <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">
              !
            </span>
            <strong class="govuk-warning-text__text">
              <span class="govuk-visually-hidden">Warning</span>
              This placement is outside some of the young person’s limits. The reason given:{' '}
              {view.hardLimitOverride.reason}
            </strong>
          </div>
        ) : null}
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
        {view.startedOn && (actor.role === 'job_coach' || actor.role === 'provider_admin') ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/after`}>
              Core aims, employment plan and follow-ups
            </a>
          </p>
        ) : null}
        {inline.map((action) => {
          const form = actionForms[action];
          const values = failed?.action === action ? failed.values : {};
          return (
            <form method="post" action={`${base}/${action}`} novalidate>
              <CsrfField token={csrfToken(c)} />
              <h3 class="govuk-heading-s">{form.heading}</h3>
              {form.fields(values, failed?.action === action ? errors : {})}
              <Button variant={form.warning ? 'warning' : undefined}>{form.button}</Button>
            </form>
          );
        })}
        {view.state === 'in_progress' || view.startedOn ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`${base}/progress`}>
              See progress week by week
            </a>
          </p>
        ) : null}
        <h2 class="govuk-heading-m">What has happened</h2>
        <ol class="app-timeline govuk-list">
          {[...view.history].reverse().map((entry) => (
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
        {view.rotations.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Rotations</h2>
            <SummaryList
              rows={view.rotations.map((rotation) => ({
                key: rotation.department,
                value: `${longDate(rotation.startDate)}${rotation.endDate ? ` to ${longDate(rotation.endDate)}` : ''}${rotation.tasks.length ? `: ${rotation.tasks.join(', ')}` : ''}`,
              }))}
            />
          </>
        ) : null}
      </div>
    </div>,
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

/** `label` starts a sentence ("Hours worked"); an empty box asks for it ("Enter the hours worked") unless told how. */
function hoursFrom(
  form: FormBody,
  name: string,
  label: string,
  errors: FieldErrors,
  whenEmpty = `Enter the ${label.toLowerCase()}`,
): number {
  const raw = value(form, name);
  const hours = Number(raw);
  if (!raw) errors[name] = whenEmpty;
  else if (!Number.isFinite(hours) || hours < 0 || hours > 60) errors[name] = `${label} must be a number from 0 to 60`;
  return hours;
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
  const markAfter = new Map(marks.map((mark) => [mark.afterWeek, mark.label]));
  const logged = progress.weeks.filter((week) => week.logged);
  const canLog = view.yourNextSteps.some((next) => next.action === 'log_week');
  const { earlyAverageSupportHours: early, recentAverageSupportHours: recent } = progress.fading;
  return renderPage(
    c,
    { title: `Progress: ${view.youngPerson.preferredName}`, backLink: `/journeys/${view.id}` },
    <>
      <span class="govuk-caption-l">
        {view.youngPerson.preferredName} at {view.placement.employerName}
      </span>
      <h1 class="govuk-heading-l">Progress week by week</h1>
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
      {logged.length > 0 ? (
        <SupportChart
          weeks={logged.map((week) => ({
            weekNumber: week.weekNumber,
            hoursWorked: week.hoursWorked!,
            supportHours: week.supportHours!,
          }))}
          marks={marks}
        />
      ) : null}
      <TableRegion label="Hours each week">
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">Hours each week</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Week
              </th>
              <th scope="col" class="govuk-table__header">
                Starting
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Hours worked
              </th>
              <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                Support hours
              </th>
              {canLog ? (
                <th scope="col" class="govuk-table__header">
                  Log
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {progress.weeks.map((week) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {week.weekNumber}
                  {markAfter.has(week.weekNumber) ? (
                    <span class="govuk-body-s govuk-!-display-block">
                      {markAfter.get(week.weekNumber)} after this week
                    </span>
                  ) : null}
                </th>
                <td class="govuk-table__cell">{longDate(week.weekStarting)}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  {week.logged ? week.hoursWorked : 'No log'}
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric">
                  {week.logged ? week.supportHours : 'No log'}
                </td>
                {canLog ? (
                  <td class="govuk-table__cell">
                    {week.logged ? (
                      <a class="govuk-link" href={`/journeys/${view.id}/weekly-log/${week.weekStarting}`}>
                        Change<span class="govuk-visually-hidden"> the log of week {week.weekNumber}</span>
                      </a>
                    ) : (
                      <a class="govuk-link" href={`/journeys/${view.id}/weekly-log?week=${week.weekStarting}`}>
                        Record<span class="govuk-visually-hidden"> a log for week {week.weekNumber}</span>
                      </a>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {progress.reviews.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Reviews</h2>
          <SummaryList
            rows={progress.reviews.map((review) => ({
              key: longDate(review.heldOn),
              value: review.targets.map((target) => target.text).join('; '),
            }))}
          />
        </>
      ) : null}
    </>,
  );
}

// ---------------------------------------------------------------- inbox

async function inboxPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  const [items, accessToWorkTasks] = await Promise.all([
    c.var.services.inbox.inbox(actor),
    c.var.services.accessToWork.coachTasks(actor),
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
  app.get('/caseload/hours', (c) => caseloadHoursPage(c));
  app.post('/caseload/hours', (c) => saveCaseloadHours(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}', (c) => journeyPage(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/weekly-log', (c) => weeklyLogPage(c, { form: {}, errors: {} }));
  app.post('/journeys/:matchId{[0-9a-f]{24}}/weekly-log', (c) => saveWeeklyLog(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/weekly-log/:week{[0-9]+-[0-9]+-[0-9]+}', (c) =>
    correctLogPage(c, { form: {}, errors: {} }),
  );
  app.post('/journeys/:matchId{[0-9a-f]{24}}/weekly-log/:week{[0-9]+-[0-9]+-[0-9]+}', (c) => saveCorrection(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/review', (c) => reviewPage(c, { form: {}, errors: {} }));
  app.post('/journeys/:matchId{[0-9a-f]{24}}/review', (c) => saveReview(c));
  app.get('/journeys/:matchId{[0-9a-f]{24}}/progress', (c) => progressPage(c));
  app.post('/journeys/:matchId{[0-9a-f]{24}}/:action', (c) => takeAction(c));
  return app;
}
