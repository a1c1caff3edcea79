import { type Context, Hono } from 'hono';
import { DateInput } from '../web/components/DateInput.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Textarea } from '../web/components/Textarea.js';
import { csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, fieldErrors, readForm, text } from '../web/forms.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { adjustmentRoute, checklistPath, FormPage, loadItem, type Posted, saveStep } from './adjustment-page.js';
import { rowsOf } from './adjustment-rows.js';
import { reviewDecisions } from './adjustments.machine.js';
import { observationInputSchema, reviewInputSchema } from './adjustments.schemas.js';
import { reviewDecisionWords } from './adjustments.words.js';

/** The job coach's side of a request in place: what they saw at work, and the 6-weekly review. */

async function observationPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('observe')) throw pageForbidden('Only the job coach writes what they saw.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    { title: 'What you saw', hasErrors: Object.keys(errors).length > 0, backLink: checklistPath(checklist.matchId) },
    <FormPage
      checklist={checklist}
      item={item}
      heading="What did you see at work?"
      errors={errors}
      csrf={csrfToken(c)}
      button="Save"
    >
      <Textarea
        name="note"
        label="What you saw"
        hint="For example, whether it is used, and how it goes."
        value={posted ? text(posted.form, 'note') : ''}
        error={errors.note}
        rows={4}
      />
    </FormPage>,
  );
}

async function saveObservation(c: Context<WebEnv>) {
  const form = await readForm(c);
  const parsed = observationInputSchema.safeParse({ note: text(form, 'note') });
  if (!parsed.success)
    return observationPage(c, { form, errors: fieldErrors(parsed.error, { note: { label: 'What you saw' } }) });
  return saveStep(c, {
    save: ({ adjustments, actor, matchId, adjustmentId, requestId }) =>
      adjustments.observe(actor, matchId, adjustmentId, parsed.data.note, requestId),
    again: (errors) => observationPage(c, { form, errors }),
    refusal: { fieldFor: () => 'note', fallbackField: 'note' },
    flash: 'What you saw is saved',
  });
}

async function reviewPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('review')) throw pageForbidden('Only the job coach reviews adjustments.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    {
      title: 'Review the adjustment',
      hasErrors: Object.keys(errors).length > 0,
      backLink: checklistPath(checklist.matchId),
    },
    <FormPage
      checklist={checklist}
      item={item}
      heading="Review the adjustment"
      errors={errors}
      csrf={csrfToken(c)}
      button="Save the review"
    >
      <SummaryList rows={rowsOf(item, checklist)} />
      <Radios
        name="decision"
        legend="What happens now"
        legendSize="m"
        value={posted ? text(posted.form, 'decision') : ''}
        error={errors.decision}
        items={reviewDecisions.map((value) => ({
          value,
          text: reviewDecisionWords[value].text,
          hint: reviewDecisionWords[value].hint,
        }))}
      />
      <DateInput
        name="heldOn"
        legend="The day of the review"
        legendSize="s"
        value={posted ? datePartsFrom(posted.form, 'heldOn') : datePartsOf(checklist.today)}
        error={errors.heldOn}
      />
      <Textarea
        name="note"
        label="Notes (optional)"
        value={posted ? text(posted.form, 'note') : ''}
        error={errors.note}
        rows={3}
      />
    </FormPage>,
  );
}

const reviewWording = {
  decision: {
    label: 'What happens now',
    whenEmpty: 'Choose keep, change or stop',
    whenWrong: 'Choose keep, change or stop',
  },
  heldOn: { label: 'The day of the review' },
  note: { label: 'Notes' },
};

async function saveReview(c: Context<WebEnv>) {
  const form = await readForm(c);
  const heldOn = isoDateFrom(datePartsFrom(form, 'heldOn'), 'The day of the review');
  const note = text(form, 'note');
  const decision = text(form, 'decision');
  const parsed = reviewInputSchema.safeParse({
    ...(decision ? { decision } : {}),
    ...(heldOn.value ? { heldOn: heldOn.value } : {}),
    ...(note ? { note } : {}),
  });
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, reviewWording);
  if (heldOn.error) errors.heldOn = heldOn.error;
  if (!parsed.success || heldOn.error) return reviewPage(c, { form, errors });
  return saveStep(c, {
    save: ({ adjustments, actor, matchId, adjustmentId, requestId }) =>
      adjustments.review(actor, matchId, adjustmentId, parsed.data, requestId),
    again: (errors) => reviewPage(c, { form, errors }),
    refusal: { fieldFor: (path) => path, fallbackField: 'decision', wording: reviewWording },
    flash: 'The review is saved',
  });
}

export function adjustmentReviewPages() {
  return new Hono<WebEnv>()
    .get(`${adjustmentRoute}/observation`, (c) => observationPage(c))
    .post(`${adjustmentRoute}/observation`, (c) => saveObservation(c))
    .get(`${adjustmentRoute}/review`, (c) => reviewPage(c))
    .post(`${adjustmentRoute}/review`, (c) => saveReview(c));
}
