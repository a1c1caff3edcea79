import { type Context, Hono } from 'hono';
import type { Child } from 'hono/jsx';
import {
  adjustmentCategories,
  adjustmentCategoryLabels,
  type EnvironmentFactor,
  environmentFactors,
  type Level,
  levels,
  sectorLabels,
  sectors,
  weekdayNames,
  weekdays,
} from '../domain/vocabulary.js';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { Pagination, pageNumber } from '../web/components/Pagination.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, type FormBody, fieldErrorsFromRefusal, list, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords } from '../web/words.js';
import { longDate } from '../web/young-person.js';
import type { Placement } from './placements.repository.js';
import { type PlacementInput, placementInputSchema, placementStatuses } from './placements.schemas.js';

/** Each environment level described as an employer would, not as a code. */
export const environmentWords: Record<EnvironmentFactor, { question: string; levels: Record<Level, string> }> = {
  noise: {
    question: 'How noisy is it?',
    levels: {
      none: 'Quiet, like a library',
      low: 'Some noise, like an office',
      medium: 'Busy, like a café',
      high: 'Very loud, like a busy kitchen',
    },
  },
  lighting: {
    question: 'How bright or changing is the light?',
    levels: {
      none: 'Soft, steady light',
      low: 'Ordinary office light',
      medium: 'Bright in places',
      high: 'Very bright or flashing',
    },
  },
  crowds: {
    question: 'How many people are around?',
    levels: { none: 'Few people', low: 'A small team', medium: 'Busy at times', high: 'Crowded most of the time' },
  },
  customerContact: {
    question: 'How much do they talk to customers?',
    levels: { none: 'No customers', low: 'Now and then', medium: 'Often', high: 'All the time' },
  },
  standing: {
    question: 'How much standing?',
    levels: {
      none: 'Sitting down',
      low: 'Some standing',
      medium: 'Standing for about half the time',
      high: 'Standing nearly all the time',
    },
  },
  walking: {
    question: 'How much walking?',
    levels: {
      none: 'Stays in one place',
      low: 'Short walks',
      medium: 'Walking for about half the time',
      high: 'Walking nearly all the time',
    },
  },
  lifting: {
    question: 'How much lifting?',
    levels: {
      none: 'No lifting',
      low: 'Light things now and then',
      medium: 'Boxes or trays often',
      high: 'Heavy lifting',
    },
  },
  outdoorWork: {
    question: 'How much work outdoors?',
    levels: {
      none: 'All indoors',
      low: 'Outdoors now and then',
      medium: 'Outdoors for about half the time',
      high: 'Mostly outdoors',
    },
  },
  pace: {
    question: 'How fast is the work?',
    levels: {
      none: 'Relaxed, no time pressure',
      low: 'Steady',
      medium: 'Busy at peak times',
      high: 'Fast all the time',
    },
  },
};

const statusWords: Record<
  (typeof placementStatuses)[number],
  { text: string; colour: 'grey' | 'green' | 'yellow' | 'blue' | 'orange' }
> = {
  draft: { text: 'Not published', colour: 'grey' },
  open: { text: 'Open', colour: 'green' },
  paused: { text: 'Paused', colour: 'orange' },
  filled: { text: 'Full', colour: 'blue' },
  closed: { text: 'Closed', colour: 'grey' },
};

const rotationRows = 3;

type Template = Omit<PlacementInput, 'site' | 'startDate' | 'status'> & { name: string; hint: string };

const calmEnvironment: Record<EnvironmentFactor, Level> = {
  noise: 'low',
  lighting: 'low',
  crowds: 'low',
  customerContact: 'low',
  standing: 'medium',
  walking: 'medium',
  lifting: 'low',
  outdoorWork: 'none',
  pace: 'low',
};

