import { type Context, Hono } from 'hono';
import { Button } from '../web/components/Button.js';
import { DateInput, type DateParts } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
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
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { applicants, applicationInputSchema, awardInputSchema, signers } from './access-to-work.schemas.js';
import { applicantWords, labelled, type Overview, penceFrom, signerWords } from './access-to-work-words.js';

/** The application form: GET shows what is recorded, POST validates with the API's own schema. */
async function applicationPage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const overview = await c.var.services.accessToWork.overview(pageActor(c), youngPersonId);
  if (!overview.mayWrite)
    throw pageForbidden('Only the young person’s job coach and provider can record the application.');
  const saved = overview.case.application;
  const form: FormBody = posted?.form ?? {
    appliedBy: saved?.appliedBy ?? '',
    reference: saved?.reference ?? '',
    signer: saved?.signer ?? '',
    appointeeName: saved?.appointeeName ?? '',
  };
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const sentOn = posted ? datePartsFrom(form, 'sentOn') : datePartsOf(saved?.sentOn);
  return renderPage(
    c,
    {
      title: `Access to Work application: ${overview.preferredName}`,
      hasErrors,
      backLink: `/young-people/${youngPersonId}/access-to-work`,
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">Access to Work application</h1>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <Radios
            name="appliedBy"
            legend="Who applies"
            legendSize="s"
            items={applicants.map((value) => ({ value, text: applicantWords[value] }))}
            value={text(form, 'appliedBy')}
            error={errors.appliedBy}
          />
          <Input
            name="reference"
            label="Access to Work reference (optional)"
            hint="Once Access to Work has given one."
            width="20"
            value={text(form, 'reference')}
            error={errors.reference}
          />
          <DateInput
            name="sentOn"
            legend="Day the application was sent (optional)"
            legendSize="s"
            hint="Leave it empty while the application is being written. For example, 12 4 2027."
            value={sentOn}
            error={errors.sentOn}
          />
          <Radios
            name="signer"
            legend="Who signs the forms"
            legendSize="s"
            items={signers.map((value) => ({ value, text: signerWords[value] }))}
            value={text(form, 'signer')}
            error={errors.signer}
          />
          <Input
            name="appointeeName"
            label="Appointee’s name (if the appointee signs)"
            value={text(form, 'appointeeName')}
            error={errors.appointeeName}
          />
          <Button>Save the application</Button>
        </form>
      </div>
    </div>,
  );
}

const fieldLabels: Record<string, string> = {
  sentOn: 'The day the application was sent',
  appointeeName: 'The appointee’s name',
};

async function saveApplication(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const form = await readForm(c);
  const sentOn = isoDateFrom(datePartsFrom(form, 'sentOn'), 'The day the application was sent');
  const optional = (name: string) => (text(form, name) ? { [name]: text(form, name) } : {});
  const parsed = applicationInputSchema.safeParse({
    ...optional('appliedBy'),
    ...optional('reference'),
    ...(sentOn.value ? { sentOn: sentOn.value } : {}),
    ...optional('signer'),
    ...optional('appointeeName'),
  });
  const errors: FieldErrors = parsed.success
    ? {}
    : fieldErrors(parsed.error, {
        appliedBy: { label: 'Who applies', whenEmpty: 'Choose who applies', whenWrong: 'Choose who applies' },
        signer: {
          label: 'Who signs the forms',
          whenEmpty: 'Choose who signs the forms',
          whenWrong: 'Choose who signs the forms',
        },
        reference: { label: 'The reference' },
        appointeeName: { label: 'The appointee’s name' },
      });
  if (sentOn.error) errors.sentOn = sentOn.error;
  if (!parsed.success || sentOn.error) return applicationPage(c, { form, errors });
  try {
    await c.var.services.accessToWork.saveApplication(pageActor(c), youngPersonId, parsed.data, c.get('requestId'));
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable'],
      fieldFor: (path) => path,
      fallbackField: 'appliedBy',
      // The service names the field in its path; the page says which field in words.
      wording: labelled(fieldLabels),
    });
    return applicationPage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, `/young-people/${youngPersonId}/access-to-work`, 'The application is saved');
}

const poundsText = (pence: number | undefined) => (pence === undefined ? '' : (pence / 100).toFixed(2));

