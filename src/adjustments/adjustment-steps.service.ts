import type { Actor } from '../auth/policy.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError, unprocessable, validationFailed } from '../core/errors.js';
import { type Loaded, problem } from './adjustment-requests.service.js';
import { AdjustmentSuggestions } from './adjustment-suggestions.service.js';
import {
  type AdjustmentAction,
  type AdjustmentState,
  checkAdjustmentStep,
  journeyStatesForInPlace,
  notNowReason,
  stateAfterReview,
} from './adjustments.machine.js';
import type { AdjustmentChange, AdjustmentRequest } from './adjustments.repository.js';
import type { AdjustmentView, AnswerAdjustmentInput, CheckInput, ReviewInput } from './adjustments.schemas.js';

/**
 * AdjustmentsService's layer for the steps of the table in adjustments.machine.ts: the employer's answer,
 * the day it was in place, the young person's check, what the job coach saw, and the review.
 */
export class AdjustmentSteps extends AdjustmentSuggestions {
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
    const loaded = await this.load(actor, matchId);
    const request = await this.loadRequest(loaded, adjustmentId);
    const step = this.#checkStep(loaded, request, action);
    this.requireJourneyOpen(loaded.journey);
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
      if (!saved) throw this.movedMeanwhile();
      await this.writeAudit(actor, `adjustment.${action}`, saved, requestId, session, {
        from: step.from,
        to: saved.state,
        ...details,
      });
      return saved;
    });
    return this.view(moved, loaded);
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
      const by = this.by(actor);
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
      if (input.byDate! < this.today())
        throw unprocessable([problem('byDate', `is in the past; choose ${this.today()} or later`)]);
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
      if (inPlaceOn > this.today())
        throw unprocessable([
          problem('inPlaceOn', `is in the future; give the day it was in place, ${this.today()} or earlier`),
        ]);
      return { change: { inPlace: { on: inPlaceOn, by: this.by(actor), at: this.clock.now() } } };
    });
  }

  /** The young person's answer to "Does this help you at work?", once. */
  async check(actor: Actor, matchId: string, adjustmentId: string, input: CheckInput, requestId: string) {
    return this.#step(actor, matchId, adjustmentId, 'check', requestId, () => ({
      change: {
        check: {
          answer: input.answer,
          ...(input.why ? { why: input.why } : {}),
          by: this.by(actor),
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
      push: { observations: { note, by: this.by(actor), at: this.clock.now() } },
    }));
  }

  /** A 6-weekly review: keep, change (back to the employer to answer again) or stop. */
  async review(actor: Actor, matchId: string, adjustmentId: string, input: ReviewInput, requestId: string) {
    return this.#step(actor, matchId, adjustmentId, 'review', requestId, (request) => {
      if (input.heldOn > this.today())
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
            by: this.by(actor),
            at: this.clock.now(),
          },
        },
        details: { decision: input.decision },
      };
    });
  }
}