/** Starting points; an employer changes what does not fit. The first two follow DFN Project SEARCH: three rotations of 12 weeks. */
const templates: Record<string, Template> = {
  hospital: {
    name: 'Hospital, three rotations',
    hint: 'Like DFN Project SEARCH: portering, catering and stores, 12 weeks each.',
    title: 'Hospital support assistant',
    description:
      'Learn three jobs in a hospital, one after another, with a job coach at first and then your colleagues.',
    tasks: ['moving patients and equipment', 'preparing meal trolleys', 'stock rotation'],
    sector: 'healthcare_support',
    schedule: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], startTime: '09:00', endTime: '15:00', hoursPerWeek: 27.5 },
    durationWeeks: 36,
    rotations: [
      { department: 'Portering', tasks: ['moving patients and equipment'], weeks: 12 },
      { department: 'Catering', tasks: ['preparing meal trolleys'], weeks: 12 },
      { department: 'Stores', tasks: ['stock rotation'], weeks: 12 },
    ],
    places: 4,
    environment: {
      ...calmEnvironment,
      noise: 'medium',
      crowds: 'medium',
      walking: 'high',
      lifting: 'medium',
      pace: 'medium',
    },
    adjustmentsOffered: ['instructions', 'colleague_support', 'job_coach', 'hours_and_breaks'],
  },
  hotel: {
    name: 'Hotel, three rotations',
    hint: 'Housekeeping, kitchen and front of house, 12 weeks each.',
    title: 'Hotel assistant',
    description: 'Work in three parts of a hotel, one after another, with a named buddy in each.',
    tasks: ['cleaning rooms', 'washing up', 'greeting guests'],
    sector: 'hospitality_catering',
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], startTime: '09:30', endTime: '15:00', hoursPerWeek: 20 },
    durationWeeks: 36,
    rotations: [
      { department: 'Housekeeping', tasks: ['cleaning rooms'], weeks: 12 },
      { department: 'Kitchen', tasks: ['washing up'], weeks: 12 },
      { department: 'Front of house', tasks: ['greeting guests'], weeks: 12 },
    ],
    places: 2,
    environment: { ...calmEnvironment, noise: 'medium', customerContact: 'medium', standing: 'high' },
    adjustmentsOffered: ['instructions', 'colleague_support', 'job_coach'],
  },
  blank: {
    name: 'Start from nothing',
    hint: 'An empty form.',
    title: '',
    description: '',
    tasks: [],
    sector: 'retail',
    schedule: { days: ['mon', 'tue', 'wed', 'thu'], startTime: '09:30', endTime: '14:30', hoursPerWeek: 16 },
    durationWeeks: 36,
    rotations: [],
    places: 1,
    environment: calmEnvironment,
    adjustmentsOffered: [],
  },
};

function employerOnly(c: Context<WebEnv>): string {
  const actor = pageActor(c);
  if (actor.role !== 'employer' || !actor.employerId) throw pageForbidden('Placements are posted by employers.');
  return actor.employerId;
}

/** The form's values are the posted strings, so a form with errors shows exactly what was typed. */
function formFromPlacement(
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
function inputFromForm(form: FormBody): { input?: PlacementInput; errors: FieldErrors } {
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

function PlacementForm(props: {
  c: Context<WebEnv>;
  form: FormBody;
  errors: FieldErrors;
  heading: string;
  button: string;
}) {
  const { form, errors } = props;
  const value = (name: string) => text(form, name);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <h1 class="govuk-heading-l">{props.heading}</h1>
        <p class="govuk-body">You check your answers on the next page before anyone can see the placement.</p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(props.c)} />
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
          <h2 class="govuk-heading-m">Rotations (optional)</h2>
          <p class="govuk-body">
            An intern can try different departments, one after another. The weeks must add up to no more than the
            placement.
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
          <Button>{props.button}</Button>
        </form>
      </div>
    </div>
  );
}

