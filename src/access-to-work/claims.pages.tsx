import { type Context, Hono } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, monthInWords, personPage } from '../web/young-person.js';
import { warningMessage } from './access-to-work.views.js';
import { claimStateWords, labelled, penceFrom, pounds, WarningText } from './access-to-work-words.js';

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

const stepFieldLabels = {
  signedBy: 'Who signed',
  signedOn: 'The day it was signed',
  sentOn: 'The day it was sent',
  paidOn: 'The day it was paid',
  amount: 'The amount paid',
  queriedOn: 'The day they asked',
  question: 'What they asked',
};
type StepField = keyof typeof stepFieldLabels;

async function moveClaim(c: Context<WebEnv>, step: ClaimStepName) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const claimId = pageParam(c, 'claimId');
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const date = (name: StepField) => {
    const { value, error } = isoDateFrom(datePartsFrom(form, name), stepFieldLabels[name]);
    if (error) errors[name] = error;
    else if (!value) errors[name] = `Enter ${stepFieldLabels[name].toLowerCase()}`;
    return value ?? '';
  };
  const required = (name: StepField) => {
    if (!text(form, name)) errors[name] = `Enter ${stepFieldLabels[name].toLowerCase()}`;
    return text(form, name);
  };
  const service = c.var.services.accessToWork;
  const actor = pageActor(c);
  const requestId = c.get('requestId');
  let run: (() => Promise<unknown>) | undefined;
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
    else run = () => service.moveClaim(actor, youngPersonId, claimId, 'pay', { paidOn, amountPence }, requestId);
  } else {
    const input = { queriedOn: date('queriedOn'), question: required('question') };
    run = () => service.moveClaim(actor, youngPersonId, claimId, 'query', input, requestId);
  }
  if (Object.keys(errors).length > 0 || !run) return claimPage(c, { form, errors });
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
          <Table
            caption="Hours each week"
            captionClasses="govuk-table__caption--s"
            head={[{ text: 'Week starting' }, { text: 'Job coaching hours', format: 'numeric' }]}
            rows={claim.weeks.map((week) => [
              { text: longDate(week.weekStarting) },
              { text: week.coachingHours, format: 'numeric' },
            ])}
          />
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

/** One month's claim and the steps it takes: signed, sent, paid or queried. */
export function claimPages() {
  const app = new Hono<WebEnv>();
  const base = '/young-people/:youngPersonId{[0-9a-f]{24}}/access-to-work';
  app.get(`${base}/claims/:claimId{[0-9a-f]{24}}`, (c) => claimPage(c));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/sign`, (c) => moveClaim(c, 'sign'));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/send`, (c) => moveClaim(c, 'send'));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/paid`, (c) => moveClaim(c, 'pay'));
  app.post(`${base}/claims/:claimId{[0-9a-f]{24}}/query`, (c) => moveClaim(c, 'query'));
  return app;
}
