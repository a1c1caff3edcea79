import { type Context, Hono } from 'hono';
import { Button, ButtonGroup } from '../web/components/Button.js';
import { DateInput } from '../web/components/DateInput.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Input } from '../web/components/Input.js';
import { Radios } from '../web/components/Radios.js';
import { Select } from '../web/components/Select.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { Tag } from '../web/components/Tag.js';
import { Textarea } from '../web/components/Textarea.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { datePartsFrom, datePartsOf, isoDateFrom } from '../web/dates.js';
import { pageForbidden, pageNotFound } from '../web/errors.js';
import { type FieldErrors, type FormBody, fieldErrors, fieldErrorsFromRefusal, readForm, text } from '../web/forms.js';
import { pageActor, pageParam } from '../web/page-context.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, monthInWords } from '../web/young-person.js';
import { adjustmentKinds, adjustmentPayers, checkAnswers, reviewDecisions } from './adjustments.machine.js';
import {
  addAdjustmentInputSchema,
  answerAdjustmentInputSchema,
  checkInputSchema,
  observationInputSchema,
  reviewInputSchema,
} from './adjustments.schemas.js';
import type { AdjustmentsService } from './adjustments.service.js';
import {
  adjustmentStateWords,
  checkAnswerWords,
  kindWords,
  payerWords,
  reviewDecisionWords,
} from './adjustments.words.js';

type Checklist = Awaited<ReturnType<AdjustmentsService['checklist']>>;
type Item = Checklist['items'][number];
type Posted = { form: FormBody; errors: FieldErrors };

const refusals = ['unprocessable', 'conflict', 'validation_failed'] as const;
const base = (matchId: string) => `/journeys/${matchId}/adjustments`;

async function loadChecklist(c: Context<WebEnv>): Promise<Checklist> {
  return c.var.services.adjustments.checklist(pageActor(c), pageParam(c, 'matchId'));
}

/** The request the page is about, from the checklist the reader may see; 404 for one they may not. */
async function loadItem(c: Context<WebEnv>): Promise<{ checklist: Checklist; item: Item }> {
  const checklist = await loadChecklist(c);
  const item = checklist.items.find((candidate) => candidate.id === pageParam(c, 'adjustmentId'));
  if (!item) throw pageNotFound();
  return { checklist, item };
}

/** What the reader calls the young person: "you", or their name for everyone else (a delegate included). */
const youOf = (checklist: Checklist) =>
  checklist.parties.includes('young_person') && !checklist.asDelegate ? 'you' : checklist.youngPersonName;

const itemTitle = (item: Item, index: number) => item.text ?? `Adjustment ${index + 1}`;

function Caption(props: { checklist: Checklist }) {
  return (
    <span class="govuk-caption-l">
      {props.checklist.youngPersonName}: {props.checklist.placementTitle} at {props.checklist.employerName}
    </span>
  );
}

