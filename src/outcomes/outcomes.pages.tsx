import { type Context, Hono } from 'hono';
import { type Sector, sectorLabels, sectors } from '../domain/vocabulary.js';
import { Button } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Table } from '../web/components/Table.js';
import { TableRegion } from '../web/components/TableRegion.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, type FormBody, fieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, personPage } from '../web/young-person.js';
import type { JobOutcomeFigures } from './job-outcomes.js';
import { type FollowUpMonth, followUpActivities, payBands } from './outcomes.rules.js';
import {
  coreAimsInputSchema,
  ehcPlanInputSchema,
  employmentPlanInputSchema,
  followUpInputSchema,
} from './outcomes.schemas.js';
import type { OutcomesService } from './outcomes.service.js';
import { jobOutcomesCsv, sen2Csv } from './sen2.js';

type Overview = Awaited<ReturnType<OutcomesService['outcomesOverview']>>;
type AfterOverview = Awaited<ReturnType<OutcomesService['afterOverview']>>;

const activityWords: Record<(typeof followUpActivities)[number], string> = {
  paid_job: 'A paid job',
  apprenticeship: 'An apprenticeship',
  further_education: 'Further education',
  volunteering: 'Volunteering',
  nothing_yet: 'Nothing yet',
};
const payBandWords: Record<(typeof payBands)[number], string> = {
  below: 'Below the National Minimum Wage for their age',
  at: 'At the National Minimum Wage for their age',
  above: 'Above the National Minimum Wage for their age',
};
const newOutcomeFields = 2;
const actionRows = 3;

const refusalErrors = (error: unknown, fallbackField: string, fieldFor: (path: string) => string = (path) => path) =>
  fieldErrorsFromRefusal(error, { codes: ['unprocessable', 'validation_failed'], fieldFor, fallbackField });

// ---------------------------------------------------------------- EHC plan outcomes and progress

