import { type Context, Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { TableRegion } from '../web/components/TableRegion.js';
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
import { longDate, monthInWords, personPage } from '../web/young-person.js';
import { applicants, applicationInputSchema, awardInputSchema, signers } from './access-to-work.schemas.js';
import type { AccessToWorkService } from './access-to-work.service.js';
import { providerClaimsCsv, warningMessage } from './access-to-work.views.js';

type Overview = Awaited<ReturnType<AccessToWorkService['overview']>>;
type Line = NonNullable<Overview['case']['award']>['lines'][number];

const pounds = (pence: number) =>
  `£${(pence / 100).toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const claimStateWords: Record<string, string> = {
  draft: 'Drafted, not signed',
  signed: 'Signed, not sent',
  sent: 'Sent, waiting for payment',
  paid: 'Paid',
  queried: 'Access to Work asked a question',
};
const signerWords: Record<string, string> = { young_person: 'The young person', appointee: 'Their appointee' };
const applicantWords: Record<string, string> = {
  education_provider: 'The college',
  supported_employment_provider: 'A supported-employment provider',
  young_person: 'The young person',
};

/** Page labels by field id, as the wording the refusal's messages are put in. */
const labelled = (labels: Record<string, string>): FormWording =>
  Object.fromEntries(Object.entries(labels).map(([id, label]) => [id, { label }]));
/** What a line pays for, in everyday words, for the young person. */
function lineWords(line: Line, you: string): string {
  switch (line.kind) {
    case 'job_coach':
      return `a job coach to help ${you} at work, ${line.hoursPerWeek} hours a week`;
    case 'travel_to_work':
      return 'getting to work';
    case 'equipment':
      return line.description ? `equipment: ${line.description}` : 'equipment';
    case 'other':
      return line.description ? `other help: ${line.description}` : 'other help at work';
  }
}

function WarningText(props: { text: string }) {
  return (
    <div class="govuk-warning-text">
      <span class="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong class="govuk-warning-text__text">
        <span class="govuk-visually-hidden">Warning</span>
        {props.text}
      </strong>
    </div>
  );
}

/** The young person's (or their delegate's) page: what Access to Work pays for, in plain words. */
function PlainWords(props: { overview: Overview; asDelegate: boolean }) {
  const { overview } = props;
  const you = props.asDelegate ? overview.preferredName : 'you';
  const your = props.asDelegate ? `${overview.preferredName}’s` : 'your';
  const { application, award, dates } = overview.case;
  const hasCoach = award?.lines.some((line) => line.kind === 'job_coach');
  return (
    <>
      <p class="govuk-body">
        Access to Work is money from the government. It pays for help at work that {you} need because of a disability.
      </p>
      {award && dates.fundedUntil ? (
        <>
          <p class="govuk-body-l">
            Access to Work pays for {hasCoach ? `${your} job coach` : 'help at work'} until{' '}
            {longDate(dates.fundedUntil)}.
          </p>
          <h2 class="govuk-heading-m">What it pays for</h2>
          <ul class="govuk-list govuk-list--bullet">
            {award.lines.map((line) => (
              <li>{lineWords(line, you)}</li>
            ))}
          </ul>
          {award.refused.length > 0 ? (
            <>
              <h2 class="govuk-heading-m">What it does not pay for</h2>
              <ul class="govuk-list govuk-list--bullet">
                {award.refused.map((item) => (
                  <li>
                    {item.item}. {item.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {dates.renewalOpensOn ? (
            <p class="govuk-body">
              From {longDate(dates.renewalOpensOn)}, {your} job coach can ask for the help to go on for longer.
            </p>
          ) : null}
        </>
      ) : application?.sentOn ? (
        <p class="govuk-body">
          The application was sent on {longDate(application.sentOn)}. Access to Work will write with their answer. This
          can take a few months.
        </p>
      ) : application ? (
        <p class="govuk-body">
          {application.signer === 'young_person'
            ? `${props.asDelegate ? `${overview.preferredName} needs` : 'You need'} to sign the forms. ${props.asDelegate ? 'Their' : 'Your'} job coach will help.`
            : 'The application is being written. The appointee will sign the forms.'}
        </p>
      ) : (
        <p class="govuk-body">{props.asDelegate ? 'The' : 'Your'} job coach has not applied yet.</p>
      )}
    </>
  );
}

/** The job coach's view: the dates DWP's rules give, the claims, and drafting the next one. */
function CoachView(props: { overview: Overview; youngPersonId: string; errors: FieldErrors; csrf: string }) {
  const { overview, youngPersonId, errors } = props;
  const { application, award, dates } = overview.case;
  const when = (date: string | null, otherwise = 'Not known yet') => (date ? longDate(date) : otherwise);
  return (
    <>
      {dates.applicationLate ? (
        <WarningText text="The placement starts in less than 6 months and the application has not been sent." />
      ) : null}
      <h2 class="govuk-heading-m">Application</h2>
      <p class="govuk-body">
        <a class="govuk-link" href={`/young-people/${youngPersonId}/access-to-work/application`}>
          {application ? 'Change the application' : 'Record the application'}
        </a>
      </p>
      <SummaryList
        rows={[
          { key: 'Who applies', value: application ? applicantWords[application.appliedBy] : 'Not recorded' },
          { key: 'Reference', value: overview.reference ?? 'Not known yet' },
          { key: 'Sent on', value: when(application?.sentOn ?? null, 'Not sent') },
          {
            key: 'Who signs',
            value: application
              ? `${signerWords[application.signer]}${application.appointeeName ? `: ${application.appointeeName}` : ''}`
              : 'Not recorded',
          },
        ]}
      />
      <h2 class="govuk-heading-m">Dates</h2>
      <SummaryList
        rows={[
          { key: 'Placement starts', value: when(dates.placementStart) },
          { key: 'Can apply from', value: when(dates.applicationOpensOn) },
          { key: 'Ask for a reconsideration by', value: when(dates.reconsiderationDeadline) },
          { key: 'Funded until', value: when(dates.fundedUntil) },
          { key: 'Renewal opens', value: when(dates.renewalOpensOn) },
          { key: 'Intensive coaching until', value: when(dates.intensiveCoachingUntil) },
          { key: 'With the adviser’s extra 13 weeks, until', value: when(dates.discretionaryCoachingUntil) },
        ]}
      />
      {application?.sentOn ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/young-people/${youngPersonId}/access-to-work/award`}>
            {award ? 'Change the award' : 'Record the award from the letter'}
          </a>
        </p>
      ) : null}
      {award ? (
        <>
          <h2 class="govuk-heading-m">Award</h2>
          <p class="govuk-body">Letter dated {longDate(award.letterDate)}.</p>
          <TableRegion label="Award lines">
            <table class="govuk-table">
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    Support
                  </th>
                  <th scope="col" class="govuk-table__header">
                    Dates
                  </th>
                  <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                    Total
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {award.lines.map((line) => (
                  <tr class="govuk-table__row">
                    <td class="govuk-table__cell">
                      {line.kind === 'job_coach'
                        ? `Job coach, ${line.hoursPerWeek} hours a week at ${pounds(line.costPerHourPence ?? 0)} an hour`
                        : lineWords(line, 'them')}
                    </td>
                    <td class="govuk-table__cell">
                      {longDate(line.startsOn)} to {longDate(line.endsOn)}
                    </td>
                    <td class="govuk-table__cell govuk-table__cell--numeric">{pounds(line.totalPence)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
          <p class="govuk-body">Employer’s contribution: {pounds(award.employerContributionPence)}.</p>
        </>
      ) : null}
      <h2 class="govuk-heading-m">Claims</h2>
      {overview.claims.length === 0 ? <p class="govuk-body">No claims yet.</p> : null}
      {overview.claims.length > 0 ? (
        <TableRegion label="Claims">
          <table class="govuk-table">
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Month
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Hours
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Total
                </th>
                <th scope="col" class="govuk-table__header">
                  Where it is
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {overview.claims.map((claim) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={`/young-people/${youngPersonId}/access-to-work/claims/${claim.id}`}>
                      {monthInWords(claim.month)}
                      <span class="govuk-visually-hidden"> claim</span>
                    </a>
                  </td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{claim.coachingHours}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{pounds(claim.totalPence)}</td>
                  <td class="govuk-table__cell">{claimStateWords[claim.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      {overview.claimableMonths.length > 0 && award ? (
        <form method="post" action={`/young-people/${youngPersonId}/access-to-work/claims`} novalidate>
          <CsrfField token={props.csrf} />
          <Select
            name="month"
            label="Month to claim for"
            hint="The claim counts the job coaching hours of each week that starts in that month. Study time is never claimed."
            items={overview.claimableMonths.map((month) => ({ value: month, text: monthInWords(month) }))}
            error={errors.month}
          />
          <Button>Draft the claim</Button>
        </form>
      ) : null}
    </>
  );
}

async function overviewPage(c: Context<WebEnv>, errors: FieldErrors = {}) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const overview = await c.var.services.accessToWork.overview(page.actor, youngPersonId);
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `Access to Work: ${overview.preferredName}`, hasErrors },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">Access to Work</h1>
        {overview.mayWrite ? (
          <CoachView overview={overview} youngPersonId={youngPersonId} errors={errors} csrf={csrfToken(c)} />
        ) : (
          <PlainWords overview={overview} asDelegate={page.actor.role !== 'young_person'} />
        )}
      </div>
    </div>,
  );
}

async function draftClaim(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const form = await readForm(c);
  let claimId: string;
  try {
    claimId = (
      await c.var.services.accessToWork.draftClaim(pageActor(c), youngPersonId, text(form, 'month'), c.get('requestId'))
    ).id;
  } catch (error) {
    const errors = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'validation_failed', 'conflict'],
      fieldFor: () => 'month',
      fallbackField: 'month',
    });
    return overviewPage(c, errors);
  }
  return redirectWithFlash(
    c,
    `/young-people/${youngPersonId}/access-to-work/claims/${claimId}`,
    'The claim is drafted',
  );
}

type ClaimStepName = 'sign' | 'send' | 'pay' | 'query';

/** The forms for the steps the claim may take next (the service says which). */
function ClaimStepForms(props: {
  steps: ClaimStepName[];
  action: string;
  csrf: string;
  form: FormBody;
  errors: FieldErrors;
}) {
  const { form, errors } = props;
  const date = (name: string, legend: string) => (
    <DateInput
      name={name}
      legend={legend}
      legendSize="s"
      hint="Today or earlier. For example, 2 11 2027."
      value={datePartsFrom(form, name)}
      error={errors[name]}
    />
  );
  const forms: Record<ClaimStepName, { heading: string; button: string; path: string; fields: JSX.Element }> = {
    sign: {
      heading: 'Record the signature',
      button: 'Record the signature',
      path: 'sign',
      fields: (
        <>
          <Input name="signedBy" label="Who signed" value={text(form, 'signedBy')} error={errors.signedBy} />
          {date('signedOn', 'Day it was signed')}
        </>
      ),
    },
    send: {
      heading: 'Record that it was sent',
      button: 'Record that it was sent',
      path: 'send',
      fields: date('sentOn', 'Day it was sent'),
    },
    pay: {
      heading: 'Record the payment',
      button: 'Record the payment',
      path: 'paid',
      fields: (
        <>
          {date('paidOn', 'Day it was paid')}
          <Input
            name="amount"
            label="Amount paid, in pounds"
            inputmode="decimal"
            width="10"
            value={text(form, 'amount')}
            error={errors.amount}
          />
        </>
      ),
    },
    query: {
      heading: 'Record a question from Access to Work',
      button: 'Record the question',
      path: 'query',
      fields: (
        <>
          {date('queriedOn', 'Day they asked')}
          <Input name="question" label="What they asked" value={text(form, 'question')} error={errors.question} />
        </>
      ),
    },
  };
  return (
    <>
      {props.steps.map((step) => (
        <form method="post" action={`${props.action}/${forms[step].path}`} novalidate>
          <CsrfField token={props.csrf} />
          <h2 class="govuk-heading-m">{forms[step].heading}</h2>
          {forms[step].fields}
          <Button>{forms[step].button}</Button>
        </form>
      ))}
    </>
  );
}

const stepFieldLabels: Record<string, string> = {
  signedBy: 'Who signed',
  signedOn: 'The day it was signed',
  sentOn: 'The day it was sent',
  paidOn: 'The day it was paid',
  amount: 'The amount paid',
  queriedOn: 'The day they asked',
  question: 'What they asked',
};

async function moveClaim(c: Context<WebEnv>, step: ClaimStepName) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const claimId = pageParam(c, 'claimId');
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const date = (name: string) => {
    const { value, error } = isoDateFrom(datePartsFrom(form, name), stepFieldLabels[name]!);
    if (error) errors[name] = error;
    else if (!value) errors[name] = `Enter ${stepFieldLabels[name]!.toLowerCase()}`;
    return value ?? '';
  };
  const required = (name: string) => {
    if (!text(form, name)) errors[name] = `Enter ${stepFieldLabels[name]!.toLowerCase()}`;
    return text(form, name);
  };
  const service = c.var.services.accessToWork;
  const actor = pageActor(c);
  const requestId = c.get('requestId');
  let run: () => Promise<unknown>;
  if (step === 'sign') {
    const input = { signedBy: required('signedBy'), signedOn: date('signedOn') };
    run = () => service.moveClaim(actor, youngPersonId, claimId, 'sign', input, requestId);
  } else if (step === 'send') {
    const input = { sentOn: date('sentOn') };
    run = () => service.moveClaim(actor, youngPersonId, claimId, 'send', input, requestId);
  } else if (step === 'pay') {
    const paidOn = date('paidOn');
    const amountPence = penceFrom(text(form, 'amount'));
    if (amountPence === undefined) errors.amount = 'The amount paid must be an amount in pounds, like 798.00';
    run = () =>
      service.moveClaim(actor, youngPersonId, claimId, 'pay', { paidOn, amountPence: amountPence! }, requestId);
  } else {
    const input = { queriedOn: date('queriedOn'), question: required('question') };
    run = () => service.moveClaim(actor, youngPersonId, claimId, 'query', input, requestId);
  }
  if (Object.keys(errors).length > 0) return claimPage(c, { form, errors });
  try {
    await run();
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: ['unprocessable', 'conflict'],
      fieldFor: (path) => (path === 'amountPence' ? 'amount' : path),
      fallbackField: 'form',
      wording: labelled(stepFieldLabels),
    });
    return claimPage(c, { form, errors: refused });
  }
  return redirectWithFlash(
    c,
    `/young-people/${youngPersonId}/access-to-work/claims/${claimId}`,
    'The claim is updated',
  );
}