const awardLabels = {
  letterDate: 'The letter’s date',
  coachStartsOn: 'The first day of job coach support',
  coachEndsOn: 'The last day of job coach support',
  hoursPerWeek: 'Hours a week',
  costPerHour: 'The cost an hour',
  coachTotal: 'The total for job coach support',
  employerContribution: 'The employer’s contribution',
  refusedItem: 'What was refused',
  refusedReason: 'The reason',
};
type AwardField = keyof typeof awardLabels;
const awardFieldIds: Record<string, AwardField> = {
  letterDate: 'letterDate',
  'lines.0.startsOn': 'coachStartsOn',
  'lines.0.endsOn': 'coachEndsOn',
  'lines.0.hoursPerWeek': 'hoursPerWeek',
  'lines.0.costPerHourPence': 'costPerHour',
  'lines.0.totalPence': 'coachTotal',
  employerContributionPence: 'employerContribution',
  'refused.0.item': 'refusedItem',
  'refused.0.reason': 'refusedReason',
};
/** The award form's wording, by the schema path of each field. */
const awardWording: FormWording = Object.fromEntries(
  Object.entries(awardFieldIds).map(([path, id]) => [path, { label: awardLabels[id], id }]),
);

type SavedAward = Overview['case']['award'];
type AwardDates = Record<'letterDate' | 'coachStartsOn' | 'coachEndsOn', DateParts>;

/** The form as the recorded award fills it: its job coach support, the contribution and the first thing refused. */
function awardFormOf(saved: SavedAward): FormBody {
  const coach = saved?.lines.find((line) => line.kind === 'job_coach');
  return {
    hoursPerWeek: coach?.hoursPerWeek === undefined ? '' : String(coach.hoursPerWeek),
    costPerHour: poundsText(coach?.costPerHourPence),
    coachTotal: poundsText(coach?.totalPence),
    employerContribution: poundsText(saved?.employerContributionPence),
    refusedItem: saved?.refused[0]?.item ?? '',
    refusedReason: saved?.refused[0]?.reason ?? '',
  };
}

/** The three dates as typed when the form comes back, or as recorded. */
function awardDatesOf(saved: SavedAward, posted: FormBody | undefined): AwardDates {
  const coach = saved?.lines.find((line) => line.kind === 'job_coach');
  const dateOf = (name: keyof AwardDates, stored: string | undefined) =>
    posted ? datePartsFrom(posted, name) : datePartsOf(stored);
  return {
    letterDate: dateOf('letterDate', saved?.letterDate),
    coachStartsOn: dateOf('coachStartsOn', coach?.startsOn),
    coachEndsOn: dateOf('coachEndsOn', coach?.endsOn),
  };
}

/** The letter's job coach support line: its dates, hours a week, cost an hour and total. */
function JobCoachSupportFields(props: { form: FormBody; errors: FieldErrors; dates: AwardDates }) {
  const { form, errors, dates } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Job coach support</h2>
      <DateInput
        name="coachStartsOn"
        legend="First day"
        legendSize="s"
        value={dates.coachStartsOn}
        error={errors.coachStartsOn}
      />
      <DateInput
        name="coachEndsOn"
        legend="Last day"
        legendSize="s"
        value={dates.coachEndsOn}
        error={errors.coachEndsOn}
      />
      <Input
        name="hoursPerWeek"
        label="Hours a week"
        inputmode="decimal"
        width="3"
        value={text(form, 'hoursPerWeek')}
        error={errors.hoursPerWeek}
      />
      <Input
        name="costPerHour"
        label="Cost an hour, in pounds"
        hint="For example, 28.50."
        inputmode="decimal"
        width="5"
        value={text(form, 'costPerHour')}
        error={errors.costPerHour}
      />
      <Input
        name="coachTotal"
        label="Total for job coach support, in pounds"
        inputmode="decimal"
        width="10"
        value={text(form, 'coachTotal')}
        error={errors.coachTotal}
      />
    </>
  );
}

/** What the letter refused, and why. */
function RefusedFields(props: { form: FormBody; errors: FieldErrors }) {
  const { form, errors } = props;
  return (
    <>
      <h2 class="govuk-heading-m">Anything refused (optional)</h2>
      <Input name="refusedItem" label="What was refused" value={text(form, 'refusedItem')} error={errors.refusedItem} />
      <Input
        name="refusedReason"
        label="The reason the letter gives"
        value={text(form, 'refusedReason')}
        error={errors.refusedReason}
      />
    </>
  );
}

