import { type Context, Hono } from 'hono';
import { DateInput } from '../web/components/DateInput.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Textarea } from '../web/components/Textarea.js';
import { csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden } from '../web/errors.js';
import { type FieldErrors, fieldErrors, readForm, text } from '../web/forms.js';
import { renderPage } from '../web/render.js';
import type { WebEnv } from '../web/web.env.js';
import { adjustmentRoute, checklistPath, FormPage, loadItem, type Posted, saveStep } from './adjustment-page.js';
import { adjustmentPayers } from './adjustments.machine.js';
import { answerAdjustmentInputSchema } from './adjustments.schemas.js';
import { payerWords } from './adjustments.words.js';

/** The employer's side of a request: their answer (agreed or not possible), then the day it was in place. */

async function answerPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('agree')) throw pageForbidden('This request cannot be answered now.');
  const form = posted?.form ?? { payer: 'employer' };
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  const byDate = posted ? datePartsFrom(form, 'byDate') : {};
  return renderPage(
    c,
    {
      title: `Answer: ${item.text ?? 'adjustment'}`,
      hasErrors: Object.keys(errors).length > 0,
      backLink: checklistPath(checklist.matchId),
    },
    <FormPage
      checklist={checklist}
      item={item}
      heading="Can you make this change?"
      errors={errors}
      csrf={csrfToken(c)}
      button="Save the answer"
    >
      <Radios
        name="answer"
        legend="Your answer"
        legendSize="m"
        value={text(form, 'answer')}
        error={errors.answer}
        items={[
          { value: 'agreed', text: 'Yes, we will do it' },
          { value: 'not_possible', text: 'No, it is not possible' },
        ]}
      />
      {/* Two plain groups rather than conditional reveals: the reveal's ARIA on a radio fails WCAG checks. */}
      <h2 class="govuk-heading-m">If you will do it</h2>
      <Input name="who" label="Who will do it" value={text(form, 'who')} error={errors.who} />
      <DateInput
        name="byDate"
        legend="By when"
        legendSize="s"
        hint="For example, 7 9 2027"
        value={byDate}
        error={errors.byDate}
      />
      <Radios
        name="payer"
        legend="Who pays"
        legendSize="s"
        value={text(form, 'payer')}
        error={errors.payer}
        items={adjustmentPayers.map((value) => ({ value, text: payerWords[value] }))}
      />
      <Input
        name="accessToWorkLine"
        label="If Access to Work pays: what for"
        hint="As the award letter says, for example 'Equipment'."
        value={text(form, 'accessToWorkLine')}
        error={errors.accessToWorkLine}
      />
      <h2 class="govuk-heading-m">If it is not possible</h2>
      <Textarea
        name="reason"
        label="Why not"
        hint={`${checklist.youngPersonName} and their job coach will read this.`}
        value={text(form, 'reason')}
        error={errors.reason}
        rows={3}
      />
      <Textarea
        name="alternative"
        label="What you could do instead (optional)"
        value={text(form, 'alternative')}
        error={errors.alternative}
        rows={3}
      />
    </FormPage>,
  );
}

const answerWording = {
  answer: { label: 'Your answer', whenEmpty: 'Choose yes or no', whenWrong: 'Choose yes or no' },
  who: { label: 'Who will do it' },
  byDate: { label: 'The day it will be in place by' },
  payer: { label: 'Who pays', whenEmpty: 'Choose who pays', whenWrong: 'Choose who pays' },
  accessToWorkLine: { label: 'What Access to Work pays for' },
  reason: { label: 'Why not' },
  alternative: { label: 'What you could do instead' },
};

async function saveAnswer(c: Context<WebEnv>) {
  const form = await readForm(c);
  const answer = text(form, 'answer');
  const byDate = isoDateFrom(datePartsFrom(form, 'byDate'), 'The day it will be in place by');
  const keep = (names: string[]) =>
    Object.fromEntries(names.filter((name) => text(form, name)).map((name) => [name, text(form, name)]));
  // Without JavaScript both halves of the form are sent: only the chosen answer's fields count.
  const fields =
    answer === 'agreed'
      ? {
          ...keep(['who', 'payer', ...(text(form, 'payer') === 'access_to_work' ? ['accessToWorkLine'] : [])]),
          ...(byDate.value ? { byDate: byDate.value } : {}),
        }
      : keep(['reason', 'alternative']);
  const parsed = answerAdjustmentInputSchema.safeParse({ ...(answer ? { answer } : {}), ...fields });
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error, answerWording);
  if (answer === 'agreed' && byDate.error) errors.byDate = byDate.error;
  if (!parsed.success || (answer === 'agreed' && byDate.error)) return answerPage(c, { form, errors });
  return saveStep(c, {
    save: ({ adjustments, actor, matchId, adjustmentId, requestId }) =>
      adjustments.answer(actor, matchId, adjustmentId, parsed.data, requestId),
    again: (errors) => answerPage(c, { form, errors }),
    refusal: { fieldFor: (path) => path, fallbackField: 'answer', wording: answerWording },
    flash: 'Your answer is saved',
  });
}

async function inPlacePage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('put_in_place'))
    throw pageForbidden('Only an agreed adjustment can be put in place.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    {
      title: `In place: ${item.text ?? 'adjustment'}`,
      hasErrors: Object.keys(errors).length > 0,
      backLink: checklistPath(checklist.matchId),
    },
    <FormPage
      checklist={checklist}
      item={item}
      heading="When was it in place?"
      errors={errors}
      csrf={csrfToken(c)}
      button="Save"
    >
      <DateInput
        name="inPlaceOn"
        legend="The first day it was there"
        legendSize="s"
        hint="For example, 7 9 2027"
        value={posted ? datePartsFrom(posted.form, 'inPlaceOn') : datePartsOf(checklist.today)}
        error={errors.inPlaceOn}
      />
    </FormPage>,
  );
}

async function saveInPlace(c: Context<WebEnv>) {
  const form = await readForm(c);
  const day = isoDateFrom(datePartsFrom(form, 'inPlaceOn'), 'The first day it was there');
  if (!day.value)
    return inPlacePage(c, { form, errors: { inPlaceOn: day.error ?? 'Enter the first day it was there' } });
  const inPlaceOn = day.value;
  return saveStep(c, {
    save: ({ adjustments, actor, matchId, adjustmentId, requestId }) =>
      adjustments.putInPlace(actor, matchId, adjustmentId, inPlaceOn, requestId),
    again: (errors) => inPlacePage(c, { form, errors }),
    refusal: {
      fieldFor: () => 'inPlaceOn',
      fallbackField: 'inPlaceOn',
      wording: { inPlaceOn: { label: 'The first day it was there' } },
    },
    flash: 'Saved as in place',
  });
}

export function adjustmentAnswerPages() {
  return new Hono<WebEnv>()
    .get(`${adjustmentRoute}/answer`, (c) => answerPage(c))
    .post(`${adjustmentRoute}/answer`, (c) => saveAnswer(c))
    .get(`${adjustmentRoute}/in-place`, (c) => inPlacePage(c))
    .post(`${adjustmentRoute}/in-place`, (c) => saveInPlace(c));
}
