import type { Actor } from '../auth/policy.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError } from '../core/errors.js';
import { AdjustmentRequests } from './adjustment-requests.service.js';
import type { AdjustmentView, SuggestAdjustmentInput } from './adjustments.schemas.js';

/** AdjustmentsService's layer for the job coach's new words (or split) and the young person's choice on them. */
export class AdjustmentSuggestions extends AdjustmentRequests {
  /** The job coach suggests new words (one part) or a split (several); the young person decides. */
  async suggest(
    actor: Actor,
    matchId: string,
    adjustmentId: string,
    input: SuggestAdjustmentInput,
    requestId: string,
  ): Promise<AdjustmentView> {
    const loaded = await this.load(actor, matchId);
    this.requireParty(loaded, 'job_coach', 'Only the young person’s job coach can suggest new words.');
    const request = await this.loadRequest(loaded, adjustmentId);
    if (request.state !== 'requested')
      throw new ApiError(
        'conflict',
        'The employer has already answered this request; suggest new words at a review (change) instead.',
      );
    const moved = await inTransaction(this.mongo, async (session) => {
      const saved = await this.records.move(
        request.id,
        'requested',
        { suggestion: { parts: input.parts, by: this.by(actor), at: this.clock.now() } },
        this.clock.now(),
        session,
      );
      if (!saved) throw this.movedMeanwhile();
      await this.writeAudit(actor, 'adjustment.suggest', saved, requestId, session, { parts: input.parts.length });
      return saved;
    });
    return this.view(moved, loaded);
  }

  /** The young person agrees to the coach's words (or added request) or says no. */
  async decideSuggestion(
    actor: Actor,
    matchId: string,
    adjustmentId: string,
    decision: 'agree' | 'decline',
    requestId: string,
  ): Promise<AdjustmentView> {
    const loaded = await this.load(actor, matchId);
    const request = await this.loadRequest(loaded, adjustmentId);
    this.requireParty(
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
          if (!(await this.records.deleteAwaiting(request.id, session))) throw this.movedMeanwhile();
          await this.writeAudit(actor, 'adjustment.suggestion_decline', request, requestId, session);
          return { ...request, awaitingYoungPerson: false };
        }
        const saved = await this.records.move(request.id, 'requested', { awaitingYoungPerson: false }, now, session);
        if (!saved) throw this.movedMeanwhile();
        await this.writeAudit(actor, 'adjustment.suggestion_agree', saved, requestId, session);
        return saved;
      }
      if (decision === 'decline') {
        const saved = await this.records.move(request.id, 'requested', {}, now, session, { unset: ['suggestion'] });
        if (!saved) throw this.movedMeanwhile();
        await this.writeAudit(actor, 'adjustment.suggestion_decline', saved, requestId, session);
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
      if (!saved) throw this.movedMeanwhile();
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
            requestedBy: this.by(actor),
          },
          session,
        );
      }
      await this.writeAudit(actor, 'adjustment.suggestion_agree', saved, requestId, session, {
        parts: 1 + rest.length,
      });
      return saved;
    });
    return this.view(result, loaded);
  }
}
