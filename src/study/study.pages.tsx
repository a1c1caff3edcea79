import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Fieldset } from '../web/components/FormParts.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { WarningText } from '../web/components/WarningText.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden, pageNotFound } from '../web/errors.js';
import {
  type FieldErrors,
  type FormBody,
  type FormWording,
  fieldErrors,
  fieldErrorsFromRefusal,
  readForm,
  text,
} from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { WebPageError } from '../web/page-error.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, type PersonPage, personPage } from '../web/young-person.js';
import { ilrCsv } from './ilr-export.js';
import { absenceWords, levelWords } from './study.rules.js';
import {
  type AbsenceReason,
  absenceReasons,
  attendanceInputSchema,
  ilrFiltersSchema,
  otherAimKinds,
  type StudyLevel,
  studyLevels,
  studyProgrammeInputSchema,
} from './study.schemas.js';
import type { StudyService } from './study.service.js';

type Overview = Awaited<ReturnType<StudyService['overview']>>;
type Programme = Overview['programme'];
type EnglishOrMaths = NonNullable<Programme['english']>;

const subjects = ['english', 'maths'] as const;
const subjectWords = { english: 'English', maths: 'Maths' } as const;
const kindWords: Record<(typeof otherAimKinds)[number], string> = { employability: 'Employability', other: 'Other' };
/** A saved programme's other aims, and this many empty rows for new ones. */
const blankAimRows = 2;

const percentWords = (percent: number | null) => (percent === null ? 'No days recorded yet' : `${percent}%`);

/** An English or maths aim in the young person's words. */
function aimSentence(subject: string, aim: EnglishOrMaths, you: string) {
  const towards = aim.qualification ? `, working towards ${aim.qualification}` : '';
  if (aim.achieved)
    return `${subject} at ${levelWords[aim.level]}${towards}: ${you} did it${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}.`;
  return `${subject} at ${levelWords[aim.level]}${towards}: ${you} are still working on it.`;
}

