import type { Context } from 'hono';
import { sectionLabels } from '../domain/vocabulary.js';
import type { DecidedForYou } from '../journey/inbox.service.js';
import { sectionTitle } from '../web/passport-fields.js';
import { unlessAbsent } from '../web/refusals.js';
import type { WebEnv } from '../web/web.env.js';
import { longDate, type PersonPage } from '../web/young-person.js';

/** What the home of a young person (or someone acting for them) asks them to do next, and what was decided for them. */
export interface NextThing {
  text: string;
  href: string;
  why: string;
}

/** "What to do next" for a young person: proposals to answer, coach drafts, shares ending soon, a review due. */
export async function nextThings(c: Context<WebEnv>, person: PersonPage): Promise<NextThing[]> {
  const { inbox, passports } = c.var.services;
  const [items, passport, shares] = await Promise.all([
    inbox.inbox(person.actor),
    person.may('view_passport') || !person.asDelegate
      ? unlessAbsent(passports.toDo(person.actor, person.youngPersonId))
      : undefined,
    person.may('view_passport') || !person.asDelegate
      ? unlessAbsent(passports.sharesEndingSoon(person.actor, person.youngPersonId), [])
      : [],
  ]);
  const things: NextThing[] = [];
  for (const item of items) {
    if (item.kind !== 'respond_to_proposal' || item.youngPerson.id !== person.youngPersonId) continue;
    things.push({
      text: `Answer the placement proposal: ${item.placement.title} at ${item.placement.employerName}`,
      href: `/young-people/${person.youngPersonId}/proposals/${item.matchId}`,
      why: person.asDelegate
        ? `${person.Your} job coach thinks it could suit ${person.you}. Say yes or no with ${person.you}.`
        : 'Your job coach thinks it could suit you. Say yes or no.',
    });
  }
  const base = `/young-people/${person.youngPersonId}/passport`;
  if (passport) {
    const view = passport;
    if (view.pendingDrafts > 0)
      things.push({
        text: `Look at changes ${person.your} job coach suggests for ${person.your} passport`,
        href: `${base}/drafts`,
        why: person.asDelegate ? `You and ${person.you} decide if they go in.` : 'You decide if they go in.',
      });
    if (view.reviewOverdue)
      things.push({
        text: `Check ${person.your} passport is still right`,
        href: `${base}/sections/review`,
        why: 'It is time for the review.',
      });
    else if (view.reviewDueSoon && view.nextReviewDue)
      things.push({
        text: `Check ${person.your} passport soon`,
        href: `${base}/sections/review`,
        why: `The review is due on ${longDate(view.nextReviewDue)}.`,
      });
    const empty = view.emptySections.filter((section) => section !== 'myCondition');
    if (empty.length > 0)
      things.push({
        text: `Fill in ${sectionTitle(empty[0]!, person)} in ${person.your} passport`,
        href: `${base}/sections/${empty[0]}`,
        why: `It helps employers know what helps ${person.you}.`,
      });
  }
  for (const share of shares) {
    things.push({
      text: `A share of ${person.your} passport ends soon`,
      href: `${base}/shares`,
      why: `It ends on ${longDate(share.expiresAt)}. Share again if ${person.asDelegate ? `${person.you} wants` : 'you want'} them to keep reading it.`,
    });
  }
  return things;
}

/** What a parent or carer decided for the young person lately, so the young person knows and can say if it is wrong. */
export function DecidedForYouNotice(props: { decisions: DecidedForYou[]; youngPersonId: string }) {
  if (props.decisions.length === 0) return null;
  return (
    <div class="govuk-inset-text">
      <h2 class="govuk-heading-m">Decided for you</h2>
      <ul class="govuk-list govuk-list--spaced">
        {props.decisions.map((decision) =>
          decision.kind === 'shared' ? (
            <li>
              {decision.by} shared your passport with {decision.employerName} for you on {longDate(decision.at)}. They
              can read: {decision.sections.map((section) => sectionLabels[section]).join(', ')}.{' '}
              <a class="govuk-link" href={`/young-people/${props.youngPersonId}/passport/shares`}>
                See who can read your passport
              </a>
            </li>
          ) : (
            <li>
              {decision.by} said {decision.kind === 'said_yes' ? 'yes' : 'no'} to{' '}
              <a class="govuk-link" href={`/young-people/${props.youngPersonId}/proposals/${decision.matchId}`}>
                {decision.placementTitle} at {decision.employerName}
              </a>{' '}
              for you on {longDate(decision.at)}.
            </li>
          ),
        )}
      </ul>
      <p class="govuk-body">Tell your job coach if that is not right.</p>
    </div>
  );
}
