import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { DateInput } from '../web/components/DateInput.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, tooLongAnswers } from '../web/forms.js';
import { pageActor } from '../web/page-context.js';
import type { WebEnv } from '../web/web.env.js';
import type { JourneyAction } from './journey.machine.js';
import {
  completeInputSchema,
  contractTypes,
  employerAcceptInputSchema,
  followUpInputSchema,
  reasonInputSchema,
  rotationInputSchema,
  tasterInputSchema,
  tasterKinds,
  wageBands,
} from './journey.schemas.js';
import {
  call,
  dateField,
  firstSegment,
  limitOf,
  lineItems,
  linesProblem,
  requireDate,
  type TextLimit,
  value,
} from './journey-forms.js';

/**
 * The forms of the actions taken on the journey page itself (taster, employer's answer, start, rotation, finish,
 * follow-up, withdraw): one row each, with its fields, the service call it makes and what the page says after.
 */
export const outcomeWords: Record<string, string> = {
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
export type InlineAction = Exclude<JourneyAction, 'accept' | 'decline' | 'log_week' | 'record_review'>;

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

/** An action whose one field is why it is taken (the employer saying no, withdrawing): its reason is required. */
function reasonForm(options: {
  heading: string;
  button: string;
  label: string;
  hint: string;
  /** The error when no reason is given. */
  missing: string;
  step: (c: Context<WebEnv>, id: string, input: { reason: string }) => Promise<unknown>;
  done: string;
}): ActionForm {
  return {
    heading: options.heading,
    button: options.button,
    fields: (form, errors) => (
      <CharacterCount
        name="reason"
        label={options.label}
        hint={options.hint}
        value={value(form, 'reason')}
        rows={3}
        maxLength={1000}
        error={errors.reason}
      />
    ),
    submit: async (c, id, form) => {
      const reason = value(form, 'reason');
      if (!reason) return { reason: options.missing };
      return call(() => options.step(c, id, { reason }));
    },
    limits: { reason: limitOf('Your reason', reasonInputSchema.shape.reason) },
    done: options.done,
    warning: true,
  };
}

export const actionForms: Record<InlineAction, ActionForm> = {
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
  employer_decline: reasonForm({
    heading: 'Say no',
    button: 'No, do not offer the placement',
    label: 'Why not?',
    hint: 'The job coach reads this. Be kind and clear.',
    missing: 'Say why you cannot offer the placement',
    step: (c, id, input) => c.var.services.journey.employerDecline(pageActor(c), id, input, c.get('requestId')),
    done: 'You said no to this proposal',
  }),
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
  withdraw: reasonForm({
    heading: 'Withdraw',
    button: 'Withdraw',
    label: 'Why?',
    hint: 'Everyone in this journey can read this.',
    missing: 'Say why',
    step: (c, id, input) => c.var.services.journey.withdraw(pageActor(c), id, input, c.get('requestId')),
    done: 'The journey is withdrawn',
  }),
};

export const isInlineAction = (action: string): action is InlineAction => action in actionForms;
