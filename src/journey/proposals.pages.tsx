import { type Context, Hono } from 'hono';
import { dateSchema } from '../domain/schemas.js';
import { type PassportSection, passportSections, sectionLabels } from '../domain/vocabulary.js';
import type { Placement } from '../placements/placements.repository.js';
import { Button } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { Radios } from '../web/components/Radios.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, list, readForm, text } from '../web/forms.js';
import { reasonSentences } from '../web/match-reasons.js';
import { pageParam } from '../web/page-context.js';
import { isRefusal, unlessAbsent } from '../web/refusals.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { daysInWords } from '../web/words.js';
import { longDate, type PersonPage, withPerson } from '../web/young-person.js';
import type { ShareEndChoice } from './journey.service.js';

interface ProposalForm {
  sections: string[];
  reason: string;
  /** The last day the employer may read the chosen parts; empty for the latest allowed. */
  shareUntil: string;
  /** A parent or carer's answer to "Have you talked to them about this?": yes, no, or not asked yet. */
  talked: string;
}

const newForm = (c: Context<WebEnv>): ProposalForm => ({
  sections: ['aboutMe', 'whatHelps'],
  reason: '',
  shareUntil: '',
  talked: c.req.query('talked') ?? '',
});

const monthsWords = (months: number) => (months === 1 ? '1 month' : `${months} months`);

/** Why each share end is offered, beside its date. */
function shareEndHint(choice: ShareEndChoice): string {
  if (choice.months) return `${monthsWords(choice.months)} from today`;
  return choice.because === 'one_year'
    ? 'A year from today. This is the longest you can choose. We will remind you before it ends.'
    : 'Four weeks after the placement ends. This is the longest you can choose.';
}

/** A parent or carer says they have talked with the young person before answering for them. */
function TalkedFirst(props: { name: string; talked: string; error?: string; action: string }) {
  return (
    <form method="get" action={props.action} novalidate>
      <input type="hidden" name="asked" value="yes" />
      {props.talked === 'no' ? (
        <div class="govuk-inset-text">
          Talk to {props.name} first. It is {props.name}’s placement, so answer only when you know what {props.name}{' '}
          wants.
        </div>
      ) : null}
      <Radios
        name="talked"
        legend={`Have you talked to ${props.name} about this?`}
        legendSize="s"
        items={[
          { value: 'yes', text: 'Yes' },
          { value: 'no', text: 'No, not yet' },
        ]}
        value={props.talked}
        error={props.error}
        inline
      />
      <Button>Continue</Button>
    </form>
  );
}

/** Who answered the proposal and when; the young person reads what a parent or carer said for them. */
function Answered(props: {
  answer: { accepted: boolean; at: Date } | undefined;
  /** The name of the parent or carer who answered, when one did. */
  byDelegate: string | undefined;
  whoFor: string;
  asDelegate: boolean;
}) {
  const { answer, byDelegate } = props;
  if (!answer) return <p class="govuk-body">This proposal has been answered.</p>;
  const said = answer.accepted ? 'yes' : 'no';
  if (!byDelegate)
    return (
      <p class="govuk-body">
        {props.asDelegate ? `${props.whoFor} said` : 'You said'} {said} to this placement on {longDate(answer.at)}.
      </p>
    );
  return props.asDelegate ? (
    <p class="govuk-body">
      {byDelegate} said {said} to this placement for {props.whoFor} on {longDate(answer.at)}.
    </p>
  ) : (
    <div class="govuk-inset-text">
      <p class="govuk-body">
        {byDelegate} said {said} to this placement for you on {longDate(answer.at)}.
      </p>
      <p class="govuk-body">Tell your job coach if that is not right.</p>
    </div>
  );
}

