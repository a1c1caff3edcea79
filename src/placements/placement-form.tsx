import type { Context } from 'hono';
import {
  adjustmentCategories,
  adjustmentCategoryLabels,
  type EnvironmentFactor,
  environmentFactors,
  levels,
  sectorLabels,
  sectors,
  weekdayNames,
  weekdays,
} from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, fieldErrorsFromRefusal, list, text } from '../web/forms.js';
import type { WebEnv } from '../web/web.env.js';
import { environmentWords } from './placement-words.js';
import { type PlacementInput, placementInputSchema } from './placements.schemas.js';

/** The placement form an employer fills in to post or edit a placement: its fields, reading them back, and their problems. */
const rotationRows = 3;

/** The form's values are the posted strings, so a form with errors shows exactly what was typed. */
export function formFromPlacement(
  p: Partial<PlacementInput> & Pick<PlacementInput, 'schedule' | 'rotations' | 'environment' | 'adjustmentsOffered'>,
): FormBody {
  const form: FormBody = {
    title: p.title ?? '',
    description: p.description ?? '',
    tasks: (p.tasks ?? []).join('\n'),
    sector: p.sector ?? '',
    'site-line1': p.site?.address.line1 ?? '',
    'site-town': p.site?.address.town ?? '',
    'site-postcode': p.site?.address.postcode ?? '',
    'site-busRoutes': (p.site?.busRoutes ?? []).join(', '),
    'site-stepFreeAccess': p.site?.stepFreeAccess ? ['yes'] : [],
    days: p.schedule.days,
    startTime: p.schedule.startTime,
    endTime: p.schedule.endTime,
    hoursPerWeek: String(p.schedule.hoursPerWeek),
    durationWeeks: p.durationWeeks === undefined ? '' : String(p.durationWeeks),
    places: p.places === undefined ? '' : String(p.places),
    adjustmentsOffered: p.adjustmentsOffered,
    adjustmentNotes: p.adjustmentNotes ?? '',
  };
  const date = datePartsOf(p.startDate);
  Object.assign(form, {
    'startDate-day': date.day ?? '',
    'startDate-month': date.month ?? '',
    'startDate-year': date.year ?? '',
  });
  for (const factor of environmentFactors) form[`environment-${factor}`] = p.environment[factor] ?? '';
  p.rotations.forEach((rotation, i) => {
    form[`rotation-${i}-department`] = rotation.department;
    form[`rotation-${i}-weeks`] = String(rotation.weeks);
    form[`rotation-${i}-tasks`] = rotation.tasks.join(', ');
  });
  return form;
}

const numberOrText = (value: string) => (value !== '' && Number.isFinite(Number(value)) ? Number(value) : value);
const lines = (value: string, separator: RegExp) =>
  value
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);

