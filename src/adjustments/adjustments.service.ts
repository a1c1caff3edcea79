import { type Actor, authorize } from '../auth/policy.js';
import { londonDayAndHour } from '../core/dates.js';
import { inTransaction } from '../core/db/transaction.js';
import { ApiError } from '../core/errors.js';
import { AdjustmentReminders } from './adjustment-reminders.service.js';
import { helpfulAnswers, passportCategoryOfKind } from './adjustments.machine.js';
import type { AdjustmentView } from './adjustments.schemas.js';

export type { AdjustmentReminder } from './adjustment-reminders.service.js';
export type { HelpsSharedEvent, KnownToWorkRecorder } from './adjustment-requests.service.js';

/**
 * Adjustments that happen: each help a young person shares with an employer becomes a request on
 * the journey; the employer agrees (who, by when, who pays) or says it is not possible (why, and an
 * alternative), then records it in place; the young person says whether it helps; the job coach
 * records what they saw and reviews it every 6 weeks. What is asked of whom, when, is the table in
 * adjustments.machine.ts; who is who is the policy's. The words never reach a log, an index or an email.
 *
 * Built in layers, one file a concern, each adding methods to the one before: the requests from a share
 * and the coach's own (adjustment-requests.service.ts), the coach's new words (adjustment-suggestions.service.ts),
 * the steps of the table (adjustment-steps.service.ts), what is due (adjustment-reminders.service.ts) and,
 * here, adding what worked to the passport as known to work.
 */
export class AdjustmentsService extends AdjustmentReminders {
  /**
   * The owner adds an adjustment that helped to their passport, as "this worked at <employer>,
   * <month year>" (the month they said it helps). Only for one they answered yes or a bit; once.
   * The passport is saved first and the request marked after, so a retry after a failure between
   * the two adds nothing twice.
   */
  async addToPassport(actor: Actor, matchId: string, adjustmentId: string, requestId: string): Promise<AdjustmentView> {
    const loaded = await this.load(actor, matchId);
    const request = await this.loadRequest(loaded, adjustmentId);
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
        { addedToPassport: { by: this.by(actor), at: this.clock.now() } },
        this.clock.now(),
        session,
      );
      if (!saved) throw this.movedMeanwhile();
      await this.writeAudit(actor, 'adjustment.add_to_passport', saved, requestId, session);
      return saved;
    });
    return this.view(moved, loaded);
  }
}
