import { type Context, Hono } from 'hono';
import { ApiError } from '../core/errors.js';
import {
  adjustmentCategoryLabels,
  environmentFactorLabels,
  type PassportSection,
  passportSections,
  sectorLabels,
} from '../domain/vocabulary.js';
import {
  capitalised,
  type EnvironmentNote,
  jobsWantedMessage,
  listInWords,
  type MatchReasons,
} from '../matching/scoring.js';
import { withPerson } from '../passports/passports.pages.js';
import { sectionLabels } from '../passports/passports.service.js';
import { Button } from '../web/components/Button.js';
import { CharacterCount } from '../web/components/CharacterCount.js';
import { Checkboxes } from '../web/components/Checkboxes.js';
import { ErrorSummary } from '../web/components/ErrorSummary.js';
import { SummaryList } from '../web/components/SummaryList.js';
import { CsrfField, csrfToken } from '../web/csrf.js';
import { pageNotFound } from '../web/errors.js';
import { type FieldErrors, list, readForm, text } from '../web/forms.js';
import { renderPage } from '../web/render.js';
import { redirectWithFlash } from '../web/session.middleware.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, type PersonPage } from '../web/young-person.js';
import { partiesOf, placementMatchResource } from './journey.access.js';
import { matchView } from './journey.views.js';