/** The form as the API's input, checked with the API's own schema; each problem lands next to its field. */
export function inputFromForm(form: FormBody): { input?: PlacementInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const start = isoDateFrom(datePartsFrom(form, 'startDate'), 'The start date');
  if (start.error) errors.startDate = start.error;
  const rotations = [];
  /** The form row of each rotation sent, since empty rows are left out of the list. */
  const rotationRowOf: number[] = [];
  for (let i = 0; i < rotationRows; i++) {
    const department = text(form, `rotation-${i}-department`);
    const weeks = text(form, `rotation-${i}-weeks`);
    const tasks = text(form, `rotation-${i}-tasks`);
    if (!department && !weeks && !tasks) continue;
    rotationRowOf.push(i);
    rotations.push({ department, weeks: numberOrText(weeks), tasks: lines(tasks, /,/) });
  }
  const environment = Object.fromEntries(
    environmentFactors.map((factor) => [factor, text(form, `environment-${factor}`) || undefined]),
  );
  const candidate = {
    title: text(form, 'title'),
    description: text(form, 'description'),
    tasks: lines(text(form, 'tasks'), /\n/),
    sector: text(form, 'sector'),
    site: {
      address: {
        line1: text(form, 'site-line1'),
        town: text(form, 'site-town'),
        postcode: text(form, 'site-postcode'),
      },
      busRoutes: lines(text(form, 'site-busRoutes'), /,/),
      stepFreeAccess: list(form, 'site-stepFreeAccess').length > 0,
    },
    schedule: {
      days: list(form, 'days'),
      startTime: text(form, 'startTime'),
      endTime: text(form, 'endTime'),
      hoursPerWeek: numberOrText(text(form, 'hoursPerWeek')),
    },
    startDate: start.value ?? '',
    durationWeeks: numberOrText(text(form, 'durationWeeks')),
    rotations,
    places: numberOrText(text(form, 'places')),
    environment,
    adjustmentsOffered: list(form, 'adjustmentsOffered'),
    ...(text(form, 'adjustmentNotes') ? { adjustmentNotes: text(form, 'adjustmentNotes') } : {}),
    status: 'draft',
  };
  const parsed = placementInputSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      if (path[0] === 'rotations' && path[1] !== undefined) path[1] = String(rotationRowOf[Number(path[1])] ?? path[1]);
      const id = fieldIdOf(path.join('.'));
      errors[id] ??= messageFor(id, issue);
    }
  }
  const rotationWeeks = rotations.reduce(
    (sum, rotation) => sum + (typeof rotation.weeks === 'number' ? rotation.weeks : 0),
    0,
  );
  if (typeof candidate.durationWeeks === 'number' && rotationWeeks > candidate.durationWeeks)
    errors['rotation-0-weeks'] ??=
      `The rotations add up to ${rotationWeeks} weeks, more than the ${candidate.durationWeeks} weeks of the placement`;
  if (Object.keys(errors).length > 0 || !parsed.success) return { errors };
  return { input: parsed.data, errors };
}

/** Maps a path in the API's input ("schedule.hoursPerWeek", "rotations.1.weeks") to the id of the field on the form. */
function fieldIdOf(path: string): string {
  const [first, second, third] = path.split('.');
  if (first === 'site') return second === 'address' ? `site-${third ?? 'line1'}` : `site-${second ?? 'line1'}`;
  if (first === 'schedule') return second ?? 'days';
  if (first === 'rotations') return `rotation-${second ?? 0}-${third ?? 'department'}`;
  if (first === 'environment') return `environment-${second ?? 'noise'}`;
  return first || 'title';
}

/** How each text field is named when its answer is too long ("The job title must be 120 characters or fewer"). */
const textLabels: Record<string, string> = {
  title: 'The job title',
  description: 'The description',
  tasks: 'Each task',
  'site-line1': 'The first line of the address',
  'site-town': 'The town',
  'site-postcode': 'The postcode',
  'site-busRoutes': 'Each bus route',
  adjustmentNotes: 'Anything else about the help you can give',
};

const fieldMessages: Record<string, string> = {
  title: 'Enter a job title',
  description: 'Describe the placement',
  tasks: 'Enter at least one task, one on each line',
  sector: 'Choose the kind of work',
  'site-line1': 'Enter the first line of the address',
  'site-town': 'Enter the town',
  'site-postcode': 'Enter a real postcode, like LS1 4AP',
  days: 'Choose the days the intern works',
  startTime: 'Enter a start time like 09:30',
  endTime: 'Enter a finish time like 14:30, after the start time',
  hoursPerWeek: 'Enter hours a week as a number from 1 to 40',
  startDate: 'Enter the start date',
  durationWeeks: 'Enter how many weeks, from 4 to 52',
  places: 'Enter how many interns, from 1 to 50',
};

function messageFor(id: string, issue: { code: string; origin?: string; message: string }): string {
  const rotation = /^rotation-(\d+)-(\w+)$/.exec(id);
  const label = rotation
    ? `Rotation ${Number(rotation[1]) + 1}: ${rotation[2] === 'tasks' ? 'each task' : 'the department'}`
    : textLabels[id];
  if (label && issue.code === 'too_big' && issue.origin === 'string') return `${label} ${issue.message}`;
  if (fieldMessages[id]) return fieldMessages[id]!;
  if (rotation)
    return `Rotation ${Number(rotation[1]) + 1}: ${rotation[2] === 'weeks' ? 'enter the weeks, from 1 to 52' : 'enter the department'}`;
  if (id.startsWith('environment-'))
    return `Choose an answer for “${environmentWords[id.slice(12) as EnvironmentFactor]?.question ?? 'the workplace'}”`;
  return `${label ?? 'This answer'} ${issue.message}`;
}

