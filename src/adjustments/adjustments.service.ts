import type { ClientSession, MongoClient } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import { type Action, type Actor, authorize, decide, type Resource } from '../auth/policy.js';
import type { Clock } from '../core/clock.js';
import { addDays, londonDayAndHour } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, type FieldProblem, notFound, unprocessable, validationFailed } from '../core/errors.js';
import type { AdjustmentCategory } from '../domain/vocabulary.js';
import { defaultCoachAccess } from '../passports/passports.rules.js';
import type { AdjustmentJourney, AdjustmentJourneysReadModel } from '../read-models/adjustment-journeys.js';
import { type AdjustmentInboxTask, adjustmentTaskTitle } from './adjustments.inbox.js';
import {
  type AdjustmentAction,
  type AdjustmentParty,
  type AdjustmentState,
  actionsFor,
  addWorkingDays,
  adjustmentParties,
  answerReminderWorkingDays,
  checkAdjustmentStep,
  checkWindowDays,
  helpfulAnswers,
  journeyStatesForInPlace,
  journeyStatesWithAdjustments,
  kindOfPassportCategory,
  notNowReason,
  passportCategoryOfKind,
  stateAfterReview,
} from './adjustments.machine.js';
import type {
  ActedBy,
  AdjustmentChange,
  AdjustmentRequest,
  AdjustmentsRepository,
  NewAdjustment,
} from './adjustments.repository.js';
import type {
  AddAdjustmentInput,
  AdjustmentView,
  AnswerAdjustmentInput,
  CheckInput,
  ReviewInput,
  SuggestAdjustmentInput,
} from './adjustments.schemas.js';
import { adjustmentView, helpKey } from './adjustments.views.js';

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

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

/** A reminder the daily run sends: to the employer's staff, or (a check) to the young person. */
export interface AdjustmentReminder {
  kind: 'adjustment_answer_due' | 'adjustment_overdue' | 'adjustment_check_due';
  matchId: string;
  youngPersonId: string;
  employerId: string;
  placementId: string;
  providerId: string;
  /** What makes this reminder once: the request (or journey) and the day it is about. */
  occurrence: string;
  youngPersonName: string;
  employerName: string;
  placementTitle: string;
}

interface Loaded {
  journey: AdjustmentJourney;
  resource: Extract<Resource, { type: 'adjustment' }>;
  parties: AdjustmentParty[];
  employer: boolean;
  textVisible: boolean;
  mayAddToPassport: boolean;
}

/**
 * Adjustments that happen: each help a young person shares with an employer becomes a request on
 * the journey; the employer agrees (who, by when, who pays) or says it is not possible (why, and an
 * alternative), then records it in place; the young person says whether it helps; the job coach
 * records what they saw and reviews it every 6 weeks. What is asked of whom, when, is the table in
 * adjustments.machine.ts; who is who is the policy's. The words never reach a log, an index or an email.
 */
export class AdjustmentsService {
  private readonly mongo: MongoClient;
  private readonly records: AdjustmentsRepository;
  private readonly journeys: AdjustmentJourneysReadModel;
  private readonly passports: KnownToWorkRecorder;
  private readonly audit: AuditLog;
  private readonly clock: Clock;

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

  #today(): string {
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

  async #resource(journey: AdjustmentJourney): Promise<Extract<Resource, { type: 'adjustment' }>> {
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
  async #load(actor: Actor, matchId: string): Promise<Loaded> {
    const journey = await this.journeys.journey(matchId);
    if (!journey) throw notFound('Placement match');
    const resource = await this.#resource(journey);
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

  #view(request: AdjustmentRequest, loaded: Loaded): AdjustmentView {
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
    const loaded = await this.#load(actor, matchId);
    const requests = (await this.records.ofMatch(matchId)).filter(
      (request) => !(loaded.employer && request.awaitingYoungPerson),
    );
    return {
      matchId,
      items: requests.map((request) => this.#view(request, loaded)),
      textHidden: !loaded.textVisible,
    };
  }