function problemsFromService(error: unknown): FieldErrors {
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

const groupSize = 50;

/**
 * The employer's placements by status, each status read on its own (an employer with years of
 * past placements would otherwise see only the oldest): up to 50 of each on the page, and
 * `?status=` for all of one status, 50 to a page.
 */
async function listPage(c: Context<WebEnv>) {
  const employerId = employerOnly(c);
  const actor = pageActor(c);
  const asked = c.req.query('status');
  const focus = placementStatuses.find((status) => status === asked);
  const page = focus ? pageNumber(c.req.query('page'), 200) : 1;
  const groups = await Promise.all(
    (focus ? [focus] : placementStatuses).map(async (status) => ({
      status,
      ...(await c.var.services.placements.listForEmployer(actor, employerId, {
        status,
        limit: groupSize,
        offset: (page - 1) * groupSize,
      })),
    })),
  );
  const none = groups.every((group) => group.total === 0);
  return renderPage(
    c,
    {
      title: focus ? `Your placements: ${statusWords[focus].text.toLowerCase()}` : 'Your placements',
      ...(focus ? { backLink: '/placements' } : {}),
    },
    <>
      <h1 class="govuk-heading-l">Your placements</h1>
      <Button href="/placements/new">Post a placement</Button>
      {groups.map(({ status, items, total }) => {
        if (items.length === 0) return null;
        return (
          <>
            <h2 class="govuk-heading-m">
              {statusWords[status].text} ({total.toLocaleString('en-GB')})
            </h2>
            <ul class="govuk-list">
              {items.map((placement) => (
                <li>
                  <a class="govuk-link" href={`/placements/${placement.id}`}>
                    {placement.title}
                  </a>
                  , from {longDate(placement.startDate)}, {placement.places - placement.placesFilled} of{' '}
                  {placement.places} places free
                  {placement.publishWhenVerified && placement.status === 'draft'
                    ? ' (published when your organisation is checked)'
                    : ''}
                </li>
              ))}
            </ul>
            {focus ? (
              <Pagination
                page={page}
                pages={Math.max(1, Math.ceil(total / groupSize))}
                href={(target) => `/placements?status=${status}&page=${target}`}
              />
            ) : total > items.length ? (
              <p class="govuk-body">
                <a class="govuk-link" href={`/placements?status=${status}`}>
                  See all {total.toLocaleString('en-GB')} <span class="govuk-visually-hidden">placements: </span>
                  {statusWords[status].text.toLowerCase()}
                </a>
              </p>
            ) : null}
          </>
        );
      })}
      {none ? <p class="govuk-body">You have not posted a placement yet.</p> : null}
    </>,
  );
}

async function newPage(c: Context<WebEnv>) {
  employerOnly(c);
  const chosen = c.req.query('template');
  const template = chosen ? templates[chosen] : undefined;
  if (!template) {
    return renderPage(
      c,
      { title: 'Post a placement', backLink: '/placements' },
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <form method="get" action="/placements/new" novalidate>
            <Radios
              name="template"
              legend="Post a placement: where do you want to start?"
              legendIsHeading
              legendSize="l"
              hint="You can change everything on the next page."
              items={Object.entries(templates).map(([value, t]) => ({ value, text: t.name, hint: t.hint }))}
            />
            <Button>Continue</Button>
          </form>
        </div>
      </div>,
    );
  }
  return renderPage(
    c,
    { title: 'Post a placement', backLink: '/placements/new' },
    <PlacementForm c={c} form={formFromPlacement(template)} errors={{}} heading="Post a placement" button="Continue" />,
  );
}

async function create(c: Context<WebEnv>) {
  const employerId = employerOnly(c);
  const form = await readForm(c);
  const again = (errors: FieldErrors) => {
    c.status(400);
    return renderPage(
      c,
      { title: 'Post a placement', hasErrors: true, backLink: '/placements' },
      <PlacementForm c={c} form={form} errors={errors} heading="Post a placement" button="Continue" />,
    );
  };
  const { input, errors } = inputFromForm(form);
  if (!input) return again(errors);
  try {
    const { placement } = await c.var.services.placements.create(pageActor(c), employerId, input, c.get('requestId'));
    return c.redirect(`/placements/${placement.id}`, 303);
  } catch (error) {
    return again(problemsFromService(error));
  }
}

function placementRows(placement: Placement, editable: boolean) {
  // The row's own name finishes the hidden link text: "Change address", not "Change site-line1".
  const row = (key: string, value: Child, field: string) => ({
    key,
    value,
    ...(editable
      ? { action: { href: `/placements/${placement.id}/edit#${field}`, visuallyHiddenText: key.toLowerCase() } }
      : {}),
  });
  const { site } = placement;
  return [
    row('Job title', placement.title, 'title'),
    row('Tasks', placement.tasks.join(', '), 'tasks'),
    row('Kind of work', sectorLabels[placement.sector], 'sector'),
    row('Address', `${site.address.line1}, ${site.address.town}, ${site.address.postcode}`, 'site-line1'),
    row(
      'Getting there',
      <ul class="govuk-list">
        <li>{site.stepFreeAccess ? 'Step-free access to the workplace' : 'No step-free access: there are steps'}</li>
        {site.busRoutes.length > 0 ? <li>Buses that stop nearby: {site.busRoutes.join(', ')}</li> : null}
        {site.travelNotes ? <li class="app-section-text">{site.travelNotes}</li> : null}
      </ul>,
      'site-stepFreeAccess',
    ),
    row(
      'Days and times',
      `${daysInWords(placement.schedule.days)}, ${placement.schedule.startTime} to ${placement.schedule.endTime}, ${placement.schedule.hoursPerWeek} hours a week`,
      'days',
    ),
    row('Starts', `${longDate(placement.startDate)}, for ${placement.durationWeeks} weeks`, 'startDate'),
    editable
      ? row('Interns', `${placement.places} (${placement.placesFilled} placed)`, 'places')
      : row(
          'Places',
          `${Math.max(0, placement.places - placement.placesFilled)} of ${placement.places} free`,
          'places',
        ),
    row(
      'Rotations',
      placement.rotations.length > 0
        ? placement.rotations.map((r) => `${r.department} (${r.weeks} weeks)`).join(', ')
        : 'None',
      'rotation-0-department',
    ),
    row(
      'The workplace',
      <ul class="govuk-list">
        {environmentFactors.map((factor) => (
          <li>
            <span class="govuk-!-font-weight-bold">{environmentWords[factor].question}</span>{' '}
            {environmentWords[factor].levels[placement.environment[factor] ?? 'none']}
          </li>
        ))}
      </ul>,
      'environment-noise',
    ),
    row(
      editable ? 'Help you can give' : 'Help they offer',
      placement.adjustmentsOffered.length > 0 ? (
        <ul class="govuk-list govuk-list--bullet">
          {placement.adjustmentsOffered.map((category) => (
            <li>{adjustmentCategoryLabels[category]}</li>
          ))}
        </ul>
      ) : (
        'None chosen'
      ),
      'adjustmentsOffered',
    ),
    ...(placement.adjustmentNotes || editable
      ? [
          row(
            editable ? 'More about the help you can give' : 'More about the help they offer',
            placement.adjustmentNotes ? (
              <span class="app-section-text">{placement.adjustmentNotes}</span>
            ) : (
              'Nothing written'
            ),
            'adjustmentNotes',
          ),
        ]
      : []),
  ];
}

/** The placement, with "check your answers" and the one next step its status allows for the employer. */
async function placementPage(c: Context<WebEnv>, publishError?: string) {
  const actor = pageActor(c);
  const { placement, employer } = await c.var.services.placements.get(actor, pageParam(c, 'id'));
  const staff = actor.role === 'employer' && actor.employerId === employer.id;
  const status = statusWords[placement.status];
  if (publishError) c.status(400);
  return renderPage(
    c,
    {
      title: placement.status === 'draft' && staff ? `Check your answers: ${placement.title}` : placement.title,
      hasErrors: Boolean(publishError),
      backLink: staff ? '/placements' : '/search/placements',
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={publishError ? { publish: publishError } : {}} />
        <span class="govuk-caption-l">{employer.name}</span>
        <h1 class="govuk-heading-l">
          {placement.status === 'draft' && staff ? 'Check your answers' : placement.title}
        </h1>
        <p class="govuk-body">
          {placement.publishWhenVerified && placement.status === 'draft' ? (
            <Tag colour="blue">Published when your organisation is checked</Tag>
          ) : (
            <Tag colour={status.colour}>{status.text}</Tag>
          )}
        </p>
        <p class="govuk-body app-section-text">{placement.description}</p>
        <SummaryList rows={placementRows(placement, staff)} />
        {staff && placement.status === 'draft' && employer.verified ? (
          <form method="post" action={`/placements/${placement.id}/publish`} id="publish">
            <CsrfField token={csrfToken(c)} />
            <h2 class="govuk-heading-m">Publish the placement</h2>
            <p class="govuk-body">Job coaches can then find it and propose young people. You decide about each one.</p>
            <Button>Publish the placement</Button>
          </form>
        ) : null}
        {staff && placement.status === 'draft' && !employer.verified && placement.publishWhenVerified ? (
          <>
            <h2 class="govuk-heading-m">Waiting for a provider to check your organisation</h2>
            <p class="govuk-body">
              We will publish this placement as soon as a provider has checked your organisation. You do not need to
              come back to do it. Until then, only people at your organisation can see it.
            </p>
            <p class="govuk-body">You can still change it.</p>
          </>
        ) : null}
        {staff && placement.status === 'draft' && !employer.verified && !placement.publishWhenVerified ? (
          <form method="post" action={`/placements/${placement.id}/publish`} id="publish">
            <CsrfField token={csrfToken(c)} />
            <h2 class="govuk-heading-m">Publish the placement</h2>
            <p class="govuk-body">
              A provider has not checked your organisation yet. Until one has, only people at your organisation can see
              your placements.
            </p>
            <p class="govuk-body">
              If you press the button, we will publish this placement as soon as a provider has checked your
              organisation. Job coaches can then find it and propose young people. You decide about each one.
            </p>
            <Button>Publish when my organisation is checked</Button>
          </form>
        ) : null}
        {staff && placement.status === 'open' ? (
          <form method="post" action={`/placements/${placement.id}/close`}>
            <CsrfField token={csrfToken(c)} />
            <ButtonGroup>
              <Button variant="secondary">Stop taking proposals</Button>
            </ButtonGroup>
          </form>
        ) : null}
        {actor.role === 'job_coach' ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/placements/${placement.id}/candidates`}>
              Young people who could fit
            </a>
          </p>
        ) : null}
        {actor.role === 'young_person' || actor.role === 'delegate' ? (
          <p class="govuk-body">
            Would {actor.role === 'delegate' ? 'they' : 'you'} like to do this placement? Tell{' '}
            {actor.role === 'delegate' ? 'their' : 'your'} job coach. They can check it fits and propose it.
          </p>
        ) : null}
      </div>
    </div>,
  );
}

async function publish(c: Context<WebEnv>) {
  employerOnly(c);
  const id = pageParam(c, 'id');
  let published: boolean;
  try {
    ({ published } = await c.var.services.placements.publish(pageActor(c), id, c.get('requestId')));
  } catch (error) {
    const problems = problemsFromService(error);
    return placementPage(c, Object.values(problems)[0]);
  }
  return redirectWithFlash(
    c,
    `/placements/${id}`,
    published ? 'The placement is published' : 'The placement will be published when your organisation is checked',
  );
}

async function close(c: Context<WebEnv>) {
  employerOnly(c);
  const id = pageParam(c, 'id');
  try {
    await c.var.services.placements.update(pageActor(c), id, { status: 'closed' }, c.get('requestId'));
  } catch (error) {
    const problems = problemsFromService(error);
    return placementPage(c, Object.values(problems)[0]);
  }
  return redirectWithFlash(c, `/placements/${id}`, 'The placement no longer takes proposals');
}

async function editPage(c: Context<WebEnv>, submitted?: { form: FormBody; errors: FieldErrors }) {
  employerOnly(c);
  const { placement } = await c.var.services.placements.get(pageActor(c), pageParam(c, 'id'), 'placement.update');
  const hasErrors = submitted !== undefined;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `Change ${placement.title}`, hasErrors, backLink: `/placements/${placement.id}` },
    <PlacementForm
      c={c}
      form={submitted?.form ?? formFromPlacement(placement)}
      errors={submitted?.errors ?? {}}
      heading={`Change ${placement.title}`}
      button="Save and check"
    />,
  );
}

async function saveEdit(c: Context<WebEnv>) {
  employerOnly(c);
  const form = await readForm(c);
  const { input, errors } = inputFromForm(form);
  if (!input) return editPage(c, { form, errors });
  const { status: _draft, ...patch } = input;
  try {
    await c.var.services.placements.update(pageActor(c), pageParam(c, 'id'), patch, c.get('requestId'));
  } catch (error) {
    return editPage(c, { form, errors: problemsFromService(error) });
  }
  return redirectWithFlash(c, `/placements/${c.req.param('id')}`, 'Your changes are saved');
}

export function placementPages() {
  const app = new Hono<WebEnv>();
  app.get('/placements', (c) => listPage(c));
  app.get('/placements/new', (c) => newPage(c));
  app.post('/placements/new', (c) => create(c));
  app.get('/placements/:id{[0-9a-f]{24}}', (c) => placementPage(c));
  app.get('/placements/:id{[0-9a-f]{24}}/edit', (c) => editPage(c));
  app.post('/placements/:id{[0-9a-f]{24}}/edit', (c) => saveEdit(c));
  app.post('/placements/:id{[0-9a-f]{24}}/publish', (c) => publish(c));
  app.post('/placements/:id{[0-9a-f]{24}}/close', (c) => close(c));
  return app;
}