function rowsOf(item: Item, checklist: Checklist) {
  const state = adjustmentStateWords[item.state];
  return [
    ...(item.kind ? [{ key: 'What it is about', value: kindWords[item.kind] }] : []),
    { key: 'Where it is now', value: <Tag colour={state.colour}>{state.text}</Tag> },
    ...(item.knownToWork.length > 0
      ? [
          {
            key: 'Known to work',
            value: item.knownToWork.map((worked) => `At ${worked.employer}, ${monthInWords(worked.month)}.`).join(' '),
          },
        ]
      : []),
    ...(item.agreed
      ? [
          {
            key: 'Agreed',
            value: `${item.agreed.who} will do it by ${longDate(item.agreed.byDate)}. ${payerWords[item.agreed.payer]} pays${item.agreed.accessToWorkLine ? ` (${item.agreed.accessToWorkLine})` : ''}.`,
          },
        ]
      : []),
    ...(item.notPossible?.reason
      ? [
          {
            key: 'Why it is not possible',
            value: (
              <>
                <p class="govuk-body app-section-text">{item.notPossible.reason}</p>
                {item.notPossible.alternative ? (
                  <p class="govuk-body app-section-text">Instead: {item.notPossible.alternative}</p>
                ) : null}
              </>
            ),
          },
        ]
      : []),
    ...(item.inPlace ? [{ key: 'In place since', value: longDate(item.inPlace.on) }] : []),
    ...(item.check
      ? [
          {
            key: `Does it help ${youOf(checklist)}?`,
            value: (
              <>
                {checkAnswerWords[item.check.answer]}
                {item.check.why ? <p class="govuk-body app-section-text">{item.check.why}</p> : null}
              </>
            ),
          },
        ]
      : []),
    ...(item.observations.length > 0
      ? [
          {
            key: 'What the job coach saw',
            value: (
              <ul class="govuk-list">
                {item.observations.map((entry) => (
                  <li class="app-section-text">{entry.note}</li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
    ...(item.reviews.length > 0
      ? [
          {
            key: 'Reviews',
            value: (
              <ul class="govuk-list">
                {item.reviews.map((entry) => (
                  <li>
                    {longDate(entry.heldOn)}: {reviewDecisionWords[entry.decision].text}
                    {entry.note ? `. ${entry.note}` : ''}
                  </li>
                ))}
              </ul>
            ),
          },
        ]
      : []),
  ];
}

/** The links to the steps this reader may take on one request. */
function Actions(props: { item: Item; matchId: string; you: string; rewordable: boolean }) {
  const { item } = props;
  const at = `${base(props.matchId)}/${item.id}`;
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
  const action = `${base(checklist.matchId)}/${item.id}/suggestion`;
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
            <a class="govuk-link" href={`${base(checklist.matchId)}/new`}>
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
                <form method="post" action={`${base(checklist.matchId)}/${item.id}/passport`} novalidate>
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

/** A form page about one request: caption, heading, the young person's words, then the form. */
function FormPage(props: {
  checklist: Checklist;
  item: Item;
  heading: string;
  errors: FieldErrors;
  csrf: string;
  children: unknown;
  button: string;
  headingInLegend?: boolean;
}) {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={props.errors} />
        <Caption checklist={props.checklist} />
        {props.headingInLegend ? null : <h1 class="govuk-heading-l">{props.heading}</h1>}
        {props.item.text ? <p class="govuk-body-l app-section-text">{props.item.text}</p> : null}
        <form method="post" novalidate>
          <CsrfField token={props.csrf} />
          {props.children as never}
          <Button>{props.button}</Button>
        </form>
      </div>
    </div>
  );
}

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
      backLink: base(checklist.matchId),
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
  try {
    await c.var.services.adjustments.answer(
      pageActor(c),
      pageParam(c, 'matchId'),
      pageParam(c, 'adjustmentId'),
      parsed.data,
      c.get('requestId'),
    );
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: refusals,
      fieldFor: (path) => path,
      fallbackField: 'answer',
      wording: answerWording,
    });
    return answerPage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, base(pageParam(c, 'matchId')), 'Your answer is saved');
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
      backLink: base(checklist.matchId),
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
  try {
    await c.var.services.adjustments.putInPlace(
      pageActor(c),
      pageParam(c, 'matchId'),
      pageParam(c, 'adjustmentId'),
      day.value,
      c.get('requestId'),
    );
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: refusals,
      fieldFor: () => 'inPlaceOn',
      fallbackField: 'inPlaceOn',
      wording: { inPlaceOn: { label: 'The first day it was there' } },
    });
    return inPlacePage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, base(pageParam(c, 'matchId')), 'Saved as in place');
}

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
    { title: question, hasErrors: Object.keys(errors).length > 0, backLink: base(checklist.matchId) },
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
    `${base(pageParam(c, 'matchId'))}/${pageParam(c, 'adjustmentId')}/check/why?answer=${encodeURIComponent(answer)}`,
    303,
  );
}