/** A claim laid out as DWP's claim form asks, to print and sign, with the forms for its next step. */
async function claimPage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const page = personPage(c, youngPersonId);
  if (page instanceof Response) return page;
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const { claim, nextSteps, preferredName, reference } = await c.var.services.accessToWork.claimForm(
    page.actor,
    youngPersonId,
    pageParam(c, 'claimId'),
  );
  const blank = 'To fill in by hand';
  return renderPage(
    c,
    {
      title: `Access to Work claim for ${monthInWords(claim.month)}: ${preferredName}`,
      hasErrors,
      backLink: `/young-people/${youngPersonId}/access-to-work`,
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{preferredName}</span>
        <h1 class="govuk-heading-l">Access to Work claim for {monthInWords(claim.month)}</h1>
        <p class="govuk-body">{claimStateWords[claim.state]}. To print it, use your browser’s Print.</p>
        {claim.warnings.map((warning) => (
          <WarningText text={warningMessage(warning)} />
        ))}
        <h2 class="govuk-heading-m">About the person</h2>
        <SummaryList
          rows={[
            { key: 'Name', value: preferredName },
            { key: 'Access to Work reference', value: reference ?? blank },
          ]}
        />
        <h2 class="govuk-heading-m">Support worker (job coach)</h2>
        <SummaryList
          rows={[
            { key: 'Dates support was given', value: `${longDate(claim.firstDay)} to ${longDate(claim.lastDay)}` },
            { key: 'Total hours', value: String(claim.coachingHours) },
            { key: 'Cost an hour', value: pounds(claim.costPerHourPence) },
            { key: 'Total cost', value: pounds(claim.totalPence) },
          ]}
        />
        <TableRegion label="Hours each week">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">Hours each week</caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Week starting
                </th>
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  Job coaching hours
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {claim.weeks.map((week) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">{longDate(week.weekStarting)}</td>
                  <td class="govuk-table__cell govuk-table__cell--numeric">{week.coachingHours}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
        <h2 class="govuk-heading-m">Declaration</h2>
        <SummaryList
          rows={[
            { key: 'Signed by the person or their appointee', value: claim.signed?.by ?? blank },
            { key: 'Date signed', value: claim.signed ? longDate(claim.signed.on) : blank },
            { key: 'Workplace contact who confirms the support', value: blank },
            { key: 'Their signature and date', value: blank },
          ]}
        />
        <ClaimStepForms
          steps={nextSteps}
          action={`/young-people/${youngPersonId}/access-to-work/claims/${claim.id}`}
          csrf={csrfToken(c)}
          form={posted?.form ?? {}}
          errors={errors}
        />
      </div>
    </div>,
  );
}

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

/** "£1,254.00", "28.5" or "28" as pence; undefined when empty or not an amount. */
function penceFrom(value: string): number | undefined {
  const plain = value.replace(/^£/, '').replaceAll(',', '').trim();
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return undefined;
  return Math.round(Number(plain) * 100);
}

const awardFieldIds: Record<string, string> = {
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
const awardLabels: Record<string, string> = {
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
/** The award form's wording, by the schema path of each field. */
const awardWording: FormWording = Object.fromEntries(
  Object.entries(awardFieldIds).map(([path, id]) => [path, { label: awardLabels[id]!, id }]),
);

/**
 * The award form records the letter's job coach support, which claims are drafted from; other lines
 * (travel, equipment) come through the API and are kept as they are when this form is saved.
 */
async function awardPage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const overview = await c.var.services.accessToWork.overview(pageActor(c), youngPersonId);
  if (!overview.mayWrite) throw pageForbidden('Only the young person’s job coach and provider can record the award.');
  const saved = overview.case.award;
  const coach = saved?.lines.find((line) => line.kind === 'job_coach');
  const form: FormBody = posted?.form ?? {
    hoursPerWeek: coach?.hoursPerWeek === undefined ? '' : String(coach.hoursPerWeek),
    costPerHour: poundsText(coach?.costPerHourPence),
    coachTotal: poundsText(coach?.totalPence),
    employerContribution: poundsText(saved?.employerContributionPence),
    refusedItem: saved?.refused[0]?.item ?? '',
    refusedReason: saved?.refused[0]?.reason ?? '',
  };
  const dateOf = (name: string, stored: string | undefined) =>
    posted ? datePartsFrom(form, name) : datePartsOf(stored);
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
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <DateInput
            name="letterDate"
            legend="Date on the letter"
            legendSize="s"
            hint="For example, 18 5 2027."
            value={dateOf('letterDate', saved?.letterDate)}
            error={errors.letterDate}
          />
          <h2 class="govuk-heading-m">Job coach support</h2>
          <DateInput
            name="coachStartsOn"
            legend="First day"
            legendSize="s"
            value={dateOf('coachStartsOn', coach?.startsOn)}
            error={errors.coachStartsOn}
          />
          <DateInput
            name="coachEndsOn"
            legend="Last day"
            legendSize="s"
            value={dateOf('coachEndsOn', coach?.endsOn)}
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
          <Input
            name="employerContribution"
            label="Employer’s contribution, in pounds (optional)"
            inputmode="decimal"
            width="10"
            value={text(form, 'employerContribution')}
            error={errors.employerContribution}
          />
          <h2 class="govuk-heading-m">Anything refused (optional)</h2>
          <Input
            name="refusedItem"
            label="What was refused"
            value={text(form, 'refusedItem')}
            error={errors.refusedItem}
          />
          <Input
            name="refusedReason"
            label="The reason the letter gives"
            value={text(form, 'refusedReason')}
            error={errors.refusedReason}
          />
          <Button>Save the award</Button>
        </form>
      </div>
    </div>,
  );
}

async function saveAward(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const date = (name: string) => {
    const { value, error } = isoDateFrom(datePartsFrom(form, name), awardLabels[name]!);
    if (error) errors[name] = error;
    else if (!value) errors[name] = `Enter ${awardLabels[name]!.charAt(0).toLowerCase()}${awardLabels[name]!.slice(1)}`;
    return value;
  };
  const amount = (name: string, optional = false) => {
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

/** Every claim of the provider's young people, for the reports page's download link. */
async function providerClaimsDownload(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The provider’s Access to Work claims are for its job coaches and admins.');
  const rows = await c.var.services.accessToWork.providerClaims(actor);
  return c.body(providerClaimsCsv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="access-to-work-claims.csv"',
    'Cache-Control': 'no-store',
  });
}

export function accessToWorkPages() {
  const app = new Hono<WebEnv>();
  const base = '/young-people/:youngPersonId{[0-9a-f]{24}}/access-to-work';
  app.get('/access-to-work/claims.csv', (c) => providerClaimsDownload(c));
  app.get(base, (c) => overviewPage(c));
  app.get(`${base}/application`, (c) => applicationPage(c));
  app.post(`${base}/application`, (c) => saveApplication(c));
  app.get(`${base}/award`, (c) => awardPage(c));
  app.post(`${base}/award`, (c) => saveAward(c));
  app.post(`${base}/claims`, (c) => draftClaim(c));
  app.get(`${base}/claims/:claimId{[0-9a-f]{24}}`, (c) => claimPage(c));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/sign`, (c) => moveClaim(c, 'sign'));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/send`, (c) => moveClaim(c, 'send'));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/paid`, (c) => moveClaim(c, 'pay'));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/query`, (c) => moveClaim(c, 'query'));
  return app;
}
