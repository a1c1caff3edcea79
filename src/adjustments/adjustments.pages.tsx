import { type Context, Hono } from 'hono';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageForbidden, pageNotFound } from '../web/errors.js';
import { fieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import {
  adjustmentRoute,
  Caption,
  type Checklist,
  checklistPath,
  checklistRoute,
  type Item,
  loadChecklist,
  type Posted,
  refusals,
  youOf,
} from './adjustment-page.js';
import { rowsOf } from './adjustment-rows.js';
import { adjustmentKinds } from './adjustments.machine.js';
import { addAdjustmentInputSchema } from './adjustments.schemas.js';
import { kindWords } from './adjustments.words.js';

const itemTitle = (item: Item, index: number) => item.text ?? `Adjustment ${index + 1}`;

/** The links to the steps this reader may take on one request. */
function Actions(props: { item: Item; matchId: string; you: string; rewordable: boolean }) {
  const { item } = props;
  const at = `${checklistPath(props.matchId)}/${item.id}`;
  const links: { href: string; text: string }[] = [];
  if (props.rewordable) links.push({ href: `${at}/new-words`, text: 'Suggest new words, or split it' });
  if (item.allowedActions.includes('agree'))
    links.push({ href: `${at}/answer`, text: 'Agree, or say it is not possible' });
  if (item.allowedActions.includes('put_in_place')) links.push({ href: `${at}/in-place`, text: 'Say it is in place' });
  if (item.allowedActions.includes('check'))
    links.push({ href: `${at}/check`, text: `Tell us if this helps ${props.you === 'you' ? 'you' : props.you}` });
  if (item.allowedActions.includes('observe')) links.push({ href: `${at}/observation`, text: 'Write what you saw' });
  if (item.allowedActions.includes('review'))
    links.push({ href: `${at}/review`, text: 'Review: keep, change or stop' });
  if (links.length === 0) return null;
  return (
    <ul class="govuk-list">
      {links.map((link) => (
        <li>
          <a class="govuk-link" href={link.href}>
            {link.text}
            <span class="govuk-visually-hidden">for “{item.text ?? 'this adjustment'}”</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

/** The coach's suggestion (or added request) beside the young person's words, with their choice. */
function Suggestion(props: { item: Item; checklist: Checklist; csrf: string }) {
  const { item, checklist } = props;
  const decides = checklist.parties.includes('young_person');
  const action = `${checklistPath(checklist.matchId)}/${item.id}/suggestion`;
  const choice = decides ? (
    <form method="post" action={action} novalidate>
      <CsrfField token={props.csrf} />
      <ButtonGroup>
        <Button name="decision" value="agree">
          {item.awaitingYoungPerson ? 'Yes, ask for this' : 'Use the new words'}
        </Button>
        <Button name="decision" value="decline" variant="secondary">
          {item.awaitingYoungPerson ? 'No, leave it out' : 'Keep my words'}
        </Button>
      </ButtonGroup>
    </form>
  ) : null;
  if (item.awaitingYoungPerson)
    return (
      <div class="govuk-inset-text">
        <p class="govuk-body">
          The job coach added this. {checklist.employerName} will see it only if {youOf(checklist)} say
          {youOf(checklist) === 'you' ? '' : 's'} yes.
        </p>
        {choice}
      </div>
    );
  if (!item.suggestion) return null;
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body">The job coach suggests these words instead:</p>
      <ul class="govuk-list govuk-list--bullet">
        {item.suggestion.parts.map((part) => (
          <li class="app-section-text">
            {part.text} ({kindWords[part.kind]})
          </li>
        ))}
      </ul>
      {choice}
    </div>
  );
}

/** The journey's adjustments: the employer's checklist, the young person's and the coach's view of it. */
async function checklistPage(c: Context<WebEnv>) {
  const checklist = await loadChecklist(c);
  const you = youOf(checklist);
  const isEmployer = checklist.parties.includes('employer');
  const csrf = csrfToken(c);
  return renderPage(
    c,
    { title: `Adjustments at work: ${checklist.youngPersonName}`, backLink: `/journeys/${checklist.matchId}` },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <Caption checklist={checklist} />
        <h1 class="govuk-heading-l">Adjustments at work</h1>
        <p class="govuk-body">
          {isEmployer
            ? `These are the changes at work that help ${checklist.youngPersonName}, in their words. Say for each one whether you can do it, and when it is in place.`
            : `These are the changes at work that help ${you}. ${checklist.employerName} says if they can do each one, and when it is in place.`}
        </p>
        {checklist.textHidden && isEmployer ? (
          <div class="govuk-inset-text">
            {checklist.youngPersonName} stopped sharing what helps them at work. You can still see what you agreed and
            whether it is in place.
          </div>
        ) : checklist.textHidden ? (
          <div class="govuk-inset-text">
            {checklist.youngPersonName} does not let job coaches read their passport, so the words are not shown.
          </div>
        ) : null}
        {checklist.parties.includes('job_coach') ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`${checklistPath(checklist.matchId)}/new`}>
              Add an adjustment
            </a>
          </p>
        ) : null}
        {checklist.items.length === 0 ? (
          <p class="govuk-body">There are no adjustments yet. They appear when "What helps me at work" is shared.</p>
        ) : (
          checklist.items.map((item, index) => (
            <section aria-labelledby={`adjustment-${item.id}`}>
              <h2 class="govuk-heading-m app-section-text" id={`adjustment-${item.id}`}>
                {itemTitle(item, index)}
              </h2>
              <SummaryList rows={rowsOf(item, checklist)} />
              <Suggestion item={item} checklist={checklist} csrf={csrf} />
              <Actions
                item={item}
                matchId={checklist.matchId}
                you={you}
                rewordable={checklist.rewordable.includes(item.id)}
              />
              {item.mayAddToPassport ? (
                <form method="post" action={`${checklistPath(checklist.matchId)}/${item.id}/passport`} novalidate>
                  <CsrfField token={csrf} />
                  <p class="govuk-body">
                    Your passport will say: this worked at {checklist.employerName}. Employers you share it with will
                    see that.
                  </p>
                  <Button variant="secondary">
                    Add to {checklist.asDelegate ? `${checklist.youngPersonName}’s` : 'my'} passport
                    <span class="govuk-visually-hidden"> “{item.text ?? 'this adjustment'}”</span>
                  </Button>
                </form>
              ) : item.addedToPassport && !isEmployer ? (
                <p class="govuk-body">This is in the passport as known to work.</p>
              ) : null}
            </section>
          ))
        )}
      </div>
    </div>,
  );
}

async function addPage(c: Context<WebEnv>, posted?: Posted) {
  const checklist = await loadChecklist(c);
  if (!checklist.parties.includes('job_coach')) throw pageForbidden('Only the job coach adds adjustments.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    {
      title: 'Add an adjustment',
      hasErrors: Object.keys(errors).length > 0,
      backLink: checklistPath(checklist.matchId),
    },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <Caption checklist={checklist} />
        <h1 class="govuk-heading-l">Add an adjustment</h1>
        <p class="govuk-body">
          {checklist.youngPersonName} is asked first. {checklist.employerName} sees it only if they say yes.
        </p>
        <form method="post" novalidate>
          <CsrfField token={csrfToken(c)} />
          <Select
            name="kind"
            label="What it is about"
            items={adjustmentKinds.map((value) => ({ value, text: kindWords[value] }))}
            value={posted ? text(posted.form, 'kind') : 'other'}
            error={errors.kind}
          />
          <Textarea
            name="text"
            label="What helps, in their words"
            value={posted ? text(posted.form, 'text') : ''}
            error={errors.text}
            rows={3}
          />
          <Button>Add it</Button>
        </form>
      </div>
    </div>,
  );
}

async function saveAdd(c: Context<WebEnv>) {
  const form = await readForm(c);
  const parsed = addAdjustmentInputSchema.safeParse({ kind: text(form, 'kind'), text: text(form, 'text') });
  const wording = { kind: { label: 'What it is about' }, text: { label: 'What helps' } };
  if (!parsed.success) return addPage(c, { form, errors: fieldErrors(parsed.error, wording) });
  try {
    await c.var.services.adjustments.add(pageActor(c), pageParam(c, 'matchId'), parsed.data, c.get('requestId'));
  } catch (error) {
    return addPage(c, {
      form,
      errors: fieldErrorsFromRefusal(error, {
        codes: refusals,
        fieldFor: (path) => path,
        fallbackField: 'text',
        wording,
      }),
    });
  }
  return redirectWithFlash(c, checklistPath(pageParam(c, 'matchId')), 'Added. The young person is asked first');
}

async function decideSuggestion(c: Context<WebEnv>) {
  const form = await readForm(c);
  const decision = text(form, 'decision');
  if (decision !== 'agree' && decision !== 'decline') throw pageNotFound();
  const matchId = pageParam(c, 'matchId');
  await c.var.services.adjustments.decideSuggestion(
    pageActor(c),
    matchId,
    pageParam(c, 'adjustmentId'),
    decision,
    c.get('requestId'),
  );
  return redirectWithFlash(
    c,
    checklistPath(matchId),
    decision === 'agree' ? 'Your choice is saved' : 'Nothing changed',
  );
}

async function addToPassport(c: Context<WebEnv>) {
  const matchId = pageParam(c, 'matchId');
  await c.var.services.adjustments.addToPassport(
    pageActor(c),
    matchId,
    pageParam(c, 'adjustmentId'),
    c.get('requestId'),
  );
  return redirectWithFlash(c, checklistPath(matchId), 'Added to the passport as known to work');
}

/**
 * The journey's checklist, the young person's choice on the coach's words, adding to the passport and
 * the coach adding a request. Each step on one request has its own pages: the employer's answer
 * (answer.pages.tsx), the check (check.pages.tsx), the coach's review (review.pages.tsx) and new words
 * (reword.pages.tsx).
 */
export function adjustmentPages() {
  return new Hono<WebEnv>()
    .get(checklistRoute, (c) => checklistPage(c))
    .get(`${checklistRoute}/new`, (c) => addPage(c))
    .post(`${checklistRoute}/new`, (c) => saveAdd(c))
    .post(`${adjustmentRoute}/suggestion`, (c) => decideSuggestion(c))
    .post(`${adjustmentRoute}/passport`, (c) => addToPassport(c));
}
