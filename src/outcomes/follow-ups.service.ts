import type { z } from '@hono/zod-openapi';
import type { Actor } from '../auth/policy.js';
import { inTransaction } from '../core/db/transaction.js';
import { type FieldProblem, unprocessable } from '../core/errors.js';
import { afterView } from './after-internship.service.js';
import type { FollowUp } from './outcomes.repository.js';
import { type FollowUpMonth, followUpDueOn, paidActivities } from './outcomes.rules.js';
import type { followUpInputSchema } from './outcomes.schemas.js';
import { authorizeMatch, londonToday, type OutcomesDeps, problem } from './outcomes-access.js';

type FollowUpInput = z.output<typeof followUpInputSchema>;

/** What the young person is doing 6, 9 and 12 months after the internship ended. */
export class FollowUpsService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  /**
   * Records (or corrects) the follow-up `month` months after the end, from its due date on. The
   * 12-month one also takes the journey's own `record_follow_up` step while it is `completed`.
   */
  async recordFollowUp(actor: Actor, matchId: string, month: FollowUpMonth, input: FollowUpInput, requestId: string) {
    const { match, owner } = await authorizeMatch(this.deps, actor, matchId, 'outcomes.write');
    if (!match.endedOn)
      throw unprocessable([problem('checkedOn', 'a follow-up comes after the internship is completed')]);
    const dueOn = followUpDueOn(match.endedOn, month);
    const problems: FieldProblem[] = [];
    if (input.checkedOn < dueOn)
      problems.push(problem('checkedOn', `is before the ${month}-month follow-up is due (${dueOn})`));
    else if (input.checkedOn > londonToday(this.deps.clock)) problems.push(problem('checkedOn', 'is in the future'));
    if (paidActivities.includes(input.activity)) {
      if (input.hoursPerWeek === undefined)
        problems.push(problem('hoursPerWeek', 'give the hours a week of the paid work'));
      if (input.payBand === undefined)
        problems.push(problem('payBand', 'say whether the pay is below, at or above the National Minimum Wage'));
      if (input.sameEmployer === undefined)
        problems.push(problem('sameEmployer', 'say whether it is the placement’s employer'));
    }
    if (problems.length > 0) throw unprocessable(problems, 'The follow-up cannot be recorded as it stands.');
    if (month === 12 && match.state === 'completed') {
      await this.deps.journey.recordFollowUp(
        actor,
        matchId,
        {
          checkedOn: input.checkedOn,
          stillEmployed: paidActivities.includes(input.activity),
          ...(input.hoursPerWeek !== undefined ? { hoursPerWeek: input.hoursPerWeek } : {}),
        },
        requestId,
      );
    }
    const followUp: FollowUp = {
      month,
      dueOn,
      checkedOn: input.checkedOn,
      activity: input.activity,
      ...(input.hoursPerWeek !== undefined ? { hoursPerWeek: input.hoursPerWeek } : {}),
      ...(paidActivities.includes(input.activity) && input.payBand ? { payBand: input.payBand } : {}),
      ...(paidActivities.includes(input.activity) && input.sameEmployer !== undefined
        ? { sameEmployer: input.sameEmployer }
        : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      recordedAt: this.deps.clock.now(),
      recordedBy: { accountId: actor.accountId, role: actor.role },
    };
    return inTransaction(this.deps.mongo, async (session) => {
      const saved = await this.deps.records.saveFollowUp(owner, followUp, session);
      await this.deps.audit.success(
        'outcomes.follow_up',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: match.youngPersonId,
          requestId,
          details: { month, activity: input.activity },
        },
        session,
      );
      const { match: now } = await this.deps.journey.get(actor, matchId);
      return afterView(now, saved);
    });
  }
}
