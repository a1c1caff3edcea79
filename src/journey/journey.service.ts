import type { ClientSession, MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Actor, authorize, placementMatchScope } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { addDays, addMonths, cohortYearOf, daysBetween, isoDate } from '../core/dates.js';
import { isDuplicateKey } from '../core/db/mongo.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, notFound, unprocessable } from '../core/errors.js';
import type { PassportSection } from '../domain/vocabulary.js';
import { personFacts } from '../matching/facts.js';
import { hardLimitBreaks } from '../matching/hard-limit-reasons.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { PlacementsService } from '../placements/placements.service.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { PeopleFacts } from '../read-models/people.js';
import type { EmployerFact, PlacementFact, PlacementFacts } from '../read-models/placements.js';
import { placementSearchDoc } from '../search-sync/documents.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import type { youngPersonStatuses } from '../young-people/young-people.schemas.js';
import type { YoungPeopleService } from '../young-people/young-people.service.js';
import { type EarlierProposal, earlierProposalsByPlacement } from './earlier-proposals.js';
import { partiesOf, placementMatchResource } from './journey.access.js';
import {
  allowedNextSteps,
  awaitingEmployerStates,
  checkStep,
  isActive,
  type JourneyAction,
  type JourneyParty,
  type JourneyStep,
  journeyStates,
  type NextStep,
} from './journey.machine.js';
import type { ActedBy, PlacementMatch, PlacementMatchesRepository, StepFields } from './journey.repository.js';
import type { MatchEvidence, Outcome } from './journey.schemas.js';
import { type MatchView, matchView } from './journey.views.js';
import { labelsFor, type MatchLabels } from './match-labels.js';
import { followUpWindow } from './progress.js';
import { startProblems } from './start-checks.js';

/** A share made on accepting lasts at most until four weeks after the placement's planned end... */
const shareGraceDays = 28;
/** ...and at most a year, the longest the share form offers: the owner renews it when it ends (they are told 14 days before). */
const longestShareDays = 365;

/** Why a share made on accepting cannot last beyond its latest end. */
export type ShareEndLimit = 'placement_end' | 'one_year';

/** The latest day a share made on accepting this placement today may last until, and which rule sets it. */
export function latestShareEnd(
  placement: Pick<PlacementFact, 'startDate' | 'durationWeeks'>,
  today: string,
): { until: string; because: ShareEndLimit } {
  const afterPlacement = addDays(placement.startDate, placement.durationWeeks * 7 + shareGraceDays);
  const yearAway = addDays(today, longestShareDays);
  return afterPlacement <= yearAway
    ? { until: afterPlacement, because: 'placement_end' }
    : { until: yearAway, because: 'one_year' };
}

/** Shorter ends offered beside the latest when agreeing to a proposal, in months from today. */
const shorterShareMonths = [1, 3, 6] as const;

/** A day a share made on accepting can last until: a number of months from today, or the latest allowed. */
/** The job coach of a journey, as the parties to it may reach them. */
export interface JobCoachContact {
  id: string;
  name: string;
  email: string;
}

export interface ShareEndChoice {
  until: string;
  months?: number;
  because?: ShareEndLimit;
}

const readable = (state: string) => state.replaceAll('_', ' ');

/** 409: the match is not in a state that allows this; says where it is and what may happen next. */
function notNowError(state: PlacementMatch['state'], action: JourneyAction, nextSteps: NextStep[]): ApiError {
  return new ApiError(
    'conflict',
    `This placement match is ${readable(state)}, so "${readable(action)}" cannot happen now.`,
    {
      details: { state, allowedNextSteps: nextSteps },
    },
  );
}

const partyNames: Record<JourneyParty, string> = {
  job_coach: 'the job coach',
  young_person: 'the young person',
  employer: 'the employer',
};

type YoungPersonStatus = (typeof youngPersonStatuses)[number];

/**
 * The journey's writes to the placements and young-people stores, inside its own transaction. The
 * owning repositories implement them, each as one conditional update, so that the condition and the
 * change are one atomic step in MongoDB (a place is taken only while one is free, however many starts
 * arrive at once). Only these methods are handed over: the journey cannot read or write anything else
 * in those stores.
 */
