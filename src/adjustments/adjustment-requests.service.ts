import type { ClientSession, MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Action, type Actor, authorize, decide, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, notFound } from '../core/errors.js';
import type { AdjustmentCategory } from '../domain/vocabulary.js';
import { defaultCoachAccess } from '../passports/passports.rules.js';
import type { AdjustmentJourney, AdjustmentJourneysReadModel } from '../read-models/adjustment-journeys.js';
import {
  type AdjustmentParty,
  actionsFor,
  adjustmentParties,
  helpfulAnswers,
  journeyStatesWithAdjustments,
  kindOfPassportCategory,
} from './adjustments.machine.js';
import type { ActedBy, AdjustmentRequest, AdjustmentsRepository, NewAdjustment } from './adjustments.repository.js';
import type { AddAdjustmentInput, AdjustmentView } from './adjustments.schemas.js';
import { adjustmentView, helpKey } from './adjustments.views.js';

export const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** The policy action that makes someone one side of a request. */
const partyActions: Record<AdjustmentParty, Action> = {
  employer: 'adjustment.employer_act',
  job_coach: 'adjustment.coach_act',
  young_person: 'adjustment.young_person_act',
};

/** A share of "what helps me at work", with the helps it shared: what the passports feature tells this one. */
export interface HelpsSharedEvent {
  share: {
    id: string;
    youngPersonId: string;
    providerId: string;
    employerId: string;
    placementId?: string;
    consent: { givenBy: ActedBy; givenAt: Date };
  };
  helps: { category: AdjustmentCategory; details: string; workedAt?: { employer: string; month: string }[] }[];
}

/** Where the owner's passport records that a help worked: the passports feature, with its own policy check. */
export interface KnownToWorkRecorder {
  recordKnownToWork(
    actor: Actor,
    youngPersonId: string,
    help: { category: AdjustmentCategory; details: string; employer: string; month: string },
    requestId: string,
  ): Promise<void>;
}

/** A journey loaded for one reader: the policy's resource, the reader's sides of it and what they may read. */
export interface Loaded {
  journey: AdjustmentJourney;
  resource: Extract<Resource, { type: 'adjustment' }>;
  parties: AdjustmentParty[];
  employer: boolean;
  textVisible: boolean;
  mayAddToPassport: boolean;
}

/**
 * The first layer of AdjustmentsService (adjustments.service.ts): the requests made from a share, loading a
 * journey for a reader, the views each reader gets, and the job coach adding a request. The layers after it
 * add the coach's suggestions, the steps (answer, in place, check, observation, review), the reminders
 * and, last, adding what worked to the passport.
 */
export class AdjustmentRequests {
  protected readonly mongo: MongoClient;
  protected readonly records: AdjustmentsRepository;
  protected readonly journeys: AdjustmentJourneysReadModel;
  protected readonly passports: KnownToWorkRecorder;
  protected readonly audit: AuditLog;
  protected readonly clock: Clock;

  constructor(options: {
    mongo: MongoClient;
    records: AdjustmentsRepository;
    journeys: AdjustmentJourneysReadModel;
    passports: KnownToWorkRecorder;
    audit: AuditLog;
    clock: Clock;
  }) {
    this.mongo = options.mongo;
    this.records = options.records;
    this.journeys = options.journeys;
    this.passports = options.passports;
    this.audit = options.audit;
    this.clock = options.clock;
  }

  protected today(): string {
    return londonDayAndHour(this.clock.now()).day;
  }

