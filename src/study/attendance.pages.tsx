import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, type FormBody, fieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate } from '../web/young-person.js';
import { AttendanceFields, absenceFields, attendanceWording } from './attendance-form.js';
import { absenceReasons, attendanceInputSchema } from './study.schemas.js';
import { AttendanceTable, byFieldId, percentWords } from './study.views.js';

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
          <AttendanceFields form={form} errors={errors} />
          <Button>Save the week</Button>
        </form>
        {facts.weeks.length > 0 ? (
          <AttendanceTable weeks={[...facts.weeks].reverse()} label="Weeks recorded, latest first" />
        ) : null}
      </div>
    </div>,
  );
}

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
  if (!parsed.success || !week.value || Object.keys(errors).length > 0) return attendancePage(c, { form, errors });
  try {
    await c.var.services.study.recordAttendance(pageActor(c), matchId, week.value, parsed.data, c.get('requestId'));
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

/** A week's attendance at one internship, with the weeks recorded so far. */
export function attendancePages() {
  const app = new Hono<WebEnv>();
  const attendance = '/young-people/:youngPersonId{[0-9a-f]{24}}/study/attendance/:matchId{[0-9a-f]{24}}';
  app.get(attendance, (c) => attendancePage(c));
  app.post(attendance, (c) => saveAttendance(c));
  return app;
}
