import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, type FormBody, fieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { aimRowsOf, blankAimRows, formOf, OtherAimFields, programmeWording, SubjectFields } from './programme-form.js';
import { type StudyLevel, studyProgrammeInputSchema } from './study.schemas.js';
import { byFieldId, subjects } from './study.views.js';

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
            <SubjectFields subject={subject} form={form} errors={errors} />
          ))}
          <h2 class="govuk-heading-m">Employability and other aims</h2>
          <p class="govuk-body">Leave the aim empty to remove it.</p>
          {Array.from({ length: aimRows }, (_, index) => (
            <OtherAimFields index={index} form={form} errors={errors} />
          ))}
          <Button>Save the study programme</Button>
        </form>
      </div>
    </div>,
  );
}

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

/** The study programme's form: learner reference, planned hours, English, maths and other aims. */
export function programmePages() {
  const app = new Hono<WebEnv>();
  const programme = '/young-people/:youngPersonId{[0-9a-f]{24}}/study/programme';
  app.get(programme, (c) => programmePage(c));
  app.post(programme, (c) => saveProgramme(c));
  return app;
}
