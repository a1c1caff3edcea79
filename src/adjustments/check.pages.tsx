import { type Context, Hono } from 'hono';
import { Radios } from '../web/components/Radios.js';
import { Textarea } from '../web/components/Textarea.js';
import { csrfToken } from '../web/csrf.js';
import { pageForbidden } from '../web/errors.js';
import { fieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { adjustmentRoute, checklistPath, FormPage, loadItem, type Posted, refusals, youOf } from './adjustment-page.js';
import { checkAnswers } from './adjustments.machine.js';
import { checkInputSchema } from './adjustments.schemas.js';
import { checkAnswerWords } from './adjustments.words.js';

/** The young person's check of an adjustment in place: does it help, then why, one question a page. */

/** "Does this help you at work?": the first of the check's two questions, one per page. */
async function checkPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('check')) throw pageForbidden('This adjustment cannot be checked now.');
  const you = youOf(checklist);
  const question = you === 'you' ? 'Does this help you at work?' : `Does this help ${you} at work?`;
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    { title: question, hasErrors: Object.keys(errors).length > 0, backLink: checklistPath(checklist.matchId) },
    <FormPage
      checklist={checklist}
      item={item}
      heading={question}
      headingInLegend
      errors={errors}
      csrf={csrfToken(c)}
      button="Continue"
    >
      <Radios
        name="answer"
        legend={question}
        legendIsHeading
        legendSize="l"
        value={posted ? text(posted.form, 'answer') : ''}
        error={errors.answer}
        items={checkAnswers.map((value) => ({ value, text: checkAnswerWords[value] }))}
      />
    </FormPage>,
  );
}

async function continueCheck(c: Context<WebEnv>) {
  const form = await readForm(c);
  const answer = text(form, 'answer');
  if (!(checkAnswers as readonly string[]).includes(answer))
    return checkPage(c, { form, errors: { answer: 'Choose an answer' } });
  return c.redirect(
    `${checklistPath(pageParam(c, 'matchId'))}/${pageParam(c, 'adjustmentId')}/check/why?answer=${encodeURIComponent(answer)}`,
    303,
  );
}

/** The second question: why, if they want to say. The answer from the first page rides along. */
async function whyPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('check')) throw pageForbidden('This adjustment cannot be checked now.');
  const answer = posted ? text(posted.form, 'answer') : (c.req.query('answer') ?? '');
  if (!(checkAnswers as readonly string[]).includes(answer))
    return c.redirect(`${checklistPath(checklist.matchId)}/${item.id}/check`, 303);
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  const you = youOf(checklist);
  return renderPage(
    c,
    {
      title: 'Why?',
      hasErrors: Object.keys(errors).length > 0,
      backLink: `${checklistPath(checklist.matchId)}/${item.id}/check`,
    },
    <FormPage
      checklist={checklist}
      item={item}
      heading="Why?"
      headingInLegend
      errors={errors}
      csrf={csrfToken(c)}
      button="Send the answer"
    >
      <input type="hidden" name="answer" value={answer} />
      <p class="govuk-body">
        {you === 'you' ? 'You' : you} said: {checkAnswerWords[answer as (typeof checkAnswers)[number]]}.
      </p>
      <Textarea
        name="why"
        label="Why? You do not have to say."
        labelIsHeading
        labelClasses="govuk-label--l"
        hint={`Your job coach will read this. ${checklist.employerName} will not.`}
        value={posted ? text(posted.form, 'why') : ''}
        error={errors.why}
        rows={4}
      />
    </FormPage>,
  );
}

async function saveCheck(c: Context<WebEnv>) {
  const form = await readForm(c);
  const why = text(form, 'why');
  const parsed = checkInputSchema.safeParse({ answer: text(form, 'answer'), ...(why ? { why } : {}) });
  if (!parsed.success)
    return whyPage(c, {
      form,
      errors: fieldErrors(parsed.error, { why: { label: 'Why' }, answer: { label: 'Your answer' } }),
    });
  try {
    await c.var.services.adjustments.check(
      pageActor(c),
      pageParam(c, 'matchId'),
      pageParam(c, 'adjustmentId'),
      parsed.data,
      c.get('requestId'),
    );
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, { codes: refusals, fieldFor: () => 'why', fallbackField: 'why' });
    return whyPage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, checklistPath(pageParam(c, 'matchId')), 'Thank you. Your answer is saved');
}

export function adjustmentCheckPages() {
  return new Hono<WebEnv>()
    .get(`${adjustmentRoute}/check`, (c) => checkPage(c))
    .post(`${adjustmentRoute}/check`, (c) => continueCheck(c))
    .get(`${adjustmentRoute}/check/why`, (c) => whyPage(c))
    .post(`${adjustmentRoute}/check/why`, (c) => saveCheck(c));
}