  /**
   * The journey's checklist as a page shows it: the requests the reader may see, the names around
   * them, and which side of the journey the reader is on.
   */
  async checklist(actor: Actor, matchId: string) {
    const loaded = await this.#load(actor, matchId);
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
      today: this.#today(),
      // The coach may suggest new words (or a split) while the employer has not answered, if they can read the words.
      rewordable:
        loaded.parties.includes('job_coach') && loaded.textVisible
          ? requests
              .filter((request) => request.state === 'requested' && !request.awaitingYoungPerson)
              .map((request) => request.id)
          : [],
      items: requests
        .filter((request) => !(loaded.employer && request.awaitingYoungPerson))
        .map((request) => this.#view(request, loaded)),
    };
  }

  /**
   * What needs an employer's staff on their home page: per journey, the requests waiting for their
   * answer and the agreed ones past their date. Counts only, so the home page holds no young person's words.
   */
  async employerToDo(actor: Actor) {
    if (actor.role !== 'employer' || !actor.employerId) return [];
    const requests = await this.records.find({ employerId: actor.employerId, states: ['requested', 'agreed'] });
    const today = this.#today();
    const byMatch = new Map<string, { waiting: number; late: number; youngPersonId: string; placementId: string }>();
    for (const request of requests) {
      if (request.awaitingYoungPerson) continue;
      const late = request.state === 'agreed' && request.agreed!.byDate < today;
      if (request.state !== 'requested' && !late) continue;
      const entry = byMatch.get(request.matchId) ?? {
        waiting: 0,
        late: 0,
        youngPersonId: request.youngPersonId,
        placementId: request.placementId,
      };
      if (request.state === 'requested') entry.waiting += 1;
      else entry.late += 1;
      byMatch.set(request.matchId, entry);
    }
    const journeys = await Promise.all([...byMatch.keys()].map((id) => this.journeys.journey(id)));
    const visible = journeys.filter(
      (journey): journey is AdjustmentJourney =>
        journey?.visibleToEmployer === true &&
        (journeyStatesWithAdjustments as readonly string[]).includes(journey.state),
    );
    const [people, placements] = await Promise.all([
      this.journeys.youngPersonNames(visible.map((journey) => journey.youngPersonId)),
      this.journeys.placementTitles(visible.map((journey) => journey.placementId)),
    ]);
    return visible.map((journey) => ({
      matchId: journey.id,
      youngPersonName: people.get(journey.youngPersonId) ?? 'A young person',
      placementTitle: placements.get(journey.placementId) ?? 'a placement',
      waiting: byMatch.get(journey.id)!.waiting,
      late: byMatch.get(journey.id)!.late,
      path: `/journeys/${journey.id}/adjustments`,
    }));
  }