/** The award form: the letter's date, its job coach support, the employer's share and anything refused. */
function AwardForm(props: { csrf: string; form: FormBody; errors: FieldErrors; dates: AwardDates }) {
  const { form, errors, dates } = props;
  return (
    <form method="post" novalidate>
      <CsrfField token={props.csrf} />
      <DateInput
        name="letterDate"
        legend="Date on the letter"
        legendSize="s"
        hint="For example, 18 5 2027."
        value={dates.letterDate}
        error={errors.letterDate}
      />
      <JobCoachSupportFields form={form} errors={errors} dates={dates} />
      <Input
        name="employerContribution"
        label="Employer’s contribution, in pounds (optional)"
        inputmode="decimal"
        width="10"
        value={text(form, 'employerContribution')}
        error={errors.employerContribution}
      />
      <RefusedFields form={form} errors={errors} />
      <Button>Save the award</Button>
    </form>
  );
}

/**
 * The award form records the letter's job coach support, which claims are drafted from; other lines
 * (travel, equipment) come through the API and are kept as they are when this form is saved.
 */
async function awardPage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const overview = await c.var.services.accessToWork.overview(pageActor(c), youngPersonId);
  if (!overview.mayWrite) throw pageForbidden('Only the young person’s job coach and provider can record the award.');
  const saved = overview.case.award;
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    {
      title: `Access to Work award: ${overview.preferredName}`,
      hasErrors,
      backLink: `/young-people/${youngPersonId}/access-to-work`,
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">Access to Work award</h1>
        <p class="govuk-body">Copy these from the award letter. Amounts are in pounds.</p>
        <AwardForm
          csrf={csrfToken(c)}
          form={posted?.form ?? awardFormOf(saved)}
          errors={errors}
          dates={awardDatesOf(saved, posted?.form)}
        />
      </div>
    </div>,
  );
}

async function saveAward(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const date = (name: AwardField) => {
    const { value, error } = isoDateFrom(datePartsFrom(form, name), awardLabels[name]);
    if (error) errors[name] = error;
    else if (!value) errors[name] = `Enter ${awardLabels[name].charAt(0).toLowerCase()}${awardLabels[name].slice(1)}`;
    return value;
  };
  const amount = (name: AwardField, optional = false) => {
    const raw = text(form, name);
    if (!raw && optional) return undefined;
    const pence = penceFrom(raw);
    if (pence === undefined) errors[name] = `${awardLabels[name]} must be an amount in pounds, like 28.50`;
    return pence;
  };
  const letterDate = date('letterDate');
  const startsOn = date('coachStartsOn');
  const endsOn = date('coachEndsOn');
  const hours = Number(text(form, 'hoursPerWeek'));
  if (!text(form, 'hoursPerWeek') || !Number.isFinite(hours) || hours < 0 || hours > 60)
    errors.hoursPerWeek = 'Hours a week must be a number from 0 to 60';
  const costPerHourPence = amount('costPerHour');
  const totalPence = amount('coachTotal');
  const employerContributionPence = amount('employerContribution', true) ?? 0;
  const refusedItem = text(form, 'refusedItem');
  const refusedReason = text(form, 'refusedReason');
  if (refusedReason && !refusedItem) errors.refusedItem = 'Enter what was refused, or leave the reason empty';
  if (Object.keys(errors).length > 0) return awardPage(c, { form, errors });
  const overview = await c.var.services.accessToWork.overview(pageActor(c), youngPersonId);
  const parsed = awardInputSchema.safeParse({
    letterDate,
    lines: [
      { kind: 'job_coach', startsOn, endsOn, hoursPerWeek: hours, costPerHourPence, totalPence },
      ...(overview.case.award?.lines.filter((line) => line.kind !== 'job_coach') ?? []),
    ],
    employerContributionPence,
    refused: refusedItem ? [{ item: refusedItem, reason: refusedReason }] : [],
  });
  if (!parsed.success) return awardPage(c, { form, errors: fieldErrors(parsed.error, awardWording) });
  try {
    await c.var.services.accessToWork.saveAward(pageActor(c), youngPersonId, parsed.data, c.get('requestId'));
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'conflict'],
      fieldFor: (path) => awardFieldIds[path] ?? 'letterDate',
      fallbackField: 'letterDate',
      wording: labelled(awardLabels),
    });
    return awardPage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, `/young-people/${youngPersonId}/access-to-work`, 'The award is saved');
}

/** The application for Access to Work and the award it brings, recorded by the young person's job coach. */
export function awardPages() {
  const app = new Hono<WebEnv>();
  const base = '/young-people/:youngPersonId{[0-9a-f]{24}}/access-to-work';
  app.get(`${base}/application`, (c) => applicationPage(c));
  app.post(`${base}/application`, (c) => saveApplication(c));
  app.get(`${base}/award`, (c) => awardPage(c));
  app.post(`${base}/award`, (c) => saveAward(c));
  return app;
}