/** One part of the placement form: the values as posted and their problems. */
interface SectionProps {
  form: FormBody;
  errors: FieldErrors;
}

/** What the intern will do, in the employer's words. */
function JobFields(props: SectionProps) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <>
      <h2 class="govuk-heading-m">The job</h2>
      <Input
        name="title"
        label="Job title"
        hint="For example, Kitchen assistant."
        value={value('title')}
        error={errors.title}
      />
      <CharacterCount
        name="description"
        label="What the intern will do and learn"
        value={value('description')}
        rows={4}
        maxLength={4000}
        error={errors.description}
      />
      <CharacterCount
        name="tasks"
        label="Tasks"
        hint="One task on each line, in plain words. For example, wash up."
        value={value('tasks')}
        rows={4}
        error={errors.tasks}
      />
      <Select
        name="sector"
        label="Kind of work"
        items={sectors.map((sector) => ({ value: sector, text: sectorLabels[sector] }))}
        value={value('sector')}
        error={errors.sector}
      />
    </>
  );
}

/** The workplace address and how an intern gets in. */
function WhereFields(props: SectionProps) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <>
      <h2 class="govuk-heading-m">Where</h2>
      <Input
        name="site-line1"
        label="Address line 1"
        autocomplete="address-line1"
        value={value('site-line1')}
        error={errors['site-line1']}
      />
      <Input
        name="site-town"
        label="Town or city"
        autocomplete="address-level2"
        width="20"
        value={value('site-town')}
        error={errors['site-town']}
      />
      <Input
        name="site-postcode"
        label="Postcode"
        autocomplete="postal-code"
        width="10"
        value={value('site-postcode')}
        error={errors['site-postcode']}
      />
      <Input
        name="site-busRoutes"
        label="Bus routes that stop nearby (optional)"
        hint="For example, 1, 6, 72."
        width="20"
        value={value('site-busRoutes')}
        error={errors['site-busRoutes']}
      />
      <Checkboxes
        name="site-stepFreeAccess"
        legend="Access"
        legendSize="s"
        items={[{ value: 'yes', text: 'Step-free access to the workplace' }]}
        values={list(form, 'site-stepFreeAccess')}
      />
    </>
  );
}

/** The days, times, start and length, and how many interns. */
function WhenFields(props: SectionProps) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <>
      <h2 class="govuk-heading-m">When</h2>
      <Checkboxes
        name="days"
        legend="Which days?"
        legendSize="s"
        items={weekdays.map((day) => ({ value: day, text: weekdayNames[day]! }))}
        values={list(form, 'days')}
        error={errors.days}
      />
      <Input
        name="startTime"
        label="Start time"
        hint="24-hour clock, like 09:30."
        width="5"
        value={value('startTime')}
        error={errors.startTime}
      />
      <Input
        name="endTime"
        label="Finish time"
        hint="24-hour clock, like 14:30."
        width="5"
        value={value('endTime')}
        error={errors.endTime}
      />
      <Input
        name="hoursPerWeek"
        label="Hours a week"
        hint="Must fit the days and times above."
        inputmode="decimal"
        width="3"
        value={value('hoursPerWeek')}
        error={errors.hoursPerWeek}
      />
      <DateInput
        name="startDate"
        legend="Start date"
        legendSize="s"
        hint="For example, 7 9 2027."
        value={datePartsFrom(form, 'startDate')}
        error={errors.startDate}
      />
      <Input
        name="durationWeeks"
        label="How many weeks?"
        hint="A supported internship usually lasts 36 weeks (an academic year)."
        inputmode="numeric"
        width="3"
        value={value('durationWeeks')}
        error={errors.durationWeeks}
      />
      <Input
        name="places"
        label="How many interns?"
        inputmode="numeric"
        width="3"
        value={value('places')}
        error={errors.places}
      />
    </>
  );
}