export const dayNames: Record<string, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export function daysInWords(days: readonly string[]): string {
  const names = days.map((day) => dayNames[day] ?? day);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Why a placement was proposed, as short sentences in plain words. Spoken to the young person
 * ("you") unless `name` is given: then about them, for a parent or carer reading ("Sam"). Reasons
 * a job coach wrote as sentences are shown as they wrote them.
 */
export function reasonSentences(
  reasons: string[] | Record<string, unknown> | undefined,
  name?: string,
): {
  good: string[];
  harder: string[];
} {
  if (!reasons) return { good: [], harder: [] };
  if (Array.isArray(reasons)) return { good: reasons, harder: [] };
  const r = reasons as unknown as MatchReasons;
  const you = name ?? 'you';
  const You = name ?? 'You';
  const your = name ? `${name}’s` : 'your';
  const theyLike = name ? 'they like' : 'you like';
  const good: string[] = [];
  const harder: string[] = [];
  // Reasons come as a client sent them (see MatchEvidence): a note without a known factor keeps its own words.
  const environment = (note: EnvironmentNote, sentence: string) => {
    const label = environmentFactorLabels[note.factor];
    return label ? `${capitalised(label)}: ${note.level}. ${sentence}` : String(note.message ?? '');
  };
  if (r.interests?.sectors?.length) {
    good.push(
      `It is ${r.interests.sectors.map((sector) => sectorLabels[sector]?.toLowerCase() ?? sector).join(' and ')} work, ${r.interests.firstChoice ? `${your} first choice` : `which ${you} said ${theyLike}`}.`,
    );
  }
  if (r.interests?.likedTasks?.length)
    good.push(`${You} will do things ${theyLike}: ${r.interests.likedTasks.join(', ')}.`);
  if (r.interests?.strengths?.length) good.push(`It needs ${your} strengths: ${r.interests.strengths.join(', ')}.`);
  if (typeof r.jobsWanted?.said === 'string' && Array.isArray(r.jobsWanted.matched))
    good.push(jobsWantedMessage(r.jobsWanted.said, r.jobsWanted.matched, You));
  else if (r.jobsWanted?.message) good.push(r.jobsWanted.message);
  if (r.rotations?.length)
    good.push(
      `One of its rotations is ${listInWords(r.rotations)}: work ${you} said ${name ? 'they want' : 'you want'}.`,
    );
  const saidAndFound = (said: string, found: string, sentence: string) =>
    `${You} said: “${said.trim().replace(/[.!]+$/, '')}”. ${sentence.replace('%', `“${found}”`)}`;
  for (const tried of r.triedBefore ?? [])
    (tried.went === 'well' ? good : harder).push(
      saidAndFound(tried.said, tried.found, 'This placement is that kind of work too: %.'),
    );
  for (const ruledOut of r.ruledOut ?? [])
    harder.push(saidAndFound(ruledOut.said, ruledOut.found, 'This placement has % in it.'));
  if (r.adjustments?.met?.length)
    good.push(
      `They can give ${you} this help: ${r.adjustments.met.map((category) => adjustmentCategoryLabels[category]).join('; ')}.`,
    );
  for (const note of r.environment?.pros ?? []) good.push(environment(note, `That suits ${you}.`));
  if (typeof r.distanceKm === 'number') good.push(`It is about ${Math.round(r.distanceKm * 10) / 10} km from home.`);
  if (r.adjustments?.notMet?.length)
    harder.push(
      `They do not offer this help yet: ${r.adjustments.notMet.map((category) => adjustmentCategoryLabels[category]).join('; ')}. ${capitalised(your)} job coach can ask them.`,
    );
  for (const note of r.environment?.supportNeeded ?? [])
    harder.push(environment(note, `That is as much as ${you} can manage, so ${you} may need help with it.`));
  for (const note of r.environment?.cons ?? [])
    harder.push(
      environment(
        note,
        note.limit === undefined ? `Check that it suits ${you}.` : `That is more than ${you} can manage.`,
      ),
    );
  if (r.dislikedTasks?.length)
    harder.push(
      `It includes things ${you} said ${name ? 'they do' : 'you do'} not like: ${r.dislikedTasks.join(', ')}.`,
    );
  return { good, harder };
}

interface ProposalForm {
  sections: string[];
  reason: string;
}

async function proposalPage(c: Context<WebEnv>, person: PersonPage, form: ProposalForm, errors: FieldErrors) {
  const { journey, placements } = c.var.services;
  const { match } = await journey.get(person.actor, c.req.param('matchId')!);
  if (match.youngPersonId !== person.youngPersonId) throw pageNotFound();
  const labels = await journey.labels([match]);
  const view = matchView(
    match,
    { role: person.actor.role, parties: partiesOf(person.actor, placementMatchResource(match)) },
    labels,
  );
  const placement = (await placements.get(person.actor, match.placementId).catch(() => undefined))?.placement;
  const coach = await journey.coachName(match);
  const steps = view.yourNextSteps.map((step) => step.action);
  const reasons = reasonSentences(
    match.match?.reasons,
    person.asDelegate ? labels.youngPersonName(match.youngPersonId) : undefined,
  );
  const title = `${view.placement.title} at ${view.placement.employerName}`;
  const base = `/young-people/${person.youngPersonId}/proposals/${match.id}`;
  const whoFor = person.asDelegate ? labels.youngPersonName(match.youngPersonId) : 'you';
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
        {placement ? (
          <SummaryList
            rows={[
              {
                key: person.asDelegate ? `What ${whoFor} will do` : 'What you will do',
                value: placement.tasks.join(', '),
              },
              { key: 'Where', value: `${placement.site.address.line1}, ${placement.site.address.town}` },
              { key: 'Days', value: daysInWords(placement.schedule.days) },
              { key: 'Times', value: `${placement.schedule.startTime} to ${placement.schedule.endTime}` },
              { key: 'Starts', value: longDate(placement.startDate) },
            ]}
          />
        ) : null}
        {reasons.good.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Why it could suit {whoFor}</h2>
            <ul class="govuk-list govuk-list--bullet">
              {reasons.good.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
        {reasons.harder.length > 0 ? (
          <>
            <h2 class="govuk-heading-m">Things to think about</h2>
            <ul class="govuk-list govuk-list--bullet">
              {reasons.harder.map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </>
        ) : null}
        {steps.includes('accept') ? (
          <form method="post" action={`${base}/accept`} novalidate>
            <CsrfField token={csrfToken(c)} />
            <h2 class="govuk-heading-m">
              {person.asDelegate ? `Does ${whoFor} want this placement?` : 'Do you want this placement?'}
            </h2>
            <p class="govuk-body">
              {person.asDelegate
                ? `If you say yes for ${whoFor}, the employer will see that ${whoFor} is interested. They will also read the parts of ${whoFor}’s passport you choose here.`
                : 'If you say yes, the employer will see that you are interested. They will also read the parts of your passport you choose here.'}
            </p>
            <Checkboxes
              name="sections"
              legend={`Which parts of ${person.asDelegate ? 'the' : 'your'} passport can ${view.placement.employerName} read?`}
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
            <Button>{person.asDelegate ? `Yes, ${whoFor} wants this placement` : 'Yes, I want this placement'}</Button>
          </form>
        ) : (
          <p class="govuk-body">You have answered this proposal.</p>
        )}
        {steps.includes('decline') ? (
          <form method="post" action={`${base}/decline`} novalidate>
            <CsrfField token={csrfToken(c)} />
            <h2 class="govuk-heading-m">Or say no</h2>
            <CharacterCount
              name="reason"
              label="Why not? (you do not have to say)"
              hint={`This helps ${person.asDelegate ? `${whoFor}’s` : 'your'} job coach find a better placement.`}
              value={form.reason}
              maxLength={500}
              rows={3}
              error={errors.reason}
            />
            <Button variant="secondary">
              {person.asDelegate ? `No, ${whoFor} does not want this placement` : 'No, I do not want this placement'}
            </Button>
          </form>
        ) : null}
      </div>
    </div>,
  );
}

/** A young person (or a delegate who may answer for them) reads a proposal and accepts or declines it. */
export function proposalPages() {
  const app = new Hono<WebEnv>();
  app.get('/young-people/:id/proposals/:matchId', (c) =>
    withPerson(c, (person) => proposalPage(c, person, { sections: ['aboutMe', 'whatHelps'], reason: '' }, {})),
  );

  app.post('/young-people/:id/proposals/:matchId/accept', (c) =>
    withPerson(c, async (person) => {
      const form = await readForm(c);
      const sections = list(form, 'sections').filter((section): section is PassportSection =>
        (passportSections as readonly string[]).includes(section),
      );
      if (sections.length === 0)
        return proposalPage(
          c,
          person,
          { sections: [], reason: '' },
          { sections: 'Choose at least one part of the passport they can read' },
        );
      const { journey } = c.var.services;
      const matchId = c.req.param('matchId')!;
      await journey.accept(person.actor, matchId, { sections }, c.get('requestId'));
      const { match } = await journey.get(person.actor, matchId);
      const labels = await journey.labels([match]);
      return redirectWithFlash(
        c,
        '/',
        `You said yes to ${labels.placement(match.placementId).title}`,
        `${labels.placement(match.placementId).employerName} will look at it next. They can read: ${sections.map((s) => sectionLabels[s]).join(', ')}.`,
      );
    }),
  );

  app.post('/young-people/:id/proposals/:matchId/decline', (c) =>
    withPerson(c, async (person) => {
      const form = await readForm(c);
      const reason = text(form, 'reason');
      if (reason.length > 500)
        return proposalPage(
          c,
          person,
          { sections: ['aboutMe', 'whatHelps'], reason },
          { reason: 'Your reason must be 500 characters or fewer' },
        );
      try {
        await c.var.services.journey.decline(
          person.actor,
          c.req.param('matchId')!,
          reason ? { reason } : {},
          c.get('requestId'),
        );
      } catch (error) {
        if (error instanceof ApiError && error.code === 'validation_failed')
          return proposalPage(
            c,
            person,
            { sections: ['aboutMe', 'whatHelps'], reason },
            { reason: 'Check your reason' },
          );
        throw error;
      }
      return redirectWithFlash(
        c,
        '/',
        'You said no to the placement',
        'Your job coach will talk to you about other placements.',
      );
    }),
  );
  return app;
}
