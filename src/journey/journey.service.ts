import type { ClientSession, MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { Actor } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import type { NotificationsService } from '../notifications/notifications.service.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { PlacementsService } from '../placements/placements.service.js';
import type { NamesReadModel } from '../read-models/names.js';
import type { PeopleFacts } from '../read-models/people.js';
import type { PlacementFacts } from '../read-models/placements.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import type { YoungPeopleService } from '../young-people/young-people.service.js';
import { type AcceptInput, AnswersService, type TasterInput } from './answers.service.js';
import {
  type FollowUpInput,
  InternshipService,
  type PlacementPlaces,
  type RotationInput,
  type StartInput,
  type YoungPersonStatuses,
} from './internship.service.js';
import type { JourneyAction } from './journey.machine.js';
import type { Journey, JourneysRepository } from './journey.repository.js';
import type { Outcome } from './journey.schemas.js';
import { JourneyReadingService, type MatchListQuery } from './journey-reading.service.js';
import { type AuditedAction, JourneySteps } from './journey-steps.service.js';
import { type ProposalInput, ProposingService } from './proposing.service.js';

export type { ShareEndChoice } from './journey-share.js';
export { latestShareEnd } from './journey-share.js';

/**
 * The placement journey: a job coach proposes, the young person agrees (sharing what they choose
 * from their passport), the employer decides (perhaps after a taster), the internship starts,
 * is recorded week by week, and ends with an outcome and a 12-month follow-up. Every step is
 * checked against the journey table and the policy, written in one transaction with its audit entry.
 * One service for its callers, made of one part for each stage (proposing, the answers, the
 * internship) and one for reading, which share the checks every step goes through.
 */
export class JourneyService {
  readonly #steps: JourneySteps;
  readonly #reading: JourneyReadingService;
  readonly #proposing: ProposingService;
  readonly #answers: AnswersService;
  readonly #internship: InternshipService;

  constructor(options: {
    mongo: MongoClient;
    matches: JourneysRepository;
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
    const { mongo, matches, notifications, clock } = options;
    const steps = new JourneySteps({ matches, placementFacts: options.placementFacts, audit: options.audit, clock });
    this.#steps = steps;
    this.#reading = new JourneyReadingService({ matches, steps, names: options.names });
    this.#proposing = new ProposingService({
      mongo,
      matches,
      youngPeople: options.youngPeople,
      placements: options.placements,
      steps,
      notifications,
      clock,
    });
    this.#answers = new AnswersService({
      mongo,
      steps,
      people: options.people,
      passports: options.passports,
      notifications,
      clock,
    });
    this.#internship = new InternshipService({ ...options, steps });
  }

  propose(actor: Actor, input: ProposalInput, requestId: string): Promise<Journey> {
    return this.#proposing.propose(actor, input, requestId);
  }

  /** Loads a match the actor may read, with the sides of it they act for. */
  get(actor: Actor, id: string) {
    return this.#steps.get(actor, id);
  }

  list(actor: Actor, query: MatchListQuery) {
    return this.#reading.list(actor, query);
  }

  coachContact(actor: Actor, match: Journey) {
    return this.#reading.coachContact(actor, match);
  }

  answeredForYoungPersonBy(match: Pick<Journey, 'youngPersonResponse'>) {
    return this.#reading.answeredForYoungPersonBy(match);
  }

  coachName(match: Pick<Journey, 'jobCoachId'>) {
    return this.#reading.coachName(match);
  }

  labels(matches: Journey[]) {
    return this.#reading.labels(matches);
  }

  viewsOf(actor: Actor, matches: Journey[]) {
    return this.#reading.viewsOf(actor, matches);
  }

  viewOf(actor: Actor, match: Journey) {
    return this.#reading.viewOf(actor, match);
  }

  view(actor: Actor, id: string) {
    return this.#reading.view(actor, id);
  }

  /** Checks the journey table and the policy for this actor, this action, this match, now. */
  authorizeStep(actor: Actor, id: string, action: JourneyAction) {
    return this.#steps.authorizeStep(actor, id, action);
  }

  /** The audit entry of one step of a match (the journey's and the progress records'). */
  auditStep(
    actor: Actor,
    match: Journey,
    action: AuditedAction,
    requestId: string,
    session: ClientSession,
    details: Record<string, unknown>,
  ) {
    return this.#steps.auditStep(actor, match, action, requestId, session, details);
  }

  /** Inside a step's transaction (a weekly log, a review): 409 if the match has left `state` meanwhile. */
  requireState(id: string, state: Journey['state'], action: JourneyAction, session: ClientSession) {
    return this.#steps.requireState(id, state, action, session);
  }

  accept(actor: Actor, id: string, input: AcceptInput, requestId: string) {
    return this.#answers.accept(actor, id, input, requestId);
  }

  shareEndChoices(match: Journey) {
    return this.#answers.shareEndChoices(match);
  }

  decline(actor: Actor, id: string, input: { reason?: string }, requestId: string) {
    return this.#answers.decline(actor, id, input, requestId);
  }

  arrangeTaster(actor: Actor, id: string, input: TasterInput, requestId: string) {
    return this.#answers.arrangeTaster(actor, id, input, requestId);
  }

  employerAccept(actor: Actor, id: string, input: { note?: string }, requestId: string) {
    return this.#answers.employerAccept(actor, id, input, requestId);
  }

  employerDecline(actor: Actor, id: string, input: { reason: string }, requestId: string) {
    return this.#answers.employerDecline(actor, id, input, requestId);
  }

  start(actor: Actor, id: string, input: StartInput, requestId: string) {
    return this.#internship.start(actor, id, input, requestId);
  }

  recordRotation(actor: Actor, id: string, input: RotationInput, requestId: string) {
    return this.#internship.recordRotation(actor, id, input, requestId);
  }

  complete(actor: Actor, id: string, input: { endedOn: string; outcome: Outcome }, requestId: string) {
    return this.#internship.complete(actor, id, input, requestId);
  }

  recordFollowUp(actor: Actor, id: string, input: FollowUpInput, requestId: string) {
    return this.#internship.recordFollowUp(actor, id, input, requestId);
  }

  withdraw(actor: Actor, id: string, input: { reason: string }, requestId: string) {
    return this.#internship.withdraw(actor, id, input, requestId);
  }
}
