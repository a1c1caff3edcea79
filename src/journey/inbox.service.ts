import { type Actor, journeyScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { daysAfter, isoDate } from '../core/dates.js';
import type { PassportSection } from '../domain/vocabulary.js';
import { shareEndingSoonDays } from '../passports/passports.rules.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { NamesReadModel } from '../read-models/names.js';
import { type InboxItem, type InboxKind, inboxItemsFor, sortInbox } from './inbox.js';
import { journeyResource, partiesOf } from './journey.access.js';
import type { JourneyState } from './journey.machine.js';
import type { JourneysRepository } from './journey.repository.js';
import { labelsFor } from './match-labels.js';
import type { ProgressRepository } from './progress.repository.js';

/** The states in which each role can have something to do; the journey table decides the rest. */
const statesToActOn: Record<Actor['role'], JourneyState[]> = {
  young_person: ['proposed'],
  delegate: ['proposed'],
  employer: ['awaiting_employer', 'taster_arranged', 'agreed', 'in_progress'],
  job_coach: ['agreed', 'in_progress', 'completed'],
  provider_admin: [],
};

/** More than anyone can act on in a day; the inbox is a to-do list, not a report. */
const inboxMatchLimit = 500;

const titles: Record<InboxKind, string> = {
  respond_to_proposal: 'A job coach has suggested a placement. Say yes or no, and choose what to share.',
  employer_decision: 'A young person would like this placement. Offer it, say no, or arrange a taster first.',
  start_internship: 'Both sides have agreed. Record the first day when the internship starts.',
  weekly_log_due: 'Weekly log missing. Record hours, tasks and job coach support.',
  review_due: 'A progress review is due. Record it with SMART targets.',
  follow_up_due: 'The 12-month follow-up is due. Is the young person still in paid work?',
};

/** How long a young person's home shows what a parent or carer decided for them. */
export const decidedForYouShownDays = 28;

/** One thing a parent or carer decided for the young person. */
export type DecidedForYou =
  | {
      kind: 'said_yes' | 'said_no';
      by: string;
      at: Date;
      matchId: string;
      placementTitle: string;
      employerName: string;
    }
  | { kind: 'shared'; by: string; at: Date; employerName: string; sections: PassportSection[] };

export class InboxService {
  private readonly matches: JourneysRepository;
  private readonly progress: ProgressRepository;
  private readonly passports: PassportsService;
  private readonly names: NamesReadModel;
  private readonly clock: Clock;

  constructor(options: {
    matches: JourneysRepository;
    progress: ProgressRepository;
    /** Drafts and shares the caller may act on, chosen by the passports feature's policy checks. */
    passports: PassportsService;
    names: NamesReadModel;
    clock: Clock;
  }) {
    this.matches = options.matches;
    this.passports = options.passports;
    this.progress = options.progress;
    this.names = options.names;
    this.clock = options.clock;
  }

  /**
   * Passport changes a job coach proposed that the caller may accept or reject: the young person's
   * own, and those of whom a delegate acts for with `edit_passport` (the policy decides who).
   */
  async passportDrafts(actor: Actor) {
    const drafts = await this.passports.draftsToDecide(actor);
    if (drafts.length === 0) return [];
    const [names, coaches] = await Promise.all([
      this.names.youngPersonNames([...new Set(drafts.map((draft) => draft.youngPersonId))]),
      this.names.accountNames([...new Set(drafts.map((draft) => draft.proposedBy))]),
    ]);
    return drafts
      .map((draft) => ({
        kind: 'passport_draft_to_review' as const,
        title: `${coaches.get(draft.proposedBy) ?? 'A job coach'} suggested changes to the adjustments passport. Read them, then accept or reject them.`,
        draftId: draft.id,
        since: draft.proposedAt.toISOString(),
        youngPerson: { id: draft.youngPersonId, preferredName: names.get(draft.youngPersonId) ?? 'the young person' },
        sections: Object.keys(draft.sections),
      }))
      .reverse();
  }

  /**
   * Shares of the caller's passport (or of whom a delegate may share for) that end within
   * `shareEndingSoonDays`, soonest first, so the owner can renew one before it ends.
   */
  async sharesEndingSoon(actor: Actor) {
    const shares = await this.passports.sharesEndingWithin(actor, shareEndingSoonDays);
    if (shares.length === 0) return [];
    const [names, employers] = await Promise.all([
      this.names.youngPersonNames([...new Set(shares.map((share) => share.youngPersonId))]),
      this.names.employerNames([...new Set(shares.map((share) => share.employerId))]),
    ]);
    return shares.map((share) => {
      const employerName = employers.get(share.employerId) ?? 'an employer';
      return {
        kind: 'share_ending_soon' as const,
        title: `Sharing the adjustments passport with ${employerName} ends on ${isoDate(share.expiresAt)}. Renew it if they still need it.`,
        shareId: share.id,
        endsOn: isoDate(share.expiresAt),
        employerName,
        youngPerson: { id: share.youngPersonId, preferredName: names.get(share.youngPersonId) ?? 'the young person' },
      };
    });
  }

  /**
   * What a parent or carer decided for the young person (the caller) in the last
   * `decidedForYouShownDays`: proposals they answered and passport shares they made, newest first,
   * so the young person can tell their job coach when it is not what they want.
   */
  async decidedForYou(actor: Actor): Promise<DecidedForYou[]> {
    if (actor.role !== 'young_person' || !actor.youngPersonId) return [];
    const since = daysAfter(this.clock.now(), -decidedForYouShownDays);
    const [matches, shares] = await Promise.all([
      this.matches.allOf(actor.youngPersonId),
      this.passports.shares(actor, actor.youngPersonId),
    ]);
    const answered = matches.filter(
      (match) => match.youngPersonResponse?.by.role === 'delegate' && match.youngPersonResponse.at >= since,
    );
    const madeOnAnswering = new Set(answered.map((match) => match.youngPersonResponse?.shareId));
    const shared = shares.filter(
      (share) =>
        share.consent.givenBy.role === 'delegate' && share.consent.givenAt >= since && !madeOnAnswering.has(share.id),
    );
    if (answered.length === 0 && shared.length === 0) return [];
    const [labels, delegates, employers] = await Promise.all([
      labelsFor(answered, this.names),
      this.names.accountNames([
        ...answered.map((match) => match.youngPersonResponse!.by.accountId),
        ...shared.map((share) => share.consent.givenBy.accountId),
      ]),
      this.names.employerNames(shared.map((share) => share.employerId)),
    ]);
    const delegateName = (accountId: string) => delegates.get(accountId) ?? 'Someone who helps you';
    const decisions: DecidedForYou[] = [
      ...answered.map((match) => {
        const response = match.youngPersonResponse!;
        return {
          kind: response.accepted ? ('said_yes' as const) : ('said_no' as const),
          by: delegateName(response.by.accountId),
          at: response.at,
          matchId: match.id,
          placementTitle: labels.placement(match.placementId).title,
          employerName: labels.placement(match.placementId).employerName,
        };
      }),
      ...shared.map((share) => ({
        kind: 'shared' as const,
        by: delegateName(share.consent.givenBy.accountId),
        at: share.consent.givenAt,
        employerName: employers.get(share.employerId) ?? 'an employer',
        sections: share.sections,
      })),
    ];
    return decisions.sort((a, b) => b.at.getTime() - a.at.getTime());
  }

  /** What the caller must act on now, newest first. A job coach sees their own caseload. */
  async inbox(actor: Actor) {
    const scope = journeyScope(actor);
    const states = statesToActOn[actor.role];
    if (!scope || states.length === 0) return [];
    const candidates = await this.matches.find(
      { ...scope, ...(actor.role === 'job_coach' ? { jobCoachId: actor.accountId } : {}), states },
      inboxMatchLimit,
    );
    const running = candidates.filter((match) => match.state === 'in_progress').map((match) => match.id);
    const [loggedWeeks, latestReviews] = await Promise.all([
      this.progress.loggedWeeks(running),
      this.progress.latestReviews(running),
    ]);
    const today = isoDate(this.clock.now());
    const items: InboxItem[] = candidates.flatMap((match) => {
      const latestReview = latestReviews.get(match.id);
      return inboxItemsFor(match, partiesOf(actor, journeyResource(match)), today, {
        loggedWeeks: loggedWeeks.get(match.id) ?? [],
        ...(latestReview ? { latestReview } : {}),
      });
    });
    const sorted = sortInbox(items);
    const byId = new Map(candidates.map((match) => [match.id, match]));
    const labels = await labelsFor(
      sorted.map((item) => byId.get(item.matchId)!),
      this.names,
    );
    return sorted.map((item) => {
      const match = byId.get(item.matchId)!;
      return {
        kind: item.kind,
        title: titles[item.kind],
        matchId: item.matchId,
        state: match.state,
        since: item.since.toISOString(),
        youngPerson: { id: match.youngPersonId, preferredName: labels.youngPersonName(match.youngPersonId) },
        placement: { id: match.placementId, ...labels.placement(match.placementId) },
        actions: item.actions,
        ...(item.weeks ? { weeksWithoutLog: item.weeks } : {}),
        ...(item.dueOn ? { dueOn: item.dueOn } : {}),
      };
    });
  }
}
