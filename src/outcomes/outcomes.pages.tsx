import { type Context, Hono } from 'hono';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { csrfToken } from '../web/csrf.js';
import { datePartsFrom, isoDateFrom } from '../web/dates.js';
import { type FieldErrors, type FormBody, fieldErrors, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { personPage } from '../web/young-person.js';
import { refusalErrors } from './outcome-refusals.js';
import { ehcPlanInputSchema } from './outcomes.schemas.js';
import { newOutcomeFields, PlanOutcomesForm, ProgressList } from './plan-outcomes-form.js';

/** The young person's (or their delegate's) view of the plan: its goals and the progress towards them. */
async function goalsPage(c: Context<WebEnv>, youngPersonId: string) {
  const person = personPage(c, youngPersonId);
  if (person instanceof Response) return person;
  const overview = await c.var.services.outcomes.outcomesOverview(person.actor, youngPersonId);
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

async function outcomesPage(c: Context<WebEnv>, posted?: { form: FormBody; errors: FieldErrors }) {
  const youngPersonId = pageParam(c, 'youngPersonId');
  const actor = pageActor(c);
  if (actor.role === 'young_person' || actor.role === 'delegate') return goalsPage(c, youngPersonId);
  const overview = await c.var.services.outcomes.outcomesOverview(actor, youngPersonId);
  const errors = posted?.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  if (hasErrors) c.status(400);
  return renderPage(
    c,
    { title: `EHC plan outcomes: ${overview.preferredName}`, hasErrors, backLink: `/young-people/${youngPersonId}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">{overview.preferredName}</span>
        <h1 class="govuk-heading-l">EHC plan outcomes</h1>
        {overview.mayWrite ? (
          <PlanOutcomesForm plan={overview.plan} csrf={csrfToken(c)} form={posted?.form} errors={errors} />
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

/** The EHC plan's outcomes: the staff's form, or the young person's progress towards them. */
export function outcomesPages() {
  const app = new Hono<WebEnv>();
  const person = '/young-people/:youngPersonId{[0-9a-f]{24}}/outcomes';
  app.get(person, (c) => outcomesPage(c));
  app.post(person, (c) => saveOutcomes(c));
  return app;
}