  /**
   * Turns the helps of a share into requests on the journeys it is for, inside the share's
   * transaction: the journey of the placement it names (also while the proposal is being
   * accepted), or else every journey with that employer that they can see. A help already on a
   * journey is not added again.
   */
  async helpsShared(event: HelpsSharedEvent, session: ClientSession): Promise<AdjustmentRequest[]> {
    const { share, helps } = event;
    if (helps.length === 0) return [];
    const journeys = (
      await this.journeys.journeysWith(share.youngPersonId, share.employerId, share.placementId)
    ).filter(
      (journey) =>
        (journeyStatesWithAdjustments as readonly string[]).includes(journey.state) ||
        (share.placementId !== undefined && journey.state === 'proposed'),
    );
    const made: AdjustmentRequest[] = [];
    for (const journey of journeys) {
      const requests: NewAdjustment[] = helps.map((help) => ({
        matchId: journey.id,
        youngPersonId: journey.youngPersonId,
        providerId: journey.providerId,
        employerId: journey.employerId,
        placementId: journey.placementId,
        kind: kindOfPassportCategory(help.category),
        text: help.details,
        source: { from: 'passport', shareId: share.id, helpKey: helpKey(help) },
        ...(help.workedAt?.length ? { knownToWork: help.workedAt } : {}),
        requestedAt: share.consent.givenAt,
        requestedBy: share.consent.givenBy,
      }));
      const inserted = await this.records.insertFromShare(requests, session);
      for (const request of inserted) {
        await this.audit.success(
          'adjustment.request',
          share.consent.givenBy,
          {
            target: { type: 'adjustment', id: request.id },
            subjectId: journey.youngPersonId,
            details: { matchId: journey.id, kind: request.kind, shareId: share.id },
          },
          session,
        );
      }
      made.push(...inserted);
    }
    return made;
  }

  protected async resource(journey: AdjustmentJourney): Promise<Extract<Resource, { type: 'adjustment' }>> {
    const [shared, coachAccess] = await Promise.all([
      this.journeys.employersSharedWith(journey.youngPersonId, this.clock.now()),
      this.journeys.coachAccess(journey.youngPersonId),
    ]);
    return {
      type: 'adjustment',
      youngPersonId: journey.youngPersonId,
      providerId: journey.providerId,
      employerId: journey.employerId,
      visibleToEmployer: journey.visibleToEmployer,
      sharedWithEmployer: shared.has(journey.employerId),
      coachAccess: coachAccess ?? defaultCoachAccess,
    };
  }

  /** The journey, the reader's sides of it and whether they may read the words; 404 for a journey not theirs. */
  protected async load(actor: Actor, matchId: string): Promise<Loaded> {
    const journey = await this.journeys.journey(matchId);
    if (!journey) throw notFound('Placement match');
    const resource = await this.resource(journey);
    if (decide(actor, 'adjustment.read', resource) === 'not_found') throw notFound('Placement match');
    authorize(actor, 'adjustment.read', resource);
    const parties = adjustmentParties.filter((party) => decide(actor, partyActions[party], resource) === 'allow');
    return {
      journey,
      resource,
      parties,
      employer: actor.role === 'employer',
      textVisible: decide(actor, 'adjustment.read_text', resource) === 'allow',
      mayAddToPassport: decide(actor, 'adjustment.add_to_passport', resource) === 'allow',
    };
  }

  protected view(request: AdjustmentRequest, loaded: Loaded): AdjustmentView {
    const waiting = request.awaitingYoungPerson === true;
    return adjustmentView(request, {
      employer: loaded.employer,
      textVisible: loaded.textVisible,
      allowedActions: waiting ? [] : actionsFor(request.state, loaded.parties),
      mayAddToPassport:
        loaded.mayAddToPassport &&
        !request.addedToPassport &&
        request.check !== undefined &&
        helpfulAnswers.includes(request.check.answer),
    });
  }

  /** Every request of the journey the reader may see: an employer does not see those still waiting for the young person. */
  async list(actor: Actor, matchId: string) {
    const loaded = await this.load(actor, matchId);
    const requests = (await this.records.ofMatch(matchId)).filter(
      (request) => !(loaded.employer && request.awaitingYoungPerson),
    );
    return {
      matchId,
      items: requests.map((request) => this.view(request, loaded)),
      textHidden: !loaded.textVisible,
    };
  }