/** The young person's (or their delegate's) page: what they are learning and how often they came, in plain words. */
function PlainWords(props: { overview: Overview; page: PersonPage }) {
  const { overview, page } = props;
  const { programme, total } = overview;
  const you = page.asDelegate ? overview.preferredName : 'you';
  const aims = [
    ...subjects.flatMap((subject) => {
      const aim = programme[subject];
      return aim ? [aimSentence(subjectWords[subject], aim, you)] : [];
    }),
    ...programme.otherAims.map((aim) =>
      aim.achieved
        ? `${aim.title}: done${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}.`
        : `${aim.title}: still working on it.`,
    ),
  ];
  return (
    <>
      <p class="govuk-body">
        An internship is work and learning together. This page shows what {you} are learning, and how often {you} came.
      </p>
      <h2 class="govuk-heading-m">What {page.asDelegate ? `${overview.preferredName} is` : 'you are'} learning</h2>
      {aims.length > 0 ? (
        <ul class="govuk-list govuk-list--bullet">
          {aims.map((aim) => (
            <li>{aim}</li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">The job coach has not written this down yet.</p>
      )}
      <h2 class="govuk-heading-m">How often {you} came</h2>
      {total.daysExpected > 0 ? (
        <p class="govuk-body">
          {page.asDelegate ? `${overview.preferredName} came` : 'You came'} on {total.daysAttended} of the{' '}
          {total.daysExpected} days {you} were expected. That is {total.percent}%.
        </p>
      ) : (
        <p class="govuk-body">Nothing is written down yet.</p>
      )}
    </>
  );
}

function AttendanceTable(props: { weeks: Overview['internships'][number]['weeks']; label: string }) {
  return (
    <TableRegion label={props.label}>
      <Table
        caption={props.label}
        captionClasses="govuk-table__caption--s"
        head={[
          { text: 'Week starting' },
          { text: 'Expected', format: 'numeric' },
          { text: 'Came', format: 'numeric' },
          { text: 'Why away' },
        ]}
        rows={props.weeks.map((week) => [
          { text: longDate(week.weekStarting) },
          { text: String(week.daysExpected), format: 'numeric' },
          { text: String(week.daysAttended), format: 'numeric' },
          {
            text: week.absences
              .map((absence) =>
                absence.details ? `${absenceWords[absence.reason]}: ${absence.details}` : absenceWords[absence.reason],
              )
              .join('; '),
          },
        ])}
      />
    </TableRegion>
  );
}

/** The provider's view: the programme as recorded, and each internship's attendance with a link to record a week. */
function StaffView(props: { overview: Overview; youngPersonId: string }) {
  const { overview, youngPersonId } = props;
  const { programme } = overview;
  const aimValue = (aim: EnglishOrMaths | null) =>
    aim
      ? `${levelWords[aim.level]}${aim.qualification ? `, ${aim.qualification}` : ''}: ${
          aim.achieved ? `achieved${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}` : 'not achieved yet'
        }`
      : 'No aim';
  return (
    <>
      {programme.warnings.map((warning) => (
        <WarningText>{warning.message}</WarningText>
      ))}
      <p class="govuk-body">
        <a class="govuk-link" href={`/young-people/${youngPersonId}/study/programme`}>
          {programme.plannedHours === null ? 'Set up the study programme' : 'Change the study programme'}
        </a>
      </p>
      <SummaryList
        rows={[
          { key: 'Learner reference', value: programme.learnerReference ?? 'Not recorded' },
          {
            key: 'Planned hours this year',
            value: programme.plannedHours === null ? 'Not recorded' : String(programme.plannedHours),
          },
          { key: 'English', value: aimValue(programme.english) },
          { key: 'Maths', value: aimValue(programme.maths) },
          ...programme.otherAims.map((aim) => ({
            key: kindWords[aim.kind],
            value: `${aim.title}: ${aim.achieved ? `achieved${aim.achievedOn ? ` on ${longDate(aim.achievedOn)}` : ''}` : 'not achieved yet'}`,
          })),
        ]}
      />
      <h2 class="govuk-heading-m">Attendance</h2>
      {overview.internships.length === 0 ? <p class="govuk-body">No internship has started yet.</p> : null}
      {overview.internships.map((internship) => (
        <>
          <h3 class="govuk-heading-s">
            {internship.employerName}, from {longDate(internship.startedOn)}
          </h3>
          <p class="govuk-body">
            Attendance: {percentWords(internship.percent)}
            {internship.daysExpected > 0 ? ` (${internship.daysAttended} of ${internship.daysExpected} days)` : ''}.{' '}
            <a class="govuk-link" href={`/young-people/${youngPersonId}/study/attendance/${internship.matchId}`}>
              Record attendance<span class="govuk-visually-hidden"> at {internship.employerName}</span>
            </a>
          </p>
          {internship.weeks.length > 0 ? (
            <AttendanceTable weeks={internship.weeks} label={`Attendance at ${internship.employerName}`} />
          ) : null}
        </>
      ))}
    </>
  );
}

async function studyPage(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const overview = await c.var.services.study.overview(page.actor, youngPersonId);
  const title = overview.mayWrite
    ? 'Study programme and attendance'
    : page.asDelegate
      ? `${overview.preferredName}’s learning`
      : 'My learning';
  return renderPage(
    c,
    { title: `${title}: ${overview.preferredName}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        {overview.mayWrite ? (
          <StaffView overview={overview} youngPersonId={youngPersonId} />
        ) : (
          <PlainWords overview={overview} page={page} />
        )}
      </div>
    </div>,
  );
}

/** The form's fields from a saved programme, named as the page names them. */
function formOf(programme: Programme): FormBody {
  const form: FormBody = {
    learnerReference: programme.learnerReference ?? '',
    plannedHours: programme.plannedHours === null ? '' : String(programme.plannedHours),
  };
  for (const subject of subjects) {
    const aim = programme[subject];
    form[`${subject}Level`] = aim?.level ?? '';
    form[`${subject}Qualification`] = aim?.qualification ?? '';
    form[`${subject}Achieved`] = aim ? (aim.achieved ? 'yes' : 'no') : '';
    Object.assign(form, dateFields(`${subject}AchievedOn`, aim?.achievedOn));
  }
  programme.otherAims.forEach((aim, index) => {
    form[`aim${index}Kind`] = aim.kind;
    form[`aim${index}Title`] = aim.title;
    form[`aim${index}Achieved`] = aim.achieved ? 'yes' : 'no';
    Object.assign(form, dateFields(`aim${index}AchievedOn`, aim.achievedOn));
  });
  return form;
}

function dateFields(name: string, value: string | undefined): FormBody {
  const parts = datePartsOf(value);
  return { [`${name}-day`]: parts.day ?? '', [`${name}-month`]: parts.month ?? '', [`${name}-year`]: parts.year ?? '' };
}

const aimRowsOf = (form: FormBody) => {
  let rows = 0;
  while (form[`aim${rows}Title`] !== undefined) rows += 1;
  return rows;
};

function AchievedFields(props: { prefix: string; what: string; form: FormBody; errors: FieldErrors }) {
  const { prefix, form, errors } = props;
  return (
    <>
      <Radios
        name={`${prefix}Achieved`}
        legend={`Has ${props.what} been achieved?`}
        legendSize="s"
        inline
        small
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No' },
        ]}
        value={text(form, `${prefix}Achieved`)}
        error={errors[`${prefix}Achieved`]}
      />
      <DateInput
        name={`${prefix}AchievedOn`}
        legend={`Day ${props.what} was achieved (optional)`}
        legendSize="s"
        hint="Only when it is achieved. For example, 20 3 2027."
        value={datePartsFrom(form, `${prefix}AchievedOn`)}
        error={errors[`${prefix}AchievedOn`]}
      />
    </>
  );
}

async function programmePage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const overview = await c.var.services.study.overview(pageActor(c), youngPersonId);
  if (!overview.mayWrite)
    throw pageForbidden('Only the young person’s job coach and provider can change the study programme.');
  const form = posted?.form ?? formOf(overview.programme);
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const aimRows = Math.min(20, aimRowsOf(form) + (posted ? 0 : blankAimRows));
  return renderPage(
    c,
    {
      title: `Study programme: ${overview.preferredName}`,
      hasErrors,
      backLink: `/young-people/${youngPersonId}/study`,
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">Study programme</h1>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <Input
            name="learnerReference"
            label="Learner reference (optional)"
            hint="The reference your college’s ILR return uses for this learner, or their 10-digit ULN."
            width="10"
            spellcheck={false}
            value={text(form, 'learnerReference')}
            error={errors.learnerReference}
          />
          <Input
            name="plannedHours"
            label="Planned hours of study this year"
            hint="The guidance speaks of at least 540 hours a year. Fewer is saved with a warning."
            width="4"
            inputmode="numeric"
            value={text(form, 'plannedHours')}
            error={errors.plannedHours}
          />
          {subjects.map((subject) => (
            <Fieldset legend={subjectWords[subject]} legendSize="m">
              <Select
                name={`${subject}Level`}
                label={`${subjectWords[subject]} level`}
                items={[
                  { value: '', text: `No ${subjectWords[subject].toLowerCase()} aim` },
                  ...studyLevels.map((level) => ({ value: level, text: levelWords[level] })),
                ]}
                value={text(form, `${subject}Level`)}
                error={errors[`${subject}Level`]}
              />
              <Input
                name={`${subject}Qualification`}
                label={`${subjectWords[subject]} qualification (optional)`}
                hint="For example, Functional Skills."
                value={text(form, `${subject}Qualification`)}
                error={errors[`${subject}Qualification`]}
              />
              <AchievedFields prefix={subject} what={subjectWords[subject].toLowerCase()} form={form} errors={errors} />
            </Fieldset>
          ))}
          <h2 class="govuk-heading-m">Employability and other aims</h2>
          <p class="govuk-body">Leave the aim empty to remove it.</p>
          {Array.from({ length: aimRows }, (_, index) => (
            <Fieldset legend={`Aim ${index + 1}`} legendSize="s">
              <Select
                name={`aim${index}Kind`}
                label={`Kind of aim ${index + 1}`}
                items={otherAimKinds.map((kind) => ({ value: kind, text: kindWords[kind] }))}
                value={text(form, `aim${index}Kind`)}
                error={errors[`aim${index}Kind`]}
              />
              <Input
                name={`aim${index}Title`}
                label={`Aim ${index + 1}`}
                hint="In words the young person understands, for example: Travel to work on my own."
                value={text(form, `aim${index}Title`)}
                error={errors[`aim${index}Title`]}
              />
              <AchievedFields prefix={`aim${index}`} what={`aim ${index + 1}`} form={form} errors={errors} />
            </Fieldset>
          ))}
          <Button>Save the study programme</Button>
        </form>
      </div>
    </div>,
  );
}

/**
 * The API's fields for the form's, and how each is named in a message. `filled` holds the page's
 * row of each aim the API received, so a problem with the API's aim 0 lands beside the row it came from.
 */
function programmeWording(filled: number[]): FormWording {
  const wording: FormWording = {
    learnerReference: { label: 'The learner reference' },
    plannedHours: { label: 'The planned hours', whenWrong: 'Enter the planned hours as a whole number, like 600' },
  };
  for (const subject of subjects) {
    const name = subjectWords[subject].toLowerCase();
    wording[`${subject}.level`] = { id: `${subject}Level`, label: `The ${name} level` };
    wording[`${subject}.qualification`] = { id: `${subject}Qualification`, label: `The ${name} qualification` };
    wording[`${subject}.achieved`] = {
      id: `${subject}Achieved`,
      label: `Whether ${name} is achieved`,
      whenEmpty: `Choose whether ${name} is achieved`,
    };
    wording[`${subject}.achievedOn`] = { id: `${subject}AchievedOn`, label: `The day ${name} was achieved` };
  }
  filled.forEach((row, index) => {
    const aim = `aim ${row + 1}`;
    wording[`otherAims.${index}.kind`] = {
      id: `aim${row}Kind`,
      label: `The kind of ${aim}`,
      whenWrong: `Choose the kind of ${aim}`,
    };
    wording[`otherAims.${index}.title`] = { id: `aim${row}Title`, label: `Aim ${row + 1}` };
    wording[`otherAims.${index}.achieved`] = {
      id: `aim${row}Achieved`,
      label: `Whether ${aim} is achieved`,
      whenEmpty: `Choose whether ${aim} is achieved`,
    };
    wording[`otherAims.${index}.achievedOn`] = { id: `aim${row}AchievedOn`, label: `The day ${aim} was achieved` };
  });
  return wording;
}

/** The same wording keyed by the page's field ids, as a service's refusal is put beside its field. */
const byFieldId = (wording: FormWording): FormWording =>
  Object.fromEntries(Object.entries(wording).map(([path, field]) => [field.id ?? path, field]));

const achievedFrom = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);

async function saveProgramme(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const form = await readForm(c);
  const dateErrors: FieldErrors = {};
  const dateOf = (name: string, label: string) => {
    const parsed = isoDateFrom(datePartsFrom(form, name), label);
    if (parsed.error) dateErrors[name] = parsed.error;
    return parsed.value;
  };
  const aimRows = aimRowsOf(form);
  // The rows the coach filled in, each with the index it has on the page, so a message lands beside it.
  const filled = Array.from({ length: aimRows }, (_, index) => index).filter((index) => text(form, `aim${index}Title`));
  const subjectAim = (subject: (typeof subjects)[number]) => {
    const level = text(form, `${subject}Level`);
    if (!level) return null;
    const achievedOn = dateOf(`${subject}AchievedOn`, `The day ${subject} was achieved`);
    return {
      level: level as StudyLevel,
      ...(text(form, `${subject}Qualification`) ? { qualification: text(form, `${subject}Qualification`) } : {}),
      achieved: achievedFrom(text(form, `${subject}Achieved`)),
      ...(achievedOn ? { achievedOn } : {}),
    };
  };
  const hours = text(form, 'plannedHours');
  const candidate = {
    ...(text(form, 'learnerReference') ? { learnerReference: text(form, 'learnerReference') } : {}),
    ...(hours ? { plannedHours: /^\d+$/.test(hours) ? Number(hours) : hours } : {}),
    english: subjectAim('english'),
    maths: subjectAim('maths'),
    otherAims: filled.map((index) => {
      const achievedOn = dateOf(`aim${index}AchievedOn`, `The day aim ${index + 1} was achieved`);
      return {
        kind: text(form, `aim${index}Kind`),
        title: text(form, `aim${index}Title`),
        achieved: achievedFrom(text(form, `aim${index}Achieved`)),
        ...(achievedOn ? { achievedOn } : {}),
      };
    }),
  };
  const parsed = studyProgrammeInputSchema.safeParse(candidate);
  const wording = programmeWording(filled);
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, wording);
  Object.assign(errors, dateErrors);
  if (!parsed.success || Object.keys(dateErrors).length > 0) return programmePage(c, { form, errors });
  try {
    await c.var.services.study.saveProgramme(pageActor(c), youngPersonId, parsed.data, c.get('requestId'));
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable'],
      fieldFor: (path) => wording[path]?.id ?? path,
      fallbackField: 'plannedHours',
      wording: byFieldId(wording),
    });
    return programmePage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, `/young-people/${youngPersonId}/study`, 'The study programme is saved');
}

const absenceFields: Record<AbsenceReason, { name: string; label: string }> = {
  ill: { name: 'absentIll', label: 'Days away ill' },
  appointment: { name: 'absentAppointment', label: 'Days away at an appointment' },
  holiday: { name: 'absentHoliday', label: 'Days away on holiday' },
  other: { name: 'absentOther', label: 'Days away for another reason' },
};

async function attendancePage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const matchId = pageParam(c, 'matchId');
  const facts = await c.var.services.study.attendanceForm(pageActor(c), matchId);
  if (facts.youngPersonId !== youngPersonId) throw pageNotFound();
  const form = posted?.form ?? {};
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    {
      title: `Record attendance: ${facts.preferredName}`,
      hasErrors,
      backLink: `/young-people/${youngPersonId}/study`,
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{facts.preferredName}</span>
        <h1 class="govuk-heading-l">Record attendance</h1>
        <p class="govuk-body">
          Attendance so far: {percentWords(facts.percent)}
          {facts.daysExpected > 0 ? ` (${facts.daysAttended} of ${facts.daysExpected} days)` : ''}. The internship
          started on {longDate(facts.startedOn)}.
        </p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <DateInput
            name="week"
            legend="Which week?"
            legendSize="s"
            hint="Any day in the week. For example, 14 9 2026. Recording a week again replaces it."
            value={datePartsFrom(form, 'week')}
            error={errors.week}
          />
          <Input
            name="daysExpected"
            label="Days expected"
            hint="The days they should have come to work or college that week."
            width="2"
            inputmode="numeric"
            value={text(form, 'daysExpected')}
            error={errors.daysExpected}
          />
          <Input
            name="daysAttended"
            label="Days they came"
            width="2"
            inputmode="numeric"
            value={text(form, 'daysAttended')}
            error={errors.daysAttended}
          />
          <Fieldset legend="Why they were away" legendSize="s">
            <p class="govuk-body">Give a reason for each day missed. Leave these empty when they came every day.</p>
            {absenceReasons.map((reason) => (
              <Input
                name={absenceFields[reason].name}
                label={absenceFields[reason].label}
                width="2"
                inputmode="numeric"
                value={text(form, absenceFields[reason].name)}
                error={errors[absenceFields[reason].name]}
              />
            ))}
            <Input
              name="otherReason"
              label="What the other reason was"
              hint="Only when they were away for another reason."
              value={text(form, 'otherReason')}
              error={errors.otherReason}
            />
          </Fieldset>
          <Button>Save the week</Button>
        </form>
        {facts.weeks.length > 0 ? (
          <AttendanceTable weeks={[...facts.weeks].reverse()} label="Weeks recorded, latest first" />
        ) : null}
      </div>
    </div>,
  );
}

const attendanceWording: FormWording = {
  daysExpected: { label: 'Days expected', whenWrong: 'Enter the days expected as a whole number from 0 to 7' },
  daysAttended: { label: 'Days they came', whenWrong: 'Enter the days they came as a whole number from 0 to 7' },
  absences: { id: 'absentIll', label: 'The days away' },
  week: { label: 'The week' },
};

async function saveAttendance(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const matchId = pageParam(c, 'matchId');
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const week = isoDateFrom(datePartsFrom(form, 'week'), 'The week');
  if (week.error) errors.week = week.error;
  else if (!week.value) errors.week = 'Enter a day in the week';
  const count = (name: string) => {
    const value = text(form, name);
    return /^\d+$/.test(value) ? Number(value) : value === '' ? undefined : value;
  };
  const absences = absenceReasons.flatMap((reason) => {
    const days = count(absenceFields[reason].name);
    if (typeof days === 'string' || (days ?? 0) > 7) {
      errors[absenceFields[reason].name] = `${absenceFields[reason].label} must be a whole number from 0 to 7`;
      return [];
    }
    const details = reason === 'other' && text(form, 'otherReason') ? { details: text(form, 'otherReason') } : {};
    return Array.from({ length: days ?? 0 }, () => ({ reason, ...details }));
  });
  const parsed = attendanceInputSchema.safeParse({
    daysExpected: count('daysExpected'),
    daysAttended: count('daysAttended'),
    absences,
  });
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error, attendanceWording));
  if (!parsed.success || Object.keys(errors).length > 0) return attendancePage(c, { form, errors });
  try {
    await c.var.services.study.recordAttendance(pageActor(c), matchId, week.value!, parsed.data, c.get('requestId'));
  } catch (error) {
    const fieldFor = (path: string) =>
      path.startsWith('absences.') ? 'otherReason' : (attendanceWording[path]?.id ?? path);
    const refused = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'conflict'],
      fieldFor,
      fallbackField: 'week',
      wording: { ...byFieldId(attendanceWording), otherReason: { label: 'What the other reason was' } },
    });
    return attendancePage(c, { form, errors: refused });
  }
  return redirectWithFlash(
    c,
    `/young-people/${youngPersonId}/study/attendance/${matchId}`,
    'The week’s attendance is saved',
  );
}

/** The ILR work placement export, for the reports page's download link, with the report's filters. */
async function ilrDownload(c: Context<WebEnv>) {
  const filters = ilrFiltersSchema.safeParse(c.req.query());
  if (!filters.success)
    throw new WebPageError(
      400,
      'bad_filters',
      'These filters are not right',
      'Go back to the reports page and choose them again.',
    );
  const rows = await c.var.services.study.ilrWorkPlacements(pageActor(c), filters.data);
  return c.body(ilrCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="ilr-work-placements.csv"',
    'Cache-Control': 'no-store',
  });
}

export function studyPages() {
  const app = new Hono<WebEnv>();
  const base = '/young-people/:youngPersonId{[0-9a-f]{24}}/study';
  app.get('/reports/ilr-work-placements.csv', (c) => ilrDownload(c));
  app.get(base, (c) => studyPage(c));
  app.get(`${base}/programme`, (c) => programmePage(c));
  app.post(`${base}/programme`, (c) => saveProgramme(c));
  app.get(`${base}/attendance/:matchId{[0-9a-f]{24}}`, (c) => attendancePage(c));
  app.post(`${base}/attendance/:matchId{[0-9a-f]{24}}`, (c) => saveAttendance(c));
  return app;
}