  async #request(loaded: Loaded, adjustmentId: string, session?: ClientSession): Promise<AdjustmentRequest> {
    const request = await this.records.byId(adjustmentId, session);
    if (!request || request.matchId !== loaded.journey.id || (loaded.employer && request.awaitingYoungPerson))
      throw notFound('Adjustment');
    return request;
  }

  async one(actor: Actor, matchId: string, adjustmentId: string): Promise<AdjustmentView> {
    const loaded = await this.#load(actor, matchId);
    return this.#view(await this.#request(loaded, adjustmentId), loaded);
  }

  #requireParty(loaded: Loaded, party: AdjustmentParty, message: string) {
    if (!loaded.parties.includes(party)) throw new ApiError('forbidden', message);
  }

  #requireJourneyOpen(journey: AdjustmentJourney) {
    if (!(journeyStatesWithAdjustments as readonly string[]).includes(journey.state))
      throw new ApiError(
        'conflict',
        `The placement journey is ${journey.state.replaceAll('_', ' ')}: adjustments can be changed only while the employer is deciding or the placement is agreed or under way.`,
      );
  }

  #by(actor: Actor): ActedBy {
    return { accountId: actor.accountId, role: actor.role };
  }

  async #audit(
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
    const loaded = await this.#load(actor, matchId);
    this.#requireParty(loaded, 'job_coach', 'Only the young person’s job coach can add an adjustment request.');
    this.#requireJourneyOpen(loaded.journey);
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
          requestedBy: this.#by(actor),
        },
        session,
      );
      await this.#audit(actor, 'adjustment.add', made, requestId, session, { kind: input.kind });
      return made;
    });
    return this.#view(request, loaded);
  }

  /** The job coach suggests new words (one part) or a split (several); the young person decides. */
  async suggest(
    actor: Actor,
    matchId: string,
    adjustmentId: string,
    input: SuggestAdjustmentInput,
    requestId: string,
  ): Promise<AdjustmentView> {
    const loaded = await this.#load(actor, matchId);
    this.#requireParty(loaded, 'job_coach', 'Only the young person’s job coach can suggest new words.');
    const request = await this.#request(loaded, adjustmentId);
    if (request.state !== 'requested')
      throw new ApiError(
        'conflict',
        'The employer has already answered this request; suggest new words at a review (change) instead.',
      );
    const moved = await inTransaction(this.mongo, async (session) => {
      const saved = await this.records.move(
        request.id,
        'requested',
        { suggestion: { parts: input.parts, by: this.#by(actor), at: this.clock.now() } },
        this.clock.now(),
        session,
      );
      if (!saved) throw this.#movedMeanwhile();
      await this.#audit(actor, 'adjustment.suggest', saved, requestId, session, { parts: input.parts.length });
      return saved;
    });
    return this.#view(moved, loaded);
  }

  /** The young person agrees to the coach's words (or added request) or says no. */
  async decideSuggestion(
    actor: Actor,
    matchId: string,
    adjustmentId: string,
    decision: 'agree' | 'decline',
    requestId: string,
  ): Promise<AdjustmentView> {
    const loaded = await this.#load(actor, matchId);
    const request = await this.#request(loaded, adjustmentId);
    this.#requireParty(
      loaded,
      'young_person',
      'Only the young person, or someone allowed to answer for them, can decide.',
    );
    if (!request.awaitingYoungPerson && !request.suggestion)
      throw new ApiError('conflict', 'There is no suggestion on this adjustment to decide.');
    if (request.state !== 'requested')
      throw new ApiError('conflict', 'The employer has already answered this request.');
    const now = this.clock.now();
    const result = await inTransaction(this.mongo, async (session) => {
      if (request.awaitingYoungPerson) {
        if (decision === 'decline') {
          if (!(await this.records.deleteAwaiting(request.id, session))) throw this.#movedMeanwhile();
          await this.#audit(actor, 'adjustment.suggestion_decline', request, requestId, session);
          return { ...request, awaitingYoungPerson: false };
        }
        const saved = await this.records.move(request.id, 'requested', { awaitingYoungPerson: false }, now, session);
        if (!saved) throw this.#movedMeanwhile();
        await this.#audit(actor, 'adjustment.suggestion_agree', saved, requestId, session);
        return saved;
      }
      if (decision === 'decline') {
        const saved = await this.records.move(request.id, 'requested', {}, now, session, { unset: ['suggestion'] });
        if (!saved) throw this.#movedMeanwhile();
        await this.#audit(actor, 'adjustment.suggestion_decline', saved, requestId, session);
        return saved;
      }
      const [first, ...rest] = request.suggestion!.parts;
      const saved = await this.records.move(
        request.id,
        'requested',
        { kind: first!.kind, text: first!.text },
        now,
        session,
        { unset: ['suggestion'] },
      );
      if (!saved) throw this.#movedMeanwhile();
      for (const part of rest) {
        await this.records.insert(
          {
            matchId,
            youngPersonId: request.youngPersonId,
            providerId: request.providerId,
            employerId: request.employerId,
            placementId: request.placementId,
            kind: part.kind,
            text: part.text,
            source: { from: 'split', adjustmentId: request.id },
            requestedAt: now,
            requestedBy: this.#by(actor),
          },
          session,
        );
      }
      await this.#audit(actor, 'adjustment.suggestion_agree', saved, requestId, session, { parts: 1 + rest.length });
      return saved;
    });
    return this.#view(result, loaded);
  }

  #movedMeanwhile() {
    return new ApiError('conflict', 'Someone changed this adjustment at the same time; load it again and retry.');
  }

  /** Checks the table for `action` on this request: 403 for the wrong side, 409 when not now. */
  #checkStep(loaded: Loaded, request: AdjustmentRequest, action: AdjustmentAction) {
    if (request.awaitingYoungPerson)
      throw new ApiError('conflict', 'This request is waiting for the young person to agree to it.');
    const check = checkAdjustmentStep(request.state, action, loaded.parties);
    if (check.outcome === 'wrong_party')
      throw new ApiError(
        'forbidden',
        `Only ${check.by.map((party) => party.replace('_', ' ')).join(' or ')} can do this.`,
      );
    if (check.outcome === 'not_now')
      throw new ApiError('conflict', notNowReason(request.state, action), {
        details: { state: check.state, allowedNextSteps: check.allowedNextSteps },
      });
    return check.step;
  }

  async #step(
    actor: Actor,
    matchId: string,
    adjustmentId: string,
    action: AdjustmentAction,
    requestId: string,
    build: (
      request: AdjustmentRequest,
      loaded: Loaded,
    ) => {
      change: AdjustmentChange;
      push?: { observations?: unknown; reviews?: unknown };
      unset?: readonly (keyof AdjustmentChange)[];
      details?: Record<string, unknown>;
    },
  ): Promise<AdjustmentView> {
    const loaded = await this.#load(actor, matchId);
    const request = await this.#request(loaded, adjustmentId);
    const step = this.#checkStep(loaded, request, action);
    this.#requireJourneyOpen(loaded.journey);
    const { change, push, unset, details } = build(request, loaded);
    const moved = await inTransaction(this.mongo, async (session) => {
      const saved = await this.records.move(
        request.id,
        step.from,
        { ...change, state: change.state ?? step.to },
        this.clock.now(),
        session,
        { ...(push ? { push } : {}), ...(unset ? { unset: [...unset] } : {}) },
      );
      if (!saved) throw this.#movedMeanwhile();
      await this.#audit(actor, `adjustment.${action}`, saved, requestId, session, {
        from: step.from,
        to: saved.state,
        ...details,
      });
      return saved;
    });
    return this.#view(moved, loaded);
  }

  /** The employer's answer: agreed (who, by when, who pays) or not possible (why, and an alternative). */
  async answer(
    actor: Actor,
    matchId: string,
    adjustmentId: string,
    input: AnswerAdjustmentInput,
    requestId: string,
  ): Promise<AdjustmentView> {
    const action: AdjustmentAction = input.answer === 'agreed' ? 'agree' : 'decline';
    return this.#step(actor, matchId, adjustmentId, action, requestId, () => {
      const by = this.#by(actor);
      const at = this.clock.now();
      if (input.answer === 'not_possible') {
        if (!input.reason) throw validationFailed([problem('reason', 'is required when the answer is not_possible')]);
        for (const field of ['who', 'byDate', 'payer', 'accessToWorkLine'] as const)
          if (input[field] !== undefined)
            throw validationFailed([problem(field, 'is only for an agreed adjustment; leave it out')]);
        return {
          change: {
            notPossible: {
              reason: input.reason,
              ...(input.alternative ? { alternative: input.alternative } : {}),
              by,
              at,
            },
          },
        };
      }
      const missing: (keyof AnswerAdjustmentInput)[] = (['who', 'byDate', 'payer'] as const).filter(
        (field) => input[field] === undefined,
      );
      if (input.payer === 'access_to_work' && !input.accessToWorkLine) missing.push('accessToWorkLine');
      if (missing.length > 0)
        throw validationFailed(
          missing.map((field) =>
            problem(
              field,
              field === 'accessToWorkLine'
                ? 'is required when Access to Work pays: name the line of the award'
                : 'is required when the answer is agreed',
            ),
          ),
        );
      for (const field of ['reason', 'alternative'] as const)
        if (input[field] !== undefined)
          throw validationFailed([problem(field, 'is only for an adjustment that is not possible; leave it out')]);
      if (input.byDate! < this.#today())
        throw unprocessable([problem('byDate', `is in the past; choose ${this.#today()} or later`)]);
      return {
        change: {
          agreed: {
            who: input.who!,
            byDate: input.byDate!,
            payer: input.payer!,
            ...(input.payer === 'access_to_work' ? { accessToWorkLine: input.accessToWorkLine! } : {}),
            by,
            at,
          },
        },
        details: { answer: input.answer, payer: input.payer },
      };
    });
  }

  /** The employer (or the job coach, who is there) records the day it was in place. */
  async putInPlace(actor: Actor, matchId: string, adjustmentId: string, inPlaceOn: string, requestId: string) {
    return this.#step(actor, matchId, adjustmentId, 'put_in_place', requestId, (_request, loaded) => {
      const { journey } = loaded;
      if (!(journeyStatesForInPlace as readonly string[]).includes(journey.state) || !journey.agreedOn)
        throw new ApiError('conflict', 'The placement is not agreed yet, so nothing can be in place.');
      if (inPlaceOn < journey.agreedOn)
        throw unprocessable([
          problem('inPlaceOn', `is before the placement was agreed on ${journey.agreedOn}; give that day or later`),
        ]);
      if (inPlaceOn > this.#today())
        throw unprocessable([
          problem('inPlaceOn', `is in the future; give the day it was in place, ${this.#today()} or earlier`),
        ]);
      return { change: { inPlace: { on: inPlaceOn, by: this.#by(actor), at: this.clock.now() } } };
    });
  }

  /** The young person's answer to "Does this help you at work?", once. */
  async check(actor: Actor, matchId: string, adjustmentId: string, input: CheckInput, requestId: string) {
    return this.#step(actor, matchId, adjustmentId, 'check', requestId, () => ({
      change: {
        check: {
          answer: input.answer,
          ...(input.why ? { why: input.why } : {}),
          by: this.#by(actor),
          at: this.clock.now(),
        },
      },
      details: { answer: input.answer },
    }));
  }

  /** What the job coach saw at work. */
  async observe(actor: Actor, matchId: string, adjustmentId: string, note: string, requestId: string) {
    return this.#step(actor, matchId, adjustmentId, 'observe', requestId, () => ({
      change: {},
      push: { observations: { note, by: this.#by(actor), at: this.clock.now() } },
    }));
  }

  /** A 6-weekly review: keep, change (back to the employer to answer again) or stop. */
  async review(actor: Actor, matchId: string, adjustmentId: string, input: ReviewInput, requestId: string) {
    return this.#step(actor, matchId, adjustmentId, 'review', requestId, (request) => {
      if (input.heldOn > this.#today())
        throw unprocessable([problem('heldOn', `is in the future; give the day the review was held`)]);
      const to: AdjustmentState = stateAfterReview(request.state, input.decision);
      return {
        change: { state: to },
        // Changed, it is a new request to the employer: the old answer, date and check no longer stand.
        ...(input.decision === 'change' ? { unset: ['agreed', 'notPossible', 'inPlace', 'check'] as const } : {}),
        push: {
          reviews: {
            decision: input.decision,
            on: input.heldOn,
            ...(input.note ? { note: input.note } : {}),
            by: this.#by(actor),
            at: this.clock.now(),
          },
        },
        details: { decision: input.decision },
      };
    });
  }

  /**
   * The owner adds an adjustment that helped to their passport, as "this worked at <employer>,
   * <month year>" (the month they said it helps). Only for one they answered yes or a bit; once.
   * The passport is saved first and the request marked after, so a retry after a failure between
   * the two adds nothing twice.
   */
  async addToPassport(actor: Actor, matchId: string, adjustmentId: string, requestId: string): Promise<AdjustmentView> {
    const loaded = await this.#load(actor, matchId);
    const request = await this.#request(loaded, adjustmentId);
    authorize(actor, 'adjustment.add_to_passport', loaded.resource);
    if (request.addedToPassport) throw new ApiError('conflict', 'This adjustment is already in the passport.');
    if (!request.check || !helpfulAnswers.includes(request.check.answer))
      throw new ApiError('conflict', 'Only an adjustment the young person said helps can be added to the passport.');
    const employer = (await this.journeys.employerNames([request.employerId])).get(request.employerId) ?? 'an employer';
    await this.passports.recordKnownToWork(
      actor,
      request.youngPersonId,
      {
        category: passportCategoryOfKind(request.kind),
        details: request.text,
        employer,
        month: londonDayAndHour(request.check.at).day.slice(0, 7),
      },
      requestId,
    );
    const moved = await inTransaction(this.mongo, async (session) => {
      const saved = await this.records.move(
        request.id,
        request.state,
        { addedToPassport: { by: this.#by(actor), at: this.clock.now() } },
        this.clock.now(),
        session,
      );
      if (!saved) throw this.#movedMeanwhile();
      await this.#audit(actor, 'adjustment.add_to_passport', saved, requestId, session);
      return saved;
    });
    return this.#view(moved, loaded);
  }

  /**
   * The reminders due today, for the daily run: an employer's requests unanswered after 5 working
   * days (one per journey and day of the oldest), an agreed adjustment past its date, and the young
   * person's check from 1 to 2 weeks after it is in place. Each carries the key that makes it once;
   * none carries the young person's words.
   */
  /**
   * What is due now, a request at a time, on journeys the employer can see and where adjustments
   * are open: requests unanswered for 5 working days, agreed ones past their date, checks in their window.
   */
  async #due(scope: { employerId?: string; youngPersonId?: string } = {}) {
    const today = this.#today();
    const open = await this.records.find({ ...scope, states: ['requested', 'agreed', 'in_place'] });
    const due: { kind: AdjustmentReminder['kind']; request: AdjustmentRequest }[] = [];
    for (const request of open) {
      if (request.awaitingYoungPerson) continue;
      if (
        request.state === 'requested' &&
        addWorkingDays(londonDayAndHour(request.requestedAt).day, answerReminderWorkingDays) <= today
      )
        due.push({ kind: 'adjustment_answer_due', request });
      else if (request.state === 'agreed' && request.agreed!.byDate < today)
        due.push({ kind: 'adjustment_overdue', request });
      else if (
        request.state === 'in_place' &&
        addDays(request.inPlace!.on, checkWindowDays.opens) <= today &&
        today <= addDays(request.inPlace!.on, checkWindowDays.closes)
      )
        due.push({ kind: 'adjustment_check_due', request });
    }
    const journeys = new Map(
      (await Promise.all([...new Set(due.map((d) => d.request.matchId))].map((id) => this.journeys.journey(id))))
        .filter((journey): journey is AdjustmentJourney => journey !== undefined)
        .map((journey) => [journey.id, journey]),
    );
    return due.flatMap((d) => {
      const journey = journeys.get(d.request.matchId);
      return journey?.visibleToEmployer === true &&
        (journeyStatesWithAdjustments as readonly string[]).includes(journey.state)
        ? [{ ...d, journey }]
        : [];
    });
  }

  async dueReminders(): Promise<AdjustmentReminder[]> {
    const reminders: AdjustmentReminder[] = [];
    // The employer is reminded once a journey of its oldest unanswered request, not once a request.
    const oldestWaiting = new Map<string, AdjustmentRequest>();
    for (const { kind, request } of await this.#due()) {
      if (kind === 'adjustment_answer_due') {
        const oldest = oldestWaiting.get(request.matchId);
        if (!oldest || request.requestedAt < oldest.requestedAt) oldestWaiting.set(request.matchId, request);
      } else if (kind === 'adjustment_overdue')
        reminders.push(this.#reminder(kind, request, `${request.id}:${request.agreed!.byDate}`));
      else reminders.push(this.#reminder(kind, request, `${request.id}:${request.inPlace!.on}`));
    }
    for (const request of oldestWaiting.values())
      reminders.push(
        this.#reminder(
          'adjustment_answer_due',
          request,
          `${request.matchId}:${londonDayAndHour(request.requestedAt).day}`,
        ),
      );
    const [people, employers, placements] = await Promise.all([
      this.journeys.youngPersonNames(reminders.map((r) => r.youngPersonId)),
      this.journeys.employerNames(reminders.map((r) => r.employerId)),
      this.journeys.placementTitles(reminders.map((r) => r.placementId)),
    ]);
    return reminders.map((reminder) => ({
      ...reminder,
      youngPersonName: people.get(reminder.youngPersonId) ?? 'A young person',
      employerName: employers.get(reminder.employerId) ?? 'The employer',
      placementTitle: placements.get(reminder.placementId) ?? 'the placement',
    }));
  }

  /**
   * The reminders the daily run emails, as the reader's inbox shows them while they are due: for an
   * employer's staff their answers and late adjustments, for the young person (or a delegate who
   * answers for them) the checks. One task a journey and kind, with a count and never the words.
   */
  async inboxTasks(actor: Actor): Promise<AdjustmentInboxTask[]> {
    const scopes =
      actor.role === 'employer' && actor.employerId
        ? [{ employerId: actor.employerId }]
        : actor.role === 'young_person' && actor.youngPersonId
          ? [{ youngPersonId: actor.youngPersonId }]
          : actor.role === 'delegate'
            ? actor.actsFor.map((link) => ({ youngPersonId: link.youngPersonId }))
            : [];
    const kinds: readonly AdjustmentReminder['kind'][] =
      actor.role === 'employer' ? ['adjustment_answer_due', 'adjustment_overdue'] : ['adjustment_check_due'];
    const action: Action = actor.role === 'employer' ? 'adjustment.employer_act' : 'adjustment.young_person_act';
    const due = (await Promise.all(scopes.map((scope) => this.#due(scope))))
      .flat()
      .filter((d) => kinds.includes(d.kind));
    const tasks = new Map<string, { kind: AdjustmentReminder['kind']; journey: AdjustmentJourney; count: number }>();
    for (const { kind, journey } of due) {
      const key = `${kind}:${journey.id}`;
      tasks.set(key, { kind, journey, count: (tasks.get(key)?.count ?? 0) + 1 });
    }
    const allowed = (
      await Promise.all(
        [...tasks.values()].map(async (task) =>
          decide(actor, action, await this.#resource(task.journey)) === 'allow' ? [task] : [],
        ),
      )
    ).flat();
    const [people, employers, placements] = await Promise.all([
      this.journeys.youngPersonNames(allowed.map((task) => task.journey.youngPersonId)),
      this.journeys.employerNames(allowed.map((task) => task.journey.employerId)),
      this.journeys.placementTitles(allowed.map((task) => task.journey.placementId)),
    ]);
    return allowed.map(({ kind, journey, count }) => {
      const youngPersonName = people.get(journey.youngPersonId) ?? 'the young person';
      const employerName = employers.get(journey.employerId) ?? 'the employer';
      return {
        kind,
        title: adjustmentTaskTitle(kind, count, {
          youngPersonName,
          employerName,
          forSomeoneElse: actor.role === 'delegate',
        }),
        count,
        matchId: journey.id,
        youngPerson: { id: journey.youngPersonId, preferredName: youngPersonName },
        placement: {
          id: journey.placementId,
          title: placements.get(journey.placementId) ?? 'the placement',
          employerName,
        },
        path: `/journeys/${journey.id}/adjustments`,
      };
    });
  }

  #reminder(kind: AdjustmentReminder['kind'], request: AdjustmentRequest, occurrence: string): AdjustmentReminder {
    return {
      kind,
      matchId: request.matchId,
      youngPersonId: request.youngPersonId,
      employerId: request.employerId,
      placementId: request.placementId,
      providerId: request.providerId,
      occurrence,
      youngPersonName: '',
      employerName: '',
      placementTitle: '',
    };
  }
}
