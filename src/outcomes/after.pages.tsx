import { type Context, Hono } from 'hono';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { csrfToken } from '../web/csrf.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, type FormBody, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { CoreAimsSection } from './core-aims-form.js';
import { actionRows, EmploymentPlanSection, employmentPlanField } from './employment-plan-form.js';
import { FollowUpSection } from './follow-up-form.js';
import { refusalErrors } from './outcome-refusals.js';
import type { FollowUpMonth } from './outcomes.rules.js';
import { coreAimsInputSchema, employmentPlanInputSchema, followUpInputSchema } from './outcomes.schemas.js';

type Posted = { section: 'core-aims' | 'employment-plan' | `follow-up-${number}`; form: FormBody; errors: FieldErrors };

/** The internship's end and the year after: core aims, the employment plan and the follow-ups, one form each. */
async function afterPage(c: Context<WebEnv>, posted?: Posted) {
  const matchId = pageParam(c, 'matchId');
  const overview = await c.var.services.outcomes.afterOverview(pageActor(c), matchId);
  if (!overview.mayWrite) throw pageForbidden('The record of the year after is kept by the job coach and provider.');
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  const base = `/journeys/${matchId}/after`;
  const csrf = csrfToken(c);
  const sectionForm = (section: Posted['section']) =>
    posted?.section === section ? { form: posted.form, errors } : { form: undefined, errors: {} };
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
        <CoreAimsSection after={overview.after} base={base} csrf={csrf} {...sectionForm('core-aims')} />
        <EmploymentPlanSection after={overview.after} base={base} csrf={csrf} {...sectionForm('employment-plan')} />
        <h2 class="govuk-heading-m">Follow-ups</h2>
        {overview.followUpsDue.length === 0 ? (
          <p class="govuk-body">Follow-ups come 6, 9 and 12 months after the internship ends.</p>
        ) : null}
        {overview.followUpsDue.map((followUp) => (
          <FollowUpSection
            followUp={followUp}
            base={base}
            csrf={csrf}
            {...sectionForm(`follow-up-${followUp.month}`)}
          />
        ))}
      </div>
    </div>,
  );
}
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

/** The record of the internship's end and the year after, for the job coach and provider. */
export function afterPages() {
  const app = new Hono<WebEnv>();
  const after = '/journeys/:matchId{[0-9a-f]{24}}/after';
  app.get(after, (c) => afterPage(c));
  app.post(`${after}/core-aims`, (c) => saveCoreAims(c));
  app.post(`${after}/employment-plan`, (c) => saveEmploymentPlan(c));
  app.post(`${after}/follow-ups/:month{6|9|12}`, (c) => saveFollowUp(c));
  return app;
}
