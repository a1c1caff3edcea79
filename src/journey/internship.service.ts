import type { ClientSession, MongoClient } from 'mongodb';
import type { Actor } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { cohortYearOf, isoDate } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, unprocessable } from '../core/errors.js';
import type { PassportsService } from '../passports/passports.service.js';
import type { PlacementFacts } from '../read-models/placements.js';
import type { SearchOutbox } from '../search-sync/outbox.js';
import type { youngPersonStatuses } from '../young-people/young-people.schemas.js';
import type { JourneysRepository } from './journey.repository.js';
import type { Outcome } from './journey.schemas.js';
import { bodyProblem } from './journey-errors.js';
import { endJourneyShare } from './journey-share.js';
import type { JourneySteps } from './journey-steps.service.js';
import { followUpWindow } from './progress.js';
import { startProblems } from './start-checks.js';

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

export interface StartInput {
  startedOn: string;
  earlyStartReason?: string;
}

export interface RotationInput {
  department: string;
  tasks: string[];
  startDate: string;
  endDate?: string;
}

export interface FollowUpInput {
  checkedOn: string;
  stillEmployed: boolean;
  hoursPerWeek?: number;
  notes?: string;
}

/**
 * The internship itself: its first day (taking a place), its rotations, its end with the outcome,
 * the 12-month follow-up, and withdrawing, which gives a running internship's place back.
 */
export class InternshipService {
  private readonly mongo: MongoClient;
  private readonly matches: JourneysRepository;
  private readonly steps: JourneySteps;
  private readonly placementFacts: PlacementFacts;
  private readonly places: PlacementPlaces;
  private readonly statuses: YoungPersonStatuses;
  private readonly passports: PassportsService;
  private readonly outbox: SearchOutbox;
  private readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    matches: JourneysRepository;
    steps: JourneySteps;
    placementFacts: PlacementFacts;
    places: PlacementPlaces;
    statuses: YoungPersonStatuses;
    passports: PassportsService;
    outbox: SearchOutbox;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.matches = options.matches;
    this.steps = options.steps;
    this.placementFacts = options.placementFacts;
    this.places = options.places;
    this.statuses = options.statuses;
    this.passports = options.passports;
    this.outbox = options.outbox;
    this.clock = options.clock;
  }

  /**
   * The first day: takes one of the placement's free places and puts the young person on
   * placement, all or nothing. Concurrent starts on the last place: one wins, the rest get 409.
   */
  async start(actor: Actor, id: string, input: StartInput, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'start');
    const { match } = authorized;
    if (input.startedOn > this.steps.today())
      throw unprocessable([bodyProblem('startedOn', 'is in the future; record the start on or after the first day')]);
    if (input.startedOn < isoDate(match.proposedAt))
      throw unprocessable([bodyProblem('startedOn', 'is before the proposal was made')]);
    const { placement } = await this.steps.placementOf(match);
    const problems = startProblems(input.startedOn, placement, input.earlyStartReason);
    if (problems.length > 0) throw unprocessable(problems, 'This start cannot be true as it stands.');
    const earlyStartReason = input.startedOn < placement.startDate ? input.earlyStartReason : undefined;
    return inTransaction(this.mongo, async (session) => {
      const now = this.clock.now();
      await this.#takePlace(match.placementId, now, session);
      await this.#putOnPlacement(match.youngPersonId, now, session);
      // From its first day an internship counts in the academic year it actually started in.
      const started = {
        startedOn: input.startedOn,
        cohortYear: cohortYearOf(input.startedOn),
        ...(earlyStartReason ? { earlyStartReason } : {}),
      };
      const moved = await this.steps.move(actor, authorized, started, requestId, session, {
        startedOn: input.startedOn,
        ...(earlyStartReason ? { earlyStartReason } : {}),
      });
      await this.outbox.enqueue('placement', match.placementId, session);
      await this.outbox.enqueue('young_person', match.youngPersonId, session);
      return moved;
    });
  }

  /** 409 with the placement's places when none is free. */
  async #takePlace(placementId: string, now: Date, session: ClientSession): Promise<void> {
    if (await this.places.takePlace(placementId, now, session)) return;
    const placement = await this.placementFacts.placement(placementId, session);
    throw new ApiError('conflict', 'The placement has no free place left.', {
      details: {
        placementId,
        places: placement?.places,
        placesFilled: placement?.placesFilled,
        status: placement?.status,
      },
    });
  }

  /** 409 when the young person is already on a placement or has left the programme. */
  async #putOnPlacement(youngPersonId: string, now: Date, session: ClientSession): Promise<void> {
    if (await this.statuses.moveStatus(youngPersonId, 'active', 'on_placement', now, session)) return;
    throw new ApiError(
      'conflict',
      'The young person is not free to start: they are already on a placement or have left the programme.',
      {
        details: { youngPersonId },
      },
    );
  }

  async recordRotation(actor: Actor, id: string, input: RotationInput, requestId: string) {
    const { match, by } = await this.steps.authorizeStep(actor, id, 'record_rotation');
    if (input.startDate < match.startedOn!)
      throw unprocessable([bodyProblem('startDate', `is before the internship started (${match.startedOn})`)]);
    return inTransaction(this.mongo, async (session) => {
      const updated = await this.matches.addRotation(
        id,
        { ...input, recordedAt: this.clock.now(), recordedBy: by },
        session,
      );
      if (!updated) throw await this.steps.stateChanged(id, 'record_rotation', session);
      await this.steps.auditStep(actor, updated, 'record_rotation', requestId, session, {
        department: input.department,
      });
      return updated;
    });
  }

  async complete(actor: Actor, id: string, input: { endedOn: string; outcome: Outcome }, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'complete');
    const { match } = authorized;
    if (input.endedOn > this.steps.today())
      throw unprocessable([bodyProblem('endedOn', 'is in the future; record the end on or after the last day')]);
    if (input.endedOn < match.startedOn!)
      throw unprocessable([bodyProblem('endedOn', `is before the internship started (${match.startedOn})`)]);
    return inTransaction(this.mongo, async (session) => {
      const moved = await this.steps.move(
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

  async recordFollowUp(actor: Actor, id: string, input: FollowUpInput, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'record_follow_up');
    const window = followUpWindow(authorized.match.endedOn!);
    const today = this.steps.today();
    if (today < window.opensOn) {
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
    if (input.checkedOn < window.opensOn || input.checkedOn > today) {
      throw unprocessable([bodyProblem('checkedOn', `must be between ${window.opensOn} and today`)]);
    }
    return inTransaction(this.mongo, (session) =>
      this.steps.move(
        actor,
        authorized,
        { followUp: { ...input, recordedAt: this.clock.now(), recordedBy: authorized.by } },
        requestId,
        session,
        { stillEmployed: input.stillEmployed },
      ),
    );
  }

  /** Either side ends the journey with a reason; a running internship gives its place back. */
  async withdraw(actor: Actor, id: string, input: { reason: string }, requestId: string) {
    const authorized = await this.steps.authorizeStep(actor, id, 'withdraw');
    const { match, party } = authorized;
    return inTransaction(this.mongo, async (session) => {
      const now = this.clock.now();
      const moved = await this.steps.move(
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
      await endJourneyShare(this.passports, actor, moved, requestId, session);
      return moved;
    });
  }
}