  /**
   * The journey's checklist as a page shows it: the requests the reader may see, the names around
   * them, and which side of the journey the reader is on.
   */
  async checklist(actor: Actor, matchId: string) {
    const loaded = await this.load(actor, matchId);
    const { journey } = loaded;
    const [requests, people, employers, placements] = await Promise.all([
      this.records.ofMatch(matchId),
      this.journeys.youngPersonNames([journey.youngPersonId]),
      this.journeys.employerNames([journey.employerId]),
      this.journeys.placementTitles([journey.placementId]),
    ]);
    return {
      matchId,
      youngPersonId: journey.youngPersonId,
      youngPersonName: people.get(journey.youngPersonId) ?? 'The young person',
      employerName: employers.get(journey.employerId) ?? 'The employer',
      placementTitle: placements.get(journey.placementId) ?? 'The placement',
      parties: loaded.parties,
      asDelegate: actor.role === 'delegate',
      textHidden: !loaded.textVisible,
      today: this.today(),
      // The coach may suggest new words (or a split) while the employer has not answered, if they can read the words.
      rewordable:
        loaded.parties.includes('job_coach') && loaded.textVisible
          ? requests
              .filter((request) => request.state === 'requested' && !request.awaitingYoungPerson)
              .map((request) => request.id)
          : [],
      items: requests
        .filter((request) => !(loaded.employer && request.awaitingYoungPerson))
        .map((request) => this.view(request, loaded)),
    };
  }

  protected async loadRequest(
    loaded: Loaded,
    adjustmentId: string,
    session?: ClientSession,
  ): Promise<AdjustmentRequest> {
    const request = await this.records.byId(adjustmentId, session);
    if (!request || request.matchId !== loaded.journey.id || (loaded.employer && request.awaitingYoungPerson))
      throw notFound('Adjustment');
    return request;
  }

  async one(actor: Actor, matchId: string, adjustmentId: string): Promise<AdjustmentView> {
    const loaded = await this.load(actor, matchId);
    return this.view(await this.loadRequest(loaded, adjustmentId), loaded);
  }

  protected requireParty(loaded: Loaded, party: AdjustmentParty, message: string) {
    if (!loaded.parties.includes(party)) throw new ApiError('forbidden', message);
  }

  protected requireJourneyOpen(journey: AdjustmentJourney) {
    if (!(journeyStatesWithAdjustments as readonly string[]).includes(journey.state))
      throw new ApiError(
        'conflict',
        `The placement journey is ${journey.state.replaceAll('_', ' ')}: adjustments can be changed only while the employer is deciding or the placement is agreed or under way.`,
      );
  }

  protected by(actor: Actor): ActedBy {
    return { accountId: actor.accountId, role: actor.role };
  }

  protected async writeAudit(
    actor: Actor,
    action: Parameters<AuditLog['success']>[0],
    request: AdjustmentRequest,
    requestId: string,
    session: ClientSession,
    details: Record<string, unknown> = {},
  ) {
    await this.audit.success(
      action,
      actor,
      {
        target: { type: 'adjustment', id: request.id },
        subjectId: request.youngPersonId,
        requestId,
        details: { matchId: request.matchId, ...details },
      },
      session,
    );
  }

  /** The job coach adds a request; it waits for the young person to agree before the employer sees it. */
  async add(actor: Actor, matchId: string, input: AddAdjustmentInput, requestId: string): Promise<AdjustmentView> {
    const loaded = await this.load(actor, matchId);
    this.requireParty(loaded, 'job_coach', 'Only the young person’s job coach can add an adjustment request.');
    this.requireJourneyOpen(loaded.journey);
    const { journey } = loaded;
    const request = await inTransaction(this.mongo, async (session) => {
      const made = await this.records.insert(
        {
          matchId,
          youngPersonId: journey.youngPersonId,
          providerId: journey.providerId,
          employerId: journey.employerId,
          placementId: journey.placementId,
          kind: input.kind,
          text: input.text,
          source: { from: 'job_coach' },
          awaitingYoungPerson: true,
          requestedAt: this.clock.now(),
          requestedBy: this.by(actor),
        },
        session,
      );
      await this.writeAudit(actor, 'adjustment.add', made, requestId, session, { kind: input.kind });
      return made;
    });
    return this.view(request, loaded);
  }

  protected movedMeanwhile() {
    return new ApiError('conflict', 'Someone changed this adjustment at the same time; load it again and retry.');
  }
}