export interface PlacementPlaces {
  /** Takes one free place; when that fills the placement, it becomes 'filled'. False if none was free. */
  takePlace(placementId: string, now: Date, session: ClientSession): Promise<boolean>;
  /** Gives a place back after an internship ends early; a filled placement opens again. */
  releasePlace(placementId: string, now: Date, session: ClientSession): Promise<void>;
}

export interface YoungPersonStatuses {
  /** Moves a young person from one status to another; false if they were not in `from`. */
  moveStatus(
    youngPersonId: string,
    from: YoungPersonStatus,
    to: YoungPersonStatus,
    now: Date,
    session: ClientSession,
  ): Promise<boolean>;
}

function wrongPartyError(action: JourneyAction, by: readonly JourneyParty[]): ApiError {
  return new ApiError(
    'forbidden',
    `Only ${by.map((party) => partyNames[party]).join(' or ')} can ${readable(action)} here.`,
    {
      details: { action, allowedParties: by },
    },
  );
}

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** The step a caller is about to take, with who they are in it. */
interface AuthorizedStep {
  match: PlacementMatch;
  step: JourneyStep;
  party: JourneyParty;
  by: ActedBy;
}

/**
 * The placement journey: a job coach proposes, the young person agrees (sharing what they choose
 * from their passport), the employer decides (perhaps after a taster), the internship starts,
 * is recorded week by week, and ends with an outcome and a 12-month follow-up. Every step is
 * checked against the journey table and the policy, written in one transaction with its audit entry.
 */
export class JourneyService {
  private readonly mongo: MongoClient;
  private readonly matches: PlacementMatchesRepository;
  private readonly youngPeople: YoungPeopleService;
  private readonly placements: PlacementsService;
  private readonly people: PeopleFacts;
  private readonly placementFacts: PlacementFacts;
  private readonly places: PlacementPlaces;
  private readonly statuses: YoungPersonStatuses;
  private readonly passports: PassportsService;
  private readonly outbox: SearchOutbox;
  private readonly notifications: NotificationsService;
  private readonly audit: AuditLog;
  private readonly clock: Clock;
  private readonly names: NamesReadModel;

  constructor(options: {
    mongo: MongoClient;
    matches: PlacementMatchesRepository;
    /** Profiles, read for an actor through the young-people feature's policy checks (proposing). */
    youngPeople: YoungPeopleService;
    /** Placements with their employers, read through the placements feature's policy checks. */
    placements: PlacementsService;
    /** Who a match's young person is (their provider, for the passport's policy); not their profile. */
    people: PeopleFacts;
    /** A match's placement's dates, days, places and employer. */
    placementFacts: PlacementFacts;
    places: PlacementPlaces;
    statuses: YoungPersonStatuses;
    passports: PassportsService;
    outbox: SearchOutbox;
    notifications: NotificationsService;
    audit: AuditLog;
    clock: Clock;
    names: NamesReadModel;
  }) {
    this.mongo = options.mongo;
    this.matches = options.matches;
    this.youngPeople = options.youngPeople;
    this.placements = options.placements;
    this.people = options.people;
    this.placementFacts = options.placementFacts;
    this.places = options.places;
    this.statuses = options.statuses;
    this.passports = options.passports;
    this.outbox = options.outbox;
    this.notifications = options.notifications;
    this.audit = options.audit;
    this.clock = options.clock;
    this.names = options.names;
  }