/** The second question: why, if they want to say. The answer from the first page rides along. */
async function whyPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('check')) throw pageForbidden('This adjustment cannot be checked now.');
  const answer = posted ? text(posted.form, 'answer') : (c.req.query('answer') ?? '');
  if (!(checkAnswers as readonly string[]).includes(answer))
    return c.redirect(`${base(checklist.matchId)}/${item.id}/check`, 303);
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  const you = youOf(checklist);
  return renderPage(
    c,
    {
      title: 'Why?',
      hasErrors: Object.keys(errors).length > 0,
      backLink: `${base(checklist.matchId)}/${item.id}/check`,
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
  return redirectWithFlash(c, base(pageParam(c, 'matchId')), 'Thank you. Your answer is saved');
}

async function observationPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('observe')) throw pageForbidden('Only the job coach writes what they saw.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    { title: 'What you saw', hasErrors: Object.keys(errors).length > 0, backLink: base(checklist.matchId) },
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
  try {
    await c.var.services.adjustments.observe(
      pageActor(c),
      pageParam(c, 'matchId'),
      pageParam(c, 'adjustmentId'),
      parsed.data.note,
      c.get('requestId'),
    );
  } catch (error) {
    return observationPage(c, {
      form,
      errors: fieldErrorsFromRefusal(error, { codes: refusals, fieldFor: () => 'note', fallbackField: 'note' }),
    });
  }
  return redirectWithFlash(c, base(pageParam(c, 'matchId')), 'What you saw is saved');
}

async function reviewPage(c: Context<WebEnv>, posted?: Posted) {
  const { checklist, item } = await loadItem(c);
  if (!item.allowedActions.includes('review')) throw pageForbidden('Only the job coach reviews adjustments.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    { title: 'Review the adjustment', hasErrors: Object.keys(errors).length > 0, backLink: base(checklist.matchId) },
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
  try {
    await c.var.services.adjustments.review(
      pageActor(c),
      pageParam(c, 'matchId'),
      pageParam(c, 'adjustmentId'),
      parsed.data,
      c.get('requestId'),
    );
  } catch (error) {
    const refused = fieldErrorsFromRefusal(error, {
      codes: refusals,
      fieldFor: (path) => path,
      fallbackField: 'decision',
      wording: reviewWording,
    });
    return reviewPage(c, { form, errors: refused });
  }
  return redirectWithFlash(c, base(pageParam(c, 'matchId')), 'The review is saved');
}

async function addPage(c: Context<WebEnv>, posted?: Posted) {
  const checklist = await loadChecklist(c);
  if (!checklist.parties.includes('job_coach')) throw pageForbidden('Only the job coach adds adjustments.');
  const errors = posted?.errors ?? {};
  if (posted) c.status(400);
  return renderPage(
    c,
    { title: 'Add an adjustment', hasErrors: Object.keys(errors).length > 0, backLink: base(checklist.matchId) },
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
  return redirectWithFlash(c, base(pageParam(c, 'matchId')), 'Added. The young person is asked first');
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
  return redirectWithFlash(c, base(matchId), decision === 'agree' ? 'Your choice is saved' : 'Nothing changed');
}

async function addToPassport(c: Context<WebEnv>) {
  const matchId = pageParam(c, 'matchId');
  await c.var.services.adjustments.addToPassport(
    pageActor(c),
    matchId,
    pageParam(c, 'adjustmentId'),
    c.get('requestId'),
  );
  return redirectWithFlash(c, base(matchId), 'Added to the passport as known to work');
}

export function adjustmentPages() {
  const app = new Hono<WebEnv>();
  const list = '/journeys/:matchId{[0-9a-f]{24}}/adjustments';
  const one = `${list}/:adjustmentId{[0-9a-f]{24}}`;
  app.get(list, (c) => checklistPage(c));
  app.get(`${list}/new`, (c) => addPage(c));
  app.post(`${list}/new`, (c) => saveAdd(c));
  app.get(`${one}/answer`, (c) => answerPage(c));
  app.post(`${one}/answer`, (c) => saveAnswer(c));
  app.get(`${one}/in-place`, (c) => inPlacePage(c));
  app.post(`${one}/in-place`, (c) => saveInPlace(c));
  app.get(`${one}/check`, (c) => checkPage(c));
  app.post(`${one}/check`, (c) => continueCheck(c));
  app.get(`${one}/check/why`, (c) => whyPage(c));
  app.post(`${one}/check/why`, (c) => saveCheck(c));
  app.get(`${one}/observation`, (c) => observationPage(c));
  app.post(`${one}/observation`, (c) => saveObservation(c));
  app.get(`${one}/review`, (c) => reviewPage(c));
  app.post(`${one}/review`, (c) => saveReview(c));
  app.post(`${one}/suggestion`, (c) => decideSuggestion(c));
  app.post(`${one}/passport`, (c) => addToPassport(c));
  return app;
}