async function proposalPage(c: Context<WebEnv>, person: PersonPage, form: ProposalForm, formErrors: FieldErrors) {
  const { journey, placements } = c.var.services;
  const { match, view } = await journey.view(person.actor, pageParam(c, 'matchId'));
  if (match.youngPersonId !== person.youngPersonId) throw pageNotFound();
  const placement = (await unlessAbsent(placements.get(person.actor, match.placementId)))?.placement;
  const coach = await journey.coachName(match);
  const steps = view.yourNextSteps.map((step) => step.action);
  const reasons = reasonSentences(match.match?.reasons, person.asDelegate ? view.youngPerson.preferredName : undefined);
  const title = `${view.placement.title} at ${view.placement.employerName}`;
  const base = `/young-people/${person.youngPersonId}/proposals/${match.id}`;
  const whoFor = person.asDelegate ? view.youngPerson.preferredName : 'you';
  const talkedFirst = !person.asDelegate || form.talked === 'yes';
  const errors: FieldErrors =
    person.asDelegate && form.talked === '' && c.req.query('asked') !== undefined
      ? { ...formErrors, talked: `Say whether you have talked to ${whoFor} about this` }
      : formErrors;
  const shareEnds = steps.includes('accept') && talkedFirst ? await journey.shareEndChoices(match) : [];
  const answeredBy = steps.includes('accept') ? undefined : await journey.answeredForYoungPersonBy(match);
  const answerForm = { person, whoFor, base, form, errors, csrf: csrfToken(c) };
  if (Object.keys(errors).length > 0) c.status(400);
  return renderPage(
    c,
    { title: `A placement for ${whoFor}: ${title}`, hasErrors: Object.keys(errors).length > 0, backLink: '/' },
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <span class="govuk-caption-l">A placement for {whoFor}</span>
        <h1 class="govuk-heading-l">{title}</h1>
        {coach ? (
          <p class="govuk-body">
            {coach}, {person.asDelegate ? 'the' : 'your'} job coach, thinks this could be a good placement.
          </p>
        ) : null}
        {view.note ? <p class="govuk-body app-section-text">“{view.note}”</p> : null}
        {placement ? <WhatAndWhen placement={placement} whoFor={whoFor} asDelegate={person.asDelegate} /> : null}
        {match.visibleToEmployer ? (
          <p class="govuk-body">
            <a class="govuk-link" href={`/journeys/${match.id}/adjustments`}>
              Changes at work that help {whoFor}
            </a>
          </p>
        ) : null}
        <WhyItCouldSuit reasons={reasons} whoFor={whoFor} />
        {steps.includes('accept') && person.asDelegate ? (
          <h2 class="govuk-heading-m">Does {whoFor} want this placement?</h2>
        ) : null}
        {steps.includes('accept') && !talkedFirst ? (
          <TalkedFirst name={whoFor} talked={form.talked} error={errors.talked} action={base} />
        ) : null}
        {steps.includes('accept') && talkedFirst ? (
          <AcceptForm {...answerForm} employerName={view.placement.employerName} shareEnds={shareEnds} />
        ) : null}
        {steps.includes('accept') ? null : (
          <Answered
            answer={match.youngPersonResponse}
            byDelegate={answeredBy}
            whoFor={whoFor}
            asDelegate={person.asDelegate}
          />
        )}
        {steps.includes('decline') && talkedFirst ? <DeclineForm {...answerForm} /> : null}
      </div>
    </div>,
  );
}

/** What the young person will do, where and when. */
function WhatAndWhen(props: { placement: Placement; whoFor: string; asDelegate: boolean }) {
  const { placement } = props;
  return (
    <SummaryList
      rows={[
        {
          key: props.asDelegate ? `What ${props.whoFor} will do` : 'What you will do',
          value: placement.tasks.join(', '),
        },
        { key: 'Where', value: `${placement.site.address.line1}, ${placement.site.address.town}` },
        { key: 'Days', value: daysInWords(placement.schedule.days) },
        { key: 'Times', value: `${placement.schedule.startTime} to ${placement.schedule.endTime}` },
        { key: 'Starts', value: longDate(placement.startDate) },
      ]}
    />
  );
}