function ProgressList(props: { progress: Overview['progress'] }) {
  if (props.progress.outcomes.length === 0) return <p class="govuk-body">No outcomes are written down yet.</p>;
  return (
    <>
      {props.progress.outcomes.map((outcome) => (
        <section>
          <h2 class="govuk-heading-m">{outcome.text}</h2>
          <p class="govuk-body">{outcome.summary}</p>
          {outcome.targets.length > 0 ? (
            <ul class="govuk-list govuk-list--bullet">
              {outcome.targets.map((target) => (
                <li>{target.inPlainWords}</li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </>
  );
}

async function outcomesPage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const actor = pageActor(c);
  if (actor.role === 'young_person' || actor.role === 'delegate') {
    const person = personPage(c, youngPersonId);
    if (person instanceof Response) return person;
    const overview = await c.var.services.outcomes.outcomesOverview(actor, youngPersonId);
    const title = person.asDelegate ? `${overview.preferredName}’s goals` : 'My goals';
    return renderPage(
      c,
      { title },
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h1 class="govuk-heading-l">{title}</h1>
          <p class="govuk-body">
            These are the goals in {person.your} EHC plan. The internship helps {person.you} work towards them. At each
            review, {person.you} and {person.your} job coach agree small steps towards a goal.
          </p>
          <ProgressList progress={overview.progress} />
        </div>
      </div>,
    );
  }
  const overview = await c.var.services.outcomes.outcomesOverview(actor, youngPersonId);
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const form = posted?.form;
  const { plan } = overview;
  return renderPage(
    c,
    { title: `EHC plan outcomes: ${overview.preferredName}`, hasErrors, backLink: `/young-people/${youngPersonId}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">EHC plan outcomes</h1>
        {overview.mayWrite ? (
          <form method="post" novalidate>
            <CsrfField token={csrfToken(c)} />
            <p class="govuk-body">
              Write each outcome the internship works towards in the words of the EHC plan. Empty an outcome’s box to
              take it out.
            </p>
            {plan.outcomes.map((outcome, index) => (
              <Textarea
                name={`outcome-${outcome.id}`}
                label={`Outcome ${index + 1}`}
                rows={2}
                value={form ? text(form, `outcome-${outcome.id}`) : outcome.text}
                error={errors[`outcome-${outcome.id}`]}
              />
            ))}
            {Array.from({ length: newOutcomeFields }, (_, index) => (
              <Textarea
                name={`new-${index}`}
                label={`New outcome (optional)${newOutcomeFields > 1 ? ` ${index + 1}` : ''}`}
                rows={2}
                value={form ? text(form, `new-${index}`) : ''}
                error={errors[`new-${index}`]}
              />
            ))}
            <DateInput
              name="lastReviewOn"
              legend="Date of the last annual review (optional)"
              legendSize="s"
              hint="For example, 2 3 2026."
              value={form ? datePartsFrom(form, 'lastReviewOn') : datePartsOf(plan.lastReviewOn ?? undefined)}
              error={errors.lastReviewOn}
            />
            <DateInput
              name="nextReviewOn"
              legend="Date of the next annual review"
              legendSize="s"
              hint="You will be reminded 4 weeks before. For example, 1 3 2027."
              value={form ? datePartsFrom(form, 'nextReviewOn') : datePartsOf(plan.nextReviewOn ?? undefined)}
              error={errors.nextReviewOn}
            />
            <Button>Save the outcomes</Button>
          </form>
        ) : null}
        <h2 class="govuk-heading-l">Progress towards the outcomes</h2>
        <ProgressList progress={overview.progress} />
      </div>
    </div>,
  );
}

async function saveOutcomes(c: Context<WebEnv>) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const actor = pageActor(c);
  const form = await readForm(c);
  const { plan } = await c.var.services.outcomes.outcomesOverview(actor, youngPersonId);
  const kept = plan.outcomes
    .map((outcome) => ({ id: outcome.id, text: text(form, `outcome-${outcome.id}`).trim() }))
    .filter((outcome) => outcome.text);
  const added = Array.from({ length: newOutcomeFields }, (_, index) => ({
    text: text(form, `new-${index}`).trim(),
  })).filter((outcome) => outcome.text);
  const errors: FieldErrors = {};
  const lastReviewOn = isoDateFrom(datePartsFrom(form, 'lastReviewOn'), 'The date of the last review');
  const nextReviewOn = isoDateFrom(datePartsFrom(form, 'nextReviewOn'), 'The date of the next review');
  if (lastReviewOn.error) errors.lastReviewOn = lastReviewOn.error;
  if (nextReviewOn.error) errors.nextReviewOn = nextReviewOn.error;
  else if (!nextReviewOn.value) errors.nextReviewOn = 'Enter the date of the next annual review';
  const parsed = ehcPlanInputSchema.safeParse({
    outcomes: [...kept, ...added],
    ...(lastReviewOn.value ? { lastReviewOn: lastReviewOn.value } : {}),
    ...(nextReviewOn.value ? { nextReviewOn: nextReviewOn.value } : {}),
  });
  if (!parsed.success && Object.keys(errors).length === 0)
    Object.assign(errors, fieldErrors(parsed.error, { outcomes: { label: 'The outcomes' } }));
  if (!parsed.success || Object.keys(errors).length > 0) return outcomesPage(c, { form, errors });
  try {
    await c.var.services.outcomes.savePlan(actor, youngPersonId, parsed.data, c.get('requestId'));
  } catch (error) {
    return outcomesPage(c, { form, errors: refusalErrors(error, 'nextReviewOn') });
  }
  return redirectWithFlash(c, `/young-people/${youngPersonId}/outcomes`, 'The EHC plan outcomes are saved');
}

// ---------------------------------------------------------------- completion, employment plan, follow-ups

type Posted = { section: 'core-aims' | 'employment-plan' | `follow-up-${number}`; form: FormBody; errors: FieldErrors };

function FollowUpSummary(props: { recorded: NonNullable<AfterOverview['after']['followUps'][number]['recorded']> }) {
  const { recorded } = props;
  return (
    <SummaryList
      rows={[
        { key: 'Checked on', value: longDate(recorded.checkedOn) },
        { key: 'Doing', value: activityWords[recorded.activity] },
        ...(recorded.hoursPerWeek !== undefined ? [{ key: 'Hours a week', value: String(recorded.hoursPerWeek) }] : []),
        ...(recorded.payBand ? [{ key: 'Pay', value: payBandWords[recorded.payBand] }] : []),
        ...(recorded.sameEmployer !== undefined
          ? [{ key: 'Same employer as the placement', value: recorded.sameEmployer ? 'Yes' : 'No' }]
          : []),
      ]}
    />
  );
}

async function afterPage(c: Context<WebEnv>, posted?: Posted) {
  const matchId = pageParam(c, 'matchId');
  const overview = await c.var.services.outcomes.afterOverview(pageActor(c), matchId);
  if (!overview.mayWrite) throw pageForbidden('The record of the year after is kept by the job coach and provider.');
  const { after } = overview;
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const formOf = (section: Posted['section']) => (posted?.section === section ? posted.form : undefined);
  const errorsOf = (section: Posted['section']) => (posted?.section === section ? errors : {});
  const base = `/journeys/${matchId}/after`;
  const aimsForm = formOf('core-aims');
  const planForm = formOf('employment-plan');
  const plan = after.employmentPlan;
  const window = after.employmentPlanWindow;
  return renderPage(
    c,
    { title: `After the internship: ${overview.preferredName}`, hasErrors, backLink: `/journeys/${matchId}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">
          {overview.preferredName} at {overview.placementTitle}
        </span>
        <h1 class="govuk-heading-l">After the internship</h1>

        <h2 class="govuk-heading-m">Core aims</h2>
        {after.endedOn ? (
          <>
            <p class="govuk-body">
              The internship ended on {longDate(after.endedOn)}
              {after.outcomeType ? `. Outcome recorded: ${after.outcomeType.replaceAll('_', ' ')}.` : '.'}
            </p>
            <form method="post" action={`${base}/core-aims`} novalidate>
              <CsrfField token={csrfToken(c)} />
              <Radios
                name="met"
                legend="Were the core aims of the study programme met?"
                legendSize="s"
                items={[
                  { value: 'yes', text: 'Yes' },
                  { value: 'no', text: 'No' },
                ]}
                value={aimsForm ? text(aimsForm, 'met') : after.coreAims ? (after.coreAims.met ? 'yes' : 'no') : ''}
                error={errorsOf('core-aims').met}
              />
              <Textarea
                name="missing"
                label="If not, what was missing"
                rows={3}
                value={aimsForm ? text(aimsForm, 'missing') : (after.coreAims?.missing ?? '')}
                error={errorsOf('core-aims').missing}
              />
              <Button>Save the core aims</Button>
            </form>
          </>
        ) : (
          <p class="govuk-body">Record the core aims once the internship is completed.</p>
        )}

        <h2 class="govuk-heading-m">Employment plan</h2>
        {window ? (
          <p class="govuk-body">
            From {longDate(window.from)}
            {window.until ? ` to ${longDate(window.until)}` : ''}: the start of the last rotation to 60 days after the
            end.
          </p>
        ) : null}
        <form method="post" action={`${base}/employment-plan`} novalidate>
          <CsrfField token={csrfToken(c)} />
          <Textarea
            name="targetJobs"
            label="Jobs to aim for"
            hint="One a line."
            rows={3}
            value={planForm ? text(planForm, 'targetJobs') : (plan?.targetJobs.join('\n') ?? '')}
            error={errorsOf('employment-plan').targetJobs}
          />
          {Array.from({ length: actionRows }, (_, index) => {
            const saved = plan?.actions[index];
            return (
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Action {index + 1} (optional)</legend>
                <Input
                  name={`action-${index}-what`}
                  label="What to do"
                  value={planForm ? text(planForm, `action-${index}-what`) : (saved?.what ?? '')}
                  error={errorsOf('employment-plan')[`action-${index}-what`]}
                />
                <Input
                  name={`action-${index}-who`}
                  label="Who does it"
                  value={planForm ? text(planForm, `action-${index}-who`) : (saved?.who ?? '')}
                  error={errorsOf('employment-plan')[`action-${index}-who`]}
                />
                <DateInput
                  name={`action-${index}-dueOn`}
                  legend="By when"
                  legendSize="s"
                  value={planForm ? datePartsFrom(planForm, `action-${index}-dueOn`) : datePartsOf(saved?.dueOn)}
                  error={errorsOf('employment-plan')[`action-${index}-dueOn`]}
                />
              </fieldset>
            );
          })}
          <fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
              A job offer during the internship (optional)
            </legend>
            <Input
              name="offerEmployer"
              label="Employer"
              value={planForm ? text(planForm, 'offerEmployer') : (plan?.jobOffer?.employer ?? '')}
              error={errorsOf('employment-plan').offerEmployer}
            />
            <Input
              name="offerJobTitle"
              label="Job"
              value={planForm ? text(planForm, 'offerJobTitle') : (plan?.jobOffer?.jobTitle ?? '')}
              error={errorsOf('employment-plan').offerJobTitle}
            />
            <Input
              name="offerHours"
              label="Hours a week"
              inputmode="decimal"
              width="4"
              value={planForm ? text(planForm, 'offerHours') : String(plan?.jobOffer?.hoursPerWeek ?? '')}
              error={errorsOf('employment-plan').offerHours}
            />
            <DateInput
              name="offeredOn"
              legend="Day it was offered"
              legendSize="s"
              value={planForm ? datePartsFrom(planForm, 'offeredOn') : datePartsOf(plan?.jobOffer?.offeredOn)}
              error={errorsOf('employment-plan').offeredOn}
            />
          </fieldset>
          <Button>Save the employment plan</Button>
        </form>

        <h2 class="govuk-heading-m">Follow-ups</h2>
        {overview.followUpsDue.length === 0 ? (
          <p class="govuk-body">Follow-ups come 6, 9 and 12 months after the internship ends.</p>
        ) : null}
        {overview.followUpsDue.map((followUp) => {
          const section = `follow-up-${followUp.month}` as const;
          const followForm = formOf(section);
          const followErrors = errorsOf(section);
          return (
            <section>
              <h3 class="govuk-heading-s">
                {followUp.month}-month follow-up, due {longDate(followUp.dueOn)}
              </h3>
              {followUp.recorded ? <FollowUpSummary recorded={followUp.recorded} /> : null}
              {!followUp.recorded && !followUp.isDue ? (
                <p class="govuk-body">It can be recorded from {longDate(followUp.dueOn)}.</p>
              ) : null}
              {!followUp.recorded && followUp.isDue ? (
                <form method="post" action={`${base}/follow-ups/${followUp.month}`} novalidate>
                  <CsrfField token={csrfToken(c)} />
                  <DateInput
                    name={`checkedOn-${followUp.month}`}
                    legend="Day you checked"
                    legendSize="s"
                    value={followForm ? datePartsFrom(followForm, `checkedOn-${followUp.month}`) : {}}
                    error={followErrors.checkedOn}
                  />
                  <Radios
                    name={`activity-${followUp.month}`}
                    legend="What are they doing now?"
                    legendSize="s"
                    items={followUpActivities.map((value) => ({ value, text: activityWords[value] }))}
                    value={followForm ? text(followForm, `activity-${followUp.month}`) : ''}
                    error={followErrors.activity}
                  />
                  <Input
                    name={`hours-${followUp.month}`}
                    label="Hours a week (for paid work)"
                    inputmode="decimal"
                    width="4"
                    value={followForm ? text(followForm, `hours-${followUp.month}`) : ''}
                    error={followErrors.hoursPerWeek}
                  />
                  <Radios
                    name={`pay-${followUp.month}`}
                    legend="Pay (for paid work)"
                    legendSize="s"
                    items={payBands.map((value) => ({ value, text: payBandWords[value] }))}
                    value={followForm ? text(followForm, `pay-${followUp.month}`) : ''}
                    error={followErrors.payBand}
                  />
                  <Radios
                    name={`same-${followUp.month}`}
                    legend="Is it the placement’s employer? (for paid work)"
                    legendSize="s"
                    inline
                    items={[
                      { value: 'yes', text: 'Yes' },
                      { value: 'no', text: 'No' },
                    ]}
                    value={followForm ? text(followForm, `same-${followUp.month}`) : ''}
                    error={followErrors.sameEmployer}
                  />
                  <Button>Save the {followUp.month}-month follow-up</Button>
                </form>
              ) : null}
            </section>
          );
        })}
      </div>
    </div>,
  );
}

/** Each form's field ids by the API's field paths, so a refusal lands beside the field that caused it. */
const employmentPlanField = (path: string) => {
  const action = /^actions\.(\d+)\.(\w+)$/.exec(path);
  if (action) return `action-${action[1]}-${action[2] === 'doneOn' ? 'dueOn' : action[2]}`;
  const offer: Record<string, string> = {
    'jobOffer.offeredOn': 'offeredOn',
    'jobOffer.employer': 'offerEmployer',
    'jobOffer.jobTitle': 'offerJobTitle',
    'jobOffer.hoursPerWeek': 'offerHours',
  };
  return offer[path] ?? path.split('.')[0]!;
};

async function saveCoreAims(c: Context<WebEnv>) {
  const matchId = pageParam(c, 'matchId');
  const form = await readForm(c);
  const met = text(form, 'met');
  const missing = text(form, 'missing').trim();
  const parsed = coreAimsInputSchema.safeParse({
    ...(met ? { met: met === 'yes' } : {}),
    ...(met === 'no' && missing ? { missing } : {}),
  });
  if (!parsed.success)
    return afterPage(c, {
      section: 'core-aims',
      form,
      errors: { met: 'Choose yes if the core aims were met' },
    });
  try {
    await c.var.services.outcomes.saveCoreAims(pageActor(c), matchId, parsed.data, c.get('requestId'));
  } catch (error) {
    return afterPage(c, { section: 'core-aims', form, errors: refusalErrors(error, 'met') });
  }
  return redirectWithFlash(c, `/journeys/${matchId}/after`, 'The core aims are saved');
}

async function saveEmploymentPlan(c: Context<WebEnv>) {
  const matchId = pageParam(c, 'matchId');
  const form = await readForm(c);
  const errors: FieldErrors = {};
  const actions = [];
  for (let index = 0; index < actionRows; index++) {
    const what = text(form, `action-${index}-what`).trim();
    const who = text(form, `action-${index}-who`).trim();
    const dueOn = isoDateFrom(datePartsFrom(form, `action-${index}-dueOn`), `Action ${index + 1}’s date`);
    if (!what && !who && !dueOn.value && !dueOn.error) continue;
    if (!what) errors[`action-${index}-what`] = `Enter what to do for action ${index + 1}`;
    if (!who) errors[`action-${index}-who`] = `Enter who does action ${index + 1}`;
    if (dueOn.error) errors[`action-${index}-dueOn`] = dueOn.error;
    else if (!dueOn.value) errors[`action-${index}-dueOn`] = `Enter when action ${index + 1} is due`;
    actions.push({ what, who, dueOn: dueOn.value ?? '' });
  }
  const offerEmployer = text(form, 'offerEmployer').trim();
  const offerJobTitle = text(form, 'offerJobTitle').trim();
  const offerHours = text(form, 'offerHours').trim();
  const offeredOn = isoDateFrom(datePartsFrom(form, 'offeredOn'), 'The day the job was offered');
  const offered = offerEmployer || offerJobTitle || offerHours || offeredOn.value;
  if (offered) {
    if (!offerEmployer) errors.offerEmployer = 'Enter the employer that offered the job';
    if (!offerJobTitle) errors.offerJobTitle = 'Enter the job';
    if (!/^\d+(\.\d+)?$/.test(offerHours)) errors.offerHours = 'Enter the hours a week as a number, like 20';
    if (offeredOn.error) errors.offeredOn = offeredOn.error;
    else if (!offeredOn.value) errors.offeredOn = 'Enter the day the job was offered';
  }
  const parsed = employmentPlanInputSchema.safeParse({
    targetJobs: text(form, 'targetJobs')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    actions,
    ...(offered && offeredOn.value
      ? {
          jobOffer: {
            employer: offerEmployer,
            jobTitle: offerJobTitle,
            offeredOn: offeredOn.value,
            hoursPerWeek: Number(offerHours),
          },
        }
      : {}),
  });
  if (!parsed.success && Object.keys(errors).length === 0)
    for (const issue of parsed.error.issues) {
      const field = employmentPlanField(issue.path.join('.'));
      errors[field] ??= field === 'targetJobs' ? 'Enter at least one job to aim for, one a line' : 'Check this answer';
    }
  if (!parsed.success || Object.keys(errors).length > 0)
    return afterPage(c, { section: 'employment-plan', form, errors });
  try {
    await c.var.services.outcomes.saveEmploymentPlan(pageActor(c), matchId, parsed.data, c.get('requestId'));
  } catch (error) {
    return afterPage(c, {
      section: 'employment-plan',
      form,
      errors: refusalErrors(error, 'targetJobs', employmentPlanField),
    });
  }
  return redirectWithFlash(c, `/journeys/${matchId}/after`, 'The employment plan is saved');
}

async function saveFollowUp(c: Context<WebEnv>) {
  const matchId = pageParam(c, 'matchId');
  const month = Number(c.req.param('month')) as FollowUpMonth;
  const form = await readForm(c);
  const section = `follow-up-${month}` as const;
  const errors: FieldErrors = {};
  const checkedOn = isoDateFrom(datePartsFrom(form, `checkedOn-${month}`), 'The day you checked');
  if (checkedOn.error) errors.checkedOn = checkedOn.error;
  else if (!checkedOn.value) errors.checkedOn = 'Enter the day you checked';
  const activity = text(form, `activity-${month}`);
  if (!activity) errors.activity = 'Choose what they are doing now';
  const hours = text(form, `hours-${month}`).trim();
  if (hours && !/^\d+(\.\d+)?$/.test(hours)) errors.hoursPerWeek = 'Enter the hours a week as a number, like 20';
  const same = text(form, `same-${month}`);
  const pay = text(form, `pay-${month}`);
  const parsed = followUpInputSchema.safeParse({
    ...(checkedOn.value ? { checkedOn: checkedOn.value } : {}),
    activity,
    ...(hours ? { hoursPerWeek: Number(hours) } : {}),
    ...(pay ? { payBand: pay } : {}),
    ...(same ? { sameEmployer: same === 'yes' } : {}),
  });
  if (!parsed.success || Object.keys(errors).length > 0) {
    if (Object.keys(errors).length === 0) errors.activity = 'Choose what they are doing now';
    return afterPage(c, { section, form, errors });
  }
  try {
    await c.var.services.outcomes.recordFollowUp(pageActor(c), matchId, month, parsed.data, c.get('requestId'));
  } catch (error) {
    return afterPage(c, { section, form, errors: refusalErrors(error, 'activity') });
  }
  return redirectWithFlash(c, `/journeys/${matchId}/after`, `The ${month}-month follow-up is saved`);
}

// ---------------------------------------------------------------- the job-outcome report

const percentText = (value: number | null) => (value === null ? 'Not known yet' : `${value}%`);

function figureCells(figures: JobOutcomeFigures) {
  return [
    { text: String(figures.interns), format: 'numeric' as const },
    { text: percentText(figures.at6Months.percent), format: 'numeric' as const },
    { text: percentText(figures.at9Months.percent), format: 'numeric' as const },
    { text: percentText(figures.at12Months.percent), format: 'numeric' as const },
    { text: percentText(figures.within9Months.percent), format: 'numeric' as const },
    { text: percentText(figures.coreAimsMetPercent), format: 'numeric' as const },
  ];
}

const figureHead = (first: string) => [
  { text: first },
  { text: 'Interns', format: 'numeric' as const },
  { text: 'In paid work 16+ hours at 6 months', format: 'numeric' as const },
  { text: 'At 9 months', format: 'numeric' as const },
  { text: 'At 12 months', format: 'numeric' as const },
  { text: 'Within 9 months', format: 'numeric' as const },
  { text: 'Core aims met', format: 'numeric' as const },
];

function reportFilters(c: Context<WebEnv>) {
  const year = Number(c.req.query('academicYear'));
  const sector = c.req.query('sector');
  return {
    ...(Number.isInteger(year) && year >= 2000 && year <= 2100 ? { academicYear: year } : {}),
    ...(sector && (sectors as readonly string[]).includes(sector) ? { sector: sector as Sector } : {}),
  };
}

async function jobOutcomesPage(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The job-outcome report is for the provider’s job coaches and admins.');
  const filters = reportFilters(c);
  const report = await c.var.services.outcomes.jobOutcomes(actor, filters);
  const query = new URLSearchParams(
    Object.entries(filters).map(([key, value]): [string, string] => [key, String(value)]),
  ).toString();
  const suffix = query ? `?${query}` : '';
  const thisYear = new Date().getUTCFullYear();
  const band = report.fidelityBand;
  const within = report.overall.within9Months;
  return renderPage(
    c,
    { title: 'Job outcomes after the internship', backLink: '/reports' },
    <>
      <h1 class="govuk-heading-l">Job outcomes after the internship</h1>
      <form method="get" novalidate>
        <Select
          name="academicYear"
          label="Academic year"
          items={[
            { value: '', text: 'All years' },
            ...Array.from({ length: 6 }, (_, index) => thisYear - index).map((year) => ({
              value: String(year),
              text: `${year}/${String(year + 1).slice(2)}`,
            })),
          ]}
          value={filters.academicYear === undefined ? '' : String(filters.academicYear)}
        />
        <Select
          name="sector"
          label="Sector"
          items={[
            { value: '', text: 'All sectors' },
            ...sectors.map((value) => ({ value, text: sectorLabels[value] })),
          ]}
          value={filters.sector ?? ''}
        />
        <Button variant="secondary">Show the figures</Button>
      </form>
      <p class="govuk-body">
        DFN Project SEARCH asks for {band.fromPercent}% to {band.toPercent}% of each class in paid work of 16 hours a
        week or more within {band.withinMonths} months.{' '}
        {within.fidelity === 'not_yet_known'
          ? 'No intern has reached 9 months after the end yet.'
          : within.fidelity === 'within_band'
            ? `These interns are within the band: ${within.percent}%.`
            : `These interns are below the band: ${within.percent}%.`}
      </p>
      <TableRegion label="Job outcomes, all interns">
        <Table
          caption="All interns"
          head={figureHead('Group')}
          firstCellIsHeader
          rows={[[{ text: 'All interns' }, ...figureCells(report.overall)]]}
        />
      </TableRegion>
      {(
        [
          ['By local authority', report.byLocalAuthority],
          ['By sector', report.bySector],
          ['By job coach', report.byJobCoach],
        ] as const
      ).map(([caption, rows]) => (
        <TableRegion label={`Job outcomes ${caption.toLowerCase()}`}>
          <Table
            caption={caption}
            head={figureHead(caption.replace('By ', '').replace(/^./, (first) => first.toUpperCase()))}
            firstCellIsHeader
            rows={rows.map((row) => [{ text: row.label }, ...figureCells(row)])}
          />
        </TableRegion>
      ))}
      <h2 class="govuk-heading-m">What the figures mean</h2>
      <SummaryList rows={Object.entries(report.definitions).map(([key, value]) => ({ key, value }))} />
      <h2 class="govuk-heading-m">Downloads</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`/reports/job-outcomes.csv${suffix}`} download>
            Download the job outcomes (CSV)
          </a>
        </li>
        {actor.role === 'provider_admin' ? (
          <li>
            <a class="govuk-link" href={`/reports/sen2.csv${suffix}`} download>
              Download the SEN2 work-based learning return (CSV)
            </a>
          </li>
        ) : null}
      </ul>
    </>,
  );
}

async function jobOutcomesDownload(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'job_coach' && actor.role !== 'provider_admin')
    throw pageForbidden('The job-outcome report is for the provider’s job coaches and admins.');
  const report = await c.var.services.outcomes.jobOutcomes(actor, reportFilters(c));
  return c.body(jobOutcomesCsv(report), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="job-outcomes.csv"',
    'Cache-Control': 'no-store',
  });
}

async function sen2Download(c: Context<WebEnv>) {
  const actor = pageActor(c);
  if (actor.role !== 'provider_admin') throw pageForbidden('The SEN2 return is for the provider’s admins.');
  const rows = await c.var.services.outcomes.sen2Rows(actor, reportFilters(c), c.get('requestId'));
  return c.body(sen2Csv(rows), 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': 'attachment; filename="sen2-work-based-learning.csv"',
    'Cache-Control': 'no-store',
  });
}

export function outcomesPages() {
  const app = new Hono<WebEnv>();
  const person = '/young-people/:youngPersonId{[0-9a-f]{24}}/outcomes';
  const after = '/journeys/:matchId{[0-9a-f]{24}}/after';
  app.get(person, (c) => outcomesPage(c));
  app.post(person, (c) => saveOutcomes(c));
  app.get(after, (c) => afterPage(c));
  app.post(`${after}/core-aims`, (c) => saveCoreAims(c));
  app.post(`${after}/employment-plan`, (c) => saveEmploymentPlan(c));
  app.post(`${after}/follow-ups/:month{6|9|12}`, (c) => saveFollowUp(c));
  app.get('/reports/job-outcomes', (c) => jobOutcomesPage(c));
  app.get('/reports/job-outcomes.csv', (c) => jobOutcomesDownload(c));
  app.get('/reports/sen2.csv', (c) => sen2Download(c));
  return app;
}