/** Up to three departments an intern tries in turn. */
function RotationsFields(props: SectionProps) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <>
      <h2 class="govuk-heading-m">Rotations (optional)</h2>
      <p class="govuk-body">
        An intern can try different departments, one after another. The weeks must add up to no more than the placement.
      </p>
      {Array.from({ length: rotationRows }, (_, i) => (
        <Fieldset legend={`Rotation ${i + 1}`} legendSize="s">
          <Input
            name={`rotation-${i}-department`}
            label="Department"
            value={value(`rotation-${i}-department`)}
            error={errors[`rotation-${i}-department`]}
          />
          <Input
            name={`rotation-${i}-weeks`}
            label="Weeks"
            inputmode="numeric"
            width="3"
            value={value(`rotation-${i}-weeks`)}
            error={errors[`rotation-${i}-weeks`]}
          />
          <Input
            name={`rotation-${i}-tasks`}
            label="Tasks (separated by commas)"
            value={value(`rotation-${i}-tasks`)}
            error={errors[`rotation-${i}-tasks`]}
          />
        </Fieldset>
      ))}
    </>
  );
}

/** How busy, loud and physical the workplace is, one question a factor. */
function WorkplaceFields(props: SectionProps) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <>
      <h2 class="govuk-heading-m">The workplace</h2>
      <p class="govuk-body">This helps job coaches find interns who will be comfortable there.</p>
      {environmentFactors.map((factor) => (
        <Radios
          name={`environment-${factor}`}
          legend={environmentWords[factor].question}
          legendSize="s"
          small
          items={levels.map((level) => ({ value: level, text: environmentWords[factor].levels[level] }))}
          value={value(`environment-${factor}`)}
          error={errors[`environment-${factor}`]}
        />
      ))}
    </>
  );
}

/** The adjustments the employer offers, in the passport's words. */
function HelpFields(props: SectionProps) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <>
      <h2 class="govuk-heading-m">Help you can give</h2>
      <Checkboxes
        name="adjustmentsOffered"
        legend="Which of these can you offer?"
        legendSize="s"
        hint="These are the same words young people use in their adjustments passport. Choose all you can do."
        items={adjustmentCategories.map((category) => ({
          value: category,
          text: adjustmentCategoryLabels[category],
        }))}
        values={list(form, 'adjustmentsOffered')}
        error={errors.adjustmentsOffered}
      />
      <CharacterCount
        name="adjustmentNotes"
        label="Anything else about the help you can give (optional)"
        value={value('adjustmentNotes')}
        rows={3}
        maxLength={2000}
        error={errors.adjustmentNotes}
      />
    </>
  );
}

export function PlacementForm(props: {
  c: Context<WebEnv>;
  form: FormBody;
  errors: FieldErrors;
  heading: string;
  button: string;
}) {
  const { form, errors } = props;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <p class="govuk-body">You check your answers on the next page before anyone can see the placement.</p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(props.c)} />
          <JobFields form={form} errors={errors} />
          <WhereFields form={form} errors={errors} />
          <WhenFields form={form} errors={errors} />
          <RotationsFields form={form} errors={errors} />
          <WorkplaceFields form={form} errors={errors} />
          <HelpFields form={form} errors={errors} />
          <Button>{props.button}</Button>
        </form>
      </div>
    </div>
  );
}

export function problemsFromService(error: unknown): FieldErrors {
  return fieldErrorsFromRefusal(error, {
    codes: ['unprocessable', 'validation_failed'],
    fieldFor: fieldIdOf,
    fallbackField: 'title',
    wording: {
      ...Object.fromEntries(Object.entries(textLabels).map(([id, label]) => [id, { label }])),
      startDate: { label: 'The start date' },
      places: { label: 'The number of places' },
    },
  });
}