/** The match's reasons, in sentences: what suits and what to think about. */
function WhyItCouldSuit(props: { reasons: ReturnType<typeof reasonSentences>; whoFor: string }) {
  const { good, harder } = props.reasons;
  return (
    <>
      {good.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Why it could suit {props.whoFor}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {good.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
      {harder.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">Things to think about</h2>
          <ul class="govuk-list govuk-list--bullet">
            {harder.map((line) => (
              <li>{line}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** What the accept and decline forms share: who answers, for whom, and what was typed. */
interface AnswerFormProps {
  person: PersonPage;
  whoFor: string;
  base: string;
  form: ProposalForm;
  errors: FieldErrors;
  csrf: string;
}

/** Saying yes: which parts of the passport the employer may read, and until when. */
function AcceptForm(props: AnswerFormProps & { employerName: string; shareEnds: ShareEndChoice[] }) {
  const { person, whoFor, form, errors, shareEnds } = props;
  const latestEnd = shareEnds[shareEnds.length - 1]?.until ?? '';
  return (
    <form method="post" action={`${props.base}/accept`} novalidate>
      <CsrfField token={props.csrf} />
      {person.asDelegate ? <input type="hidden" name="talked" value="yes" /> : null}
      {person.asDelegate ? null : <h2 class="govuk-heading-m">Do you want this placement?</h2>}
      <p class="govuk-body">
        {person.asDelegate
          ? `If you say yes for ${whoFor}, the employer will see that ${whoFor} is interested. They will also read the parts of ${whoFor}’s passport you choose here, until the day you choose. ${whoFor} will see that you said yes.`
          : 'If you say yes, the employer will see that you are interested. They will also read the parts of your passport you choose here, until the day you choose.'}
      </p>
      <Checkboxes
        name="sections"
        legend={`Which parts of ${person.asDelegate ? `${whoFor}’s` : 'your'} passport can ${props.employerName} read?`}
        legendSize="s"
        hint="They cannot read the other parts. You can stop sharing at any time."
        items={passportSections.map((section) => ({
          value: section,
          text: sectionLabels[section],
          ...(section === 'myCondition' ? { hint: 'Only share this if you want to.' } : {}),
        }))}
        values={form.sections}
        error={errors.sections}
      />
      <Radios
        name="shareUntil"
        legend="Until when can they read them?"
        legendSize="s"
        hint="After this day they cannot read them. You can stop sharing sooner."
        items={shareEnds.map((choice) => ({
          value: choice.until,
          text: longDate(choice.until),
          hint: shareEndHint(choice),
        }))}
        value={form.shareUntil || latestEnd}
        error={errors.shareUntil}
      />
      <Button>{person.asDelegate ? `Yes, ${whoFor} wants this placement` : 'Yes, I want this placement'}</Button>
    </form>
  );
}

/** Saying no, with a reason if they want to give one. */
function DeclineForm(props: AnswerFormProps) {
  const { person, whoFor } = props;
  return (
    <form method="post" action={`${props.base}/decline`} novalidate>
      <CsrfField token={props.csrf} />
      {person.asDelegate ? <input type="hidden" name="talked" value="yes" /> : null}
      <h2 class="govuk-heading-m">Or say no</h2>
      <CharacterCount
        name="reason"
        label="Why not? (you do not have to say)"
        hint={`This helps ${person.asDelegate ? `${whoFor}’s` : 'your'} job coach find a better placement.`}
        value={props.form.reason}
        maxLength={500}
        rows={3}
        error={props.errors.reason}
      />
      <Button variant="secondary">
        {person.asDelegate ? `No, ${whoFor} does not want this placement` : 'No, I do not want this placement'}
      </Button>
    </form>
  );
}

/** The placement's title and employer, and the young person's name, for the words after an answer. */
async function answered(c: Context<WebEnv>, person: PersonPage, matchId: string) {
  const { journey } = c.var.services;
  const { match } = await journey.get(person.actor, matchId);
  const labels = await journey.labels([match]);
  return { ...labels.placement(match.placementId), name: labels.youngPersonName(match.youngPersonId) };
}

/** The problems the journey found with an answer, in the words of the form; undefined for any other error. */
function answerProblems(error: unknown): FieldErrors | undefined {
  if (!isRefusal(error, 'unprocessable', 'validation_failed')) return undefined;
  const paths = Array.isArray(error.details) ? error.details.map((detail: { path?: string }) => detail.path) : [];
  if (paths.includes('shareUntil')) return { shareUntil: 'Choose one of the days shown' };
  if (paths.includes('reason')) return { reason: 'Check your reason' };
  return undefined;
}

/** Saying yes: checks the answer as the form asks it, then shares the chosen parts until the chosen day. */
async function acceptProposal(c: Context<WebEnv>, person: PersonPage) {
  const form = await readForm(c);
  const sections = list(form, 'sections').filter((section): section is PassportSection =>
    (passportSections as readonly string[]).includes(section),
  );
  const answer: ProposalForm = {
    sections,
    reason: '',
    shareUntil: text(form, 'shareUntil'),
    talked: text(form, 'talked'),
  };
  if (person.asDelegate && answer.talked !== 'yes') return proposalPage(c, person, { ...answer, talked: '' }, {});
  if (sections.length === 0)
    return proposalPage(c, person, answer, { sections: 'Choose at least one part of the passport they can read' });
  if (!answer.shareUntil)
    return proposalPage(c, person, answer, { shareUntil: 'Choose until when they can read them' });
  if (!dateSchema.safeParse(answer.shareUntil).success)
    return proposalPage(c, person, { ...answer, shareUntil: '' }, { shareUntil: 'Choose one of the days shown' });
  const matchId = pageParam(c, 'matchId');
  try {
    await c.var.services.journey.accept(
      person.actor,
      matchId,
      { sections, shareUntil: answer.shareUntil },
      c.get('requestId'),
    );
  } catch (error) {
    const problems = answerProblems(error);
    if (problems) return proposalPage(c, person, answer, problems);
    throw error;
  }
  const { title, employerName, name } = await answered(c, person, matchId);
  const parts = sections.map((section) => sectionLabels[section]).join(', ');
  return redirectWithFlash(
    c,
    '/',
    person.asDelegate ? `You said yes to ${title} for ${name}` : `You said yes to ${title}`,
    person.asDelegate
      ? `${employerName} will look at it next. They can read these parts of ${name}’s passport until ${longDate(answer.shareUntil)}: ${parts}. ${name} can see that you said yes.`
      : `${employerName} will look at it next. They can read these parts of your passport until ${longDate(answer.shareUntil)}: ${parts}.`,
  );
}

/** Saying no, with the reason if one was given. */
async function declineProposal(c: Context<WebEnv>, person: PersonPage) {
  const form = await readForm(c);
  const answer: ProposalForm = {
    sections: ['aboutMe', 'whatHelps'],
    reason: text(form, 'reason'),
    shareUntil: '',
    talked: text(form, 'talked'),
  };
  if (person.asDelegate && answer.talked !== 'yes') return proposalPage(c, person, { ...answer, talked: '' }, {});
  if (answer.reason.length > 500)
    return proposalPage(c, person, answer, { reason: 'The reason must be 500 characters or fewer' });
  const matchId = pageParam(c, 'matchId');
  try {
    await c.var.services.journey.decline(
      person.actor,
      matchId,
      answer.reason ? { reason: answer.reason } : {},
      c.get('requestId'),
    );
  } catch (error) {
    const problems = answerProblems(error);
    if (problems) return proposalPage(c, person, answer, problems);
    throw error;
  }
  const { title, name } = await answered(c, person, matchId);
  return redirectWithFlash(
    c,
    '/',
    person.asDelegate ? `You said no to ${title} for ${name}` : `You said no to ${title}`,
    person.asDelegate
      ? `${name}’s job coach will talk to ${name} about other placements. ${name} can see that you said no.`
      : 'Your job coach will talk to you about other placements.',
  );
}

/** A young person (or a delegate who may answer for them) reads a proposal and accepts or declines it. */
export function proposalPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/proposals/:matchId', (c) =>
    withPerson(c, (person) => proposalPage(c, person, newForm(c), {})),
  );
  app.post('/young-people/:id/proposals/:matchId/accept', (c) => withPerson(c, (person) => acceptProposal(c, person)));
  app.post('/young-people/:id/proposals/:matchId/decline', (c) =>
    withPerson(c, (person) => declineProposal(c, person)),
  );
  return app;
}