  #today(): string {
    return isoDate(this.clock.now());
  }

  async propose(
    actor: Actor,
    input: {
      youngPersonId: string;
      placementId: string;
      note: string;
      match?: MatchEvidence;
      overrideReason?: string;
      confirmRepeat?: boolean;
    },
    requestId: string,
  ): Promise<PlacementMatch> {
    const person = await this.youngPeople.get(actor, input.youngPersonId, 'young_person.read');
    const { placement, employer } = await this.placements.get(actor, input.placementId, 'placement.propose');
    authorize(
      actor,
      'placement_match.coach_act',
      placementMatchResource({
        youngPersonId: person.id,
        providerId: person.providerId,
        employerId: employer.id,
        visibleToEmployer: false,
      }),
    );
    const problems: FieldProblem[] = [];
    if (placement.status !== 'open')
      problems.push(problem('placementId', `is ${placement.status}; only open placements take proposals`));
    if (person.status !== 'active')
      problems.push(
        problem(
          'youngPersonId',
          `is ${readable(person.status)}; only young people looking for a placement can be proposed`,
        ),
      );
    if (input.match?.placementId && input.match.placementId !== placement.id)
      problems.push(problem('match.placement.id', 'is another placement than placementId'));
    if (problems.length > 0) throw unprocessable(problems);
    const broken = hardLimitBreaks(personFacts(person), placementSearchDoc(placement, employer)).filter(
      (entry) => entry.limit !== 'placement_open',
    );
    if (broken.length > 0 && !input.overrideReason) {
      throw unprocessable(
        broken.map((entry) => ({ path: `hardLimits.${entry.limit}`, message: entry.message })),
        'This placement breaks the young person’s hard limits. Choose another, or give an overrideReason saying why it is right for them.',
      );
    }
    const hardLimitOverride =
      broken.length > 0 ? { limits: broken.map((entry) => entry.limit), reason: input.overrideReason! } : undefined;
    const existing = await this.matches.activeFor(person.id, placement.id);
    if (existing) throw this.#alreadyProposed(existing);
    const earlier = earlierProposalsByPlacement(await this.matches.allOf(person.id)).get(placement.id);
    if (earlier && !input.confirmRepeat) throw this.#proposedBefore(earlier);
    const now = this.clock.now();
    try {
      return await inTransaction(this.mongo, async (session) => {
        const created = await this.matches.insert(
          {
            youngPersonId: person.id,
            providerId: person.providerId,
            jobCoachId: person.jobCoachId ?? actor.accountId,
            placementId: placement.id,
            employerId: employer.id,
            note: input.note,
            ...(hardLimitOverride ? { hardLimitOverride } : {}),
            ...(input.match ? { match: { score: input.match.score, reasons: input.match.reasons } } : {}),
            cohortYear: cohortYearOf(person.plannedStartDate),
            ...(person.localAuthority ? { localAuthority: person.localAuthority } : {}),
            sector: placement.sector,
          },
          { accountId: actor.accountId, role: actor.role },
          now,
          session,
        );
        await this.auditStep(actor, created, 'propose', requestId, session, {
          to: 'proposed',
          ...(hardLimitOverride ? { hardLimitsOverridden: hardLimitOverride.limits } : {}),
        });
        await this.notifications.proposalMade(created, session);
        return created;
      });
    } catch (error) {
      if (isDuplicateKey(error)) {
        const raced = await this.matches.activeFor(person.id, placement.id);
        if (raced) throw this.#alreadyProposed(raced);
      }
      throw error;
    }
  }

  #alreadyProposed(existing: PlacementMatch): ApiError {
    return new ApiError('conflict', 'This young person has already been proposed for this placement.', {
      details: { matchId: existing.id, state: existing.state },
    });
  }

  #proposedBefore(earlier: EarlierProposal): ApiError {
    return new ApiError(
      'conflict',
      `This young person was proposed for this placement before (it ended ${readable(earlier.state)}). To propose it again, send confirmRepeat: true.`,
      { details: { earlierProposal: earlier } },
    );
  }

  /** Loads a match the actor may read, with the sides of it they act for. */
  async get(actor: Actor, id: string): Promise<{ match: PlacementMatch; parties: JourneyParty[] }> {
    const match = await this.matches.byId(id);
    if (!match) throw notFound('Placement match');
    const resource = placementMatchResource(match);
    authorize(actor, 'placement_match.read', resource);
    return { match, parties: partiesOf(actor, resource) };
  }

  async list(
    actor: Actor,
    query: {
      state?: PlacementMatch['state'];
      /** Any of these states (the web pages' lists; the API takes one `state`). */
      states?: PlacementMatch['state'][];
      /** Only those waiting for the employer's decision (true), or only the others (false). */
      awaitingEmployer?: boolean;
      youngPersonId?: string;
      placementId?: string;
      /** Only this job coach's caseload. */
      jobCoachId?: string;
      limit: number;
      offset: number;
    },
  ) {
    const scope = placementMatchScope(actor);
    if (!scope) return { items: [], total: 0 };
    const youngPersonIds = query.youngPersonId
      ? scope.youngPersonIds && !scope.youngPersonIds.includes(query.youngPersonId)
        ? []
        : [query.youngPersonId]
      : scope.youngPersonIds;
    const states = query.state
      ? [query.state]
      : query.awaitingEmployer === undefined
        ? query.states
        : journeyStates.filter((state) => awaitingEmployerStates.includes(state) === query.awaitingEmployer);
    return this.matches.list(
      {
        ...scope,
        ...(youngPersonIds ? { youngPersonIds } : {}),
        ...(states ? { states } : {}),
        ...(query.placementId ? { placementId: query.placementId } : {}),
        ...(query.jobCoachId ? { jobCoachId: query.jobCoachId } : {}),
      },
      query,
    );
  }

  /** The names shown beside matches the caller has already been allowed to read. */
  /** The name of the job coach of a match, for telling the young person who supports them. */
  /**
   * The job coach's name and work email for a party of this journey (the caller got the match
   * through `get`, which asked the policy). An employer reaches the coach only while the journey is
   * still going somewhere; after it ends, the contact is no longer theirs to have.
   */
  async coachContact(actor: Actor, match: PlacementMatch): Promise<{ name: string; email: string } | undefined> {
    if (!match.jobCoachId) return undefined;
    if (actor.role === 'employer' && !isActive(match.state)) return undefined;
    return this.names.accountContact(match.jobCoachId);
  }

  /** The name of whoever answered the proposal, when a parent or carer answered it for the young person. */
  async answeredForYoungPersonBy(match: Pick<PlacementMatch, 'youngPersonResponse'>): Promise<string | undefined> {
    const by = match.youngPersonResponse?.by;
    if (by?.role !== 'delegate') return undefined;
    return (await this.names.accountNames([by.accountId])).get(by.accountId) ?? 'Someone who helps you';
  }

  async coachName(match: Pick<PlacementMatch, 'jobCoachId'>): Promise<string | undefined> {
    if (!match.jobCoachId) return undefined;
    return (await this.names.accountNames([match.jobCoachId])).get(match.jobCoachId);
  }

  async labels(matches: PlacementMatch[]): Promise<MatchLabels> {
    return labelsFor(matches, this.names);
  }

  /**
   * Matches the caller has been allowed to read, each as they may see it: shaped and redacted for
   * their role and the sides of the journey they act for.
   */
  async viewsOf(actor: Actor, matches: PlacementMatch[]) {
    const labels = await this.labels(matches);
    return matches.map((match) =>
      matchView(match, { role: actor.role, parties: partiesOf(actor, placementMatchResource(match)) }, labels),
    );
  }

  /** One match as the caller may see it, with the job coach's work contact while it is theirs to have. */
  async viewOf(actor: Actor, match: PlacementMatch): Promise<MatchView & { jobCoach?: JobCoachContact }> {
    const [views, coach] = await Promise.all([this.viewsOf(actor, [match]), this.coachContact(actor, match)]);
    const view = views[0]!;
    return coach && match.jobCoachId ? { ...view, jobCoach: { id: match.jobCoachId, ...coach } } : view;
  }

  /** Reads a match through the policy and returns it with its view for the caller. */
  async view(actor: Actor, id: string) {
    const { match } = await this.get(actor, id);
    return { match, view: await this.viewOf(actor, match) };
  }

  /** Checks the journey table and the policy for this actor, this action, this match, now. */
  async authorizeStep(actor: Actor, id: string, action: JourneyAction): Promise<AuthorizedStep> {
    const { match, parties } = await this.get(actor, id);
    const check = checkStep(match.state, action, parties);
    if (check.outcome === 'wrong_party') throw wrongPartyError(action, check.by);
    if (check.outcome === 'not_now') throw notNowError(check.state, action, check.allowedNextSteps);
    return {
      match,
      step: check.step,
      party: parties.find((party) => check.step.by.includes(party))!,
      by: { accountId: actor.accountId, role: actor.role },
    };
  }

  /** Moves the match along `step` inside the transaction; 409 if someone else moved it first. */
  async #move(
    actor: Actor,
    { match, step, by }: AuthorizedStep,
    set: StepFields,
    requestId: string,
    session: ClientSession,
    details: Record<string, unknown> = {},
  ): Promise<PlacementMatch> {
    const moved = await this.matches.changeState(
      match.id,
      { from: step.from, to: step.to, action: step.action, by, at: this.clock.now(), set },
      session,
    );
    if (!moved) throw await this.stateChanged(match.id, step.action, session);
    await this.auditStep(actor, moved, step.action, requestId, session, { from: step.from, to: step.to, ...details });
    return moved;
  }

  /** The audit entry of one step of a match (the journey's and the progress records'). */
  async auditStep(
    actor: Actor,
    match: PlacementMatch,
    /** A journey step, or one of the writes that are not steps: the proposal, and correcting a weekly log. */
    action: JourneyAction | 'propose' | 'correct_log',
    requestId: string,
    session: ClientSession,
    details: Record<string, unknown>,
  ) {
    await this.audit.success(
      `placement_match.${action}`,
      actor,
      {
        target: { type: 'placement_match', id: match.id },
        subjectId: match.youngPersonId,
        requestId,
        details: { placementId: match.placementId, employerId: match.employerId, ...details },
      },
      session,
    );
  }

  async #placementAndEmployer(match: PlacementMatch): Promise<{ placement: PlacementFact; employer: EmployerFact }> {
    const found = await this.placementFacts.withEmployer(match.placementId);
    if (!found) throw notFound('Placement');
    return found;
  }

  /**
   * The young person agrees, and shares exactly the chosen passport sections with the employer:
   * the consent record is made by the passports feature in the same transaction. Choosing no
   * section shares nothing and makes no consent record.
   */
  async accept(
    actor: Actor,
    id: string,
    input: { sections: PassportSection[]; purpose?: string; shareUntil?: string; shareForDays?: number },
    requestId: string,
  ) {
    const authorized = await this.authorizeStep(actor, id, 'accept');
    const { match } = authorized;
    const { placement, employer } = await this.#placementAndEmployer(match);
    if (!employer.verified)
      throw unprocessable(
        [{ path: 'placement', message: 'belongs to an employer that is no longer verified' }],
        'The employer is not verified.',
      );
    const person = await this.people.person(match.youngPersonId);
    if (!person) throw notFound('Young person');
    if (input.sections.length > 0) {
      try {
        await this.passports.authorizeShare(actor, person);
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'forbidden') throw error;
        throw new ApiError(
          'forbidden',
          'Sharing passport sections needs the young person, or a delegate allowed to share the passport.',
          {
            details: [
              {
                path: 'sections',
                in: 'body',
                message: 'cannot be shared by you; send an empty list to agree without sharing',
              },
            ],
          },
        );
      }
    }
    const purpose = (
      input.purpose ?? `So that ${employer.name} can plan the adjustments I need on the ${placement.title} placement`
    ).slice(0, 300);
    const expiresInDays = input.sections.length > 0 ? daysBetween(this.#today(), this.#shareEnd(placement, input)) : 0;
    return inTransaction(this.mongo, async (session) => {
      const share =
        input.sections.length > 0
          ? await this.passports.createShare(
              actor,
              person,
              {
                employerId: employer.id,
                employerName: employer.name,
                placementId: placement.id,
                sections: input.sections,
                purpose,
                expiresInDays,
              },
              requestId,
              session,
            )
          : undefined;
      const now = this.clock.now();
      const moved = await this.#move(
        actor,
        authorized,
        {
          visibleToEmployer: true,
          youngPersonResponse: {
            accepted: true,
            at: now,
            by: authorized.by,
            sharedSections: share?.sections ?? [],
            ...(share ? { shareId: share.id } : {}),
          },
        },
        requestId,
        session,
        { sharedSections: share?.sections ?? [], ...(share ? { shareId: share.id } : {}) },
      );
      await this.notifications.proposalAgreed(moved, share !== undefined, session);
      if (authorized.by.role === 'delegate')
        await this.notifications.proposalAnsweredForYou(
          moved,
          { accepted: true, by: authorized.by.accountId },
          session,
        );
      return moved;
    });
  }

  /**
   * The last day the share made on accepting lasts: the day chosen (`shareUntil`, or `shareForDays`
   * from today), else the latest allowed. 422 in plain words for a day in the past or beyond the latest.
   */
  #shareEnd(
    placement: Pick<PlacementFact, 'startDate' | 'durationWeeks'>,
    input: { shareUntil?: string; shareForDays?: number },
  ): string {
    const today = this.#today();
    const latest = latestShareEnd(placement, today);
    if (input.shareUntil !== undefined && input.shareForDays !== undefined)
      throw unprocessable([problem('shareForDays', 'cannot be given with shareUntil; give one of them')]);
    if (input.shareUntil === undefined && input.shareForDays === undefined)
      return latest.until > today ? latest.until : addDays(today, 1);
    const path = input.shareForDays !== undefined ? 'shareForDays' : 'shareUntil';
    const until = input.shareUntil ?? addDays(today, input.shareForDays!);
    if (until <= today)
      throw unprocessable(
        [problem(path, `must end after today (${today}); choose a later day`)],
        'The share end is in the past.',
      );
    if (until > latest.until)
      throw unprocessable(
        [
          problem(
            path,
            latest.because === 'one_year'
              ? `ends on ${until}, more than a year from today; choose ${latest.until} or earlier (the share can be renewed before it ends)`
              : `ends on ${until}, more than four weeks after the placement ends; choose ${latest.until} or earlier`,
          ),
        ],
        'The share would last too long.',
      );
    return until;
  }

  /** The days a young person can choose to share until when agreeing to this proposal: shorter ones, then the latest. */
  async shareEndChoices(match: PlacementMatch): Promise<ShareEndChoice[]> {
    const { placement } = await this.#placementAndEmployer(match);
    const today = this.#today();
    const latest = latestShareEnd(placement, today);
    const shorter = shorterShareMonths
      .map((months) => ({ until: addMonths(today, months), months }))
      .filter((choice) => choice.until < latest.until);
    return [...shorter, latest];
  }

  async decline(actor: Actor, id: string, input: { reason?: string }, requestId: string) {
    const authorized = await this.authorizeStep(actor, id, 'decline');
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.#move(
        actor,
        authorized,
        {
          youngPersonResponse: {
            accepted: false,
            at: this.clock.now(),
            by: authorized.by,
            sharedSections: [],
            ...(input.reason ? { reason: input.reason } : {}),
          },
        },
        requestId,
        session,
      );
      if (authorized.by.role === 'delegate')
        await this.notifications.proposalAnsweredForYou(
          moved,
          { accepted: false, by: authorized.by.accountId },
          session,
        );
      return moved;
    });
  }

  async arrangeTaster(
    actor: Actor,
    id: string,
    input: { kind: 'taster_day' | 'informal_interview'; date: string; place: string; notes?: string },
    requestId: string,
  ) {
    const authorized = await this.authorizeStep(actor, id, 'arrange_taster');
    if (input.date < this.#today()) throw unprocessable([problem('date', 'is in the past')]);
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.#move(
        actor,
        authorized,
        { taster: { ...input, arrangedAt: this.clock.now(), arrangedBy: authorized.by } },
        requestId,
        session,
        { kind: input.kind, date: input.date },
      );
      await this.notifications.tasterArranged(moved, input, session);
      return moved;
    });
  }

  async employerAccept(actor: Actor, id: string, input: { note?: string }, requestId: string) {
    const authorized = await this.authorizeStep(actor, id, 'employer_accept');
    const taster = authorized.match.taster;
    if (authorized.match.state === 'taster_arranged' && taster && taster.date > this.#today()) {
      throw unprocessable(
        [{ path: 'taster.date', message: `is ${taster.date}; accept after the taster, or decline now` }],
        'The taster has not happened yet.',
      );
    }
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.#move(
        actor,
        authorized,
        {
          employerDecision: {
            accepted: true,
            at: this.clock.now(),
            by: authorized.by,
            ...(input.note ? { note: input.note } : {}),
          },
        },
        requestId,
        session,
      );
      await this.notifications.employerDecided(moved, true, session);
      return moved;
    });
  }

  async employerDecline(actor: Actor, id: string, input: { reason: string }, requestId: string) {
    const authorized = await this.authorizeStep(actor, id, 'employer_decline');
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.#move(
        actor,
        authorized,
        { employerDecision: { accepted: false, at: this.clock.now(), by: authorized.by, reason: input.reason } },
        requestId,
        session,
      );
      await this.#endShare(actor, moved, requestId, session);
      await this.notifications.employerDecided(moved, false, session);
      return moved;
    });
  }

  /**
   * The first day: takes one of the placement's free places and puts the young person on
   * placement, all or nothing. Concurrent starts on the last place: one wins, the rest get 409.
   */
  async start(actor: Actor, id: string, input: { startedOn: string; earlyStartReason?: string }, requestId: string) {
    const authorized = await this.authorizeStep(actor, id, 'start');
    const { match } = authorized;
    if (input.startedOn > this.#today())
      throw unprocessable([problem('startedOn', 'is in the future; record the start on or after the first day')]);
    if (input.startedOn < isoDate(match.proposedAt))
      throw unprocessable([problem('startedOn', 'is before the proposal was made')]);
    const { placement } = await this.#placementAndEmployer(match);
    const problems = startProblems(input.startedOn, placement, input.earlyStartReason);
    if (problems.length > 0) throw unprocessable(problems, 'This start cannot be true as it stands.');
    const earlyStartReason = input.startedOn < placement.startDate ? input.earlyStartReason : undefined;
    return inTransaction(this.mongo, async (session) => {
      const now = this.clock.now();
      if (!(await this.places.takePlace(match.placementId, now, session))) {
        const placement = await this.placementFacts.placement(match.placementId, session);
        throw new ApiError('conflict', 'The placement has no free place left.', {
          details: {
            placementId: match.placementId,
            places: placement?.places,
            placesFilled: placement?.placesFilled,
            status: placement?.status,
          },
        });
      }
      if (!(await this.statuses.moveStatus(match.youngPersonId, 'active', 'on_placement', now, session))) {
        throw new ApiError(
          'conflict',
          'The young person is not free to start: they are already on a placement or have left the programme.',
          {
            details: { youngPersonId: match.youngPersonId },
          },
        );
      }
      // From its first day an internship counts in the academic year it actually started in.
      const started = {
        startedOn: input.startedOn,
        cohortYear: cohortYearOf(input.startedOn),
        ...(earlyStartReason ? { earlyStartReason } : {}),
      };
      const moved = await this.#move(actor, authorized, started, requestId, session, {
        startedOn: input.startedOn,
        ...(earlyStartReason ? { earlyStartReason } : {}),
      });
      await this.outbox.enqueue('placement', match.placementId, session);
      await this.outbox.enqueue('young_person', match.youngPersonId, session);
      return moved;
    });
  }

  async recordRotation(
    actor: Actor,
    id: string,
    input: { department: string; tasks: string[]; startDate: string; endDate?: string },
    requestId: string,
  ) {
    const { match, by } = await this.authorizeStep(actor, id, 'record_rotation');
    if (input.startDate < match.startedOn!)
      throw unprocessable([problem('startDate', `is before the internship started (${match.startedOn})`)]);
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.matches.addRotation(
        id,
        { ...input, recordedAt: this.clock.now(), recordedBy: by },
        session,
      );
      if (!updated) throw await this.stateChanged(id, 'record_rotation', session);
      await this.auditStep(actor, updated, 'record_rotation', requestId, session, { department: input.department });
      return updated;
    });
  }

  async complete(actor: Actor, id: string, input: { endedOn: string; outcome: Outcome }, requestId: string) {
    const authorized = await this.authorizeStep(actor, id, 'complete');
    const { match } = authorized;
    if (input.endedOn > this.#today())
      throw unprocessable([problem('endedOn', 'is in the future; record the end on or after the last day')]);
    if (input.endedOn < match.startedOn!)
      throw unprocessable([problem('endedOn', `is before the internship started (${match.startedOn})`)]);
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.#move(
        actor,
        authorized,
        { endedOn: input.endedOn, outcome: input.outcome },
        requestId,
        session,
        { outcome: input.outcome.type },
      );
      await this.statuses.moveStatus(match.youngPersonId, 'on_placement', 'completed', this.clock.now(), session);
      await this.outbox.enqueue('young_person', match.youngPersonId, session);
      return moved;
    });
  }

  async recordFollowUp(
    actor: Actor,
    id: string,
    input: { checkedOn: string; stillEmployed: boolean; hoursPerWeek?: number; notes?: string },
    requestId: string,
  ) {
    const authorized = await this.authorizeStep(actor, id, 'record_follow_up');
    const window = followUpWindow(authorized.match.endedOn!);
    if (this.#today() < window.opensOn) {
      throw unprocessable(
        [
          {
            path: 'endedOn',
            message: `was ${authorized.match.endedOn}; the 12-month follow-up can be recorded from ${window.opensOn}`,
          },
        ],
        'The follow-up is not due yet.',
      );
    }
    if (input.checkedOn < window.opensOn || input.checkedOn > this.#today()) {
      throw unprocessable([problem('checkedOn', `must be between ${window.opensOn} and today`)]);
    }
    return inTransaction(this.mongo, (session) =>
      this.#move(
        actor,
        authorized,
        { followUp: { ...input, recordedAt: this.clock.now(), recordedBy: authorized.by } },
        requestId,
        session,
        {
          stillEmployed: input.stillEmployed,
        },
      ),
    );
  }

  /** Either side ends the journey with a reason; a running internship gives its place back. */
  async withdraw(actor: Actor, id: string, input: { reason: string }, requestId: string) {
    const authorized = await this.authorizeStep(actor, id, 'withdraw');
    const { match, party } = authorized;
    return inTransaction(this.mongo, async (session) => {
      const now = this.clock.now();
      const moved = await this.#move(
        actor,
        authorized,
        { withdrawal: { by: authorized.by, party, reason: input.reason, at: now, fromState: match.state } },
        requestId,
        session,
        { party, fromState: match.state },
      );
      if (match.state === 'in_progress') {
        await this.places.releasePlace(match.placementId, now, session);
        await this.statuses.moveStatus(match.youngPersonId, 'on_placement', 'active', now, session);
        await this.outbox.enqueue('placement', match.placementId, session);
        await this.outbox.enqueue('young_person', match.youngPersonId, session);
      }
      await this.#endShare(actor, moved, requestId, session);
      return moved;
    });
  }

  /** The share made on accepting was for this placement; when the journey ends early, so does the share. */
  async #endShare(actor: Actor, match: PlacementMatch, requestId: string, session: ClientSession) {
    const shareId = match.youngPersonResponse?.shareId;
    if (!shareId) return;
    await this.passports.endJourneyShare(
      actor,
      {
        shareId,
        youngPersonId: match.youngPersonId,
        employerId: match.employerId,
        because: `placement_match.${match.state}`,
      },
      requestId,
      session,
    );
  }

  /** Inside a step's transaction (a weekly log, a review): 409 if the match has left `state` meanwhile. */
  async requireState(
    id: string,
    state: PlacementMatch['state'],
    action: JourneyAction,
    session: ClientSession,
  ): Promise<void> {
    const current = await this.matches.byId(id, session);
    if (current?.state !== state) throw await this.stateChanged(id, action, session);
  }

  /** The match moved on while this step was being taken: 409 with where it is now. */
  async stateChanged(id: string, action: JourneyAction, session: ClientSession): Promise<ApiError> {
    const current = await this.matches.byId(id, session);
    return current ? notNowError(current.state, action, allowedNextSteps(current.state)) : notFound('Placement match');
  }
}
