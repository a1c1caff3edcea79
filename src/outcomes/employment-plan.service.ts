import type { z } from '@hono/zod-openapi';
import type { Actor } from '../auth/policy.js';
import { inTransaction } from '../core/db/transaction.js';
import { type FieldProblem, unprocessable } from '../core/errors.js';
import { afterView } from './after-internship.service.js';
import { employmentPlanWindow } from './outcomes.rules.js';
import type { employmentPlanInputSchema } from './outcomes.schemas.js';
import { authorizeMatch, londonToday, type OutcomesDeps, problem } from './outcomes-access.js';

type EmploymentPlanInput = z.output<typeof employmentPlanInputSchema>;

/** The employment plan: jobs to aim for, actions within its window, and a job offered during the internship. */
export class EmploymentPlanService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  async saveEmploymentPlan(actor: Actor, matchId: string, input: EmploymentPlanInput, requestId: string) {
    const { match, owner } = await authorizeMatch(this.deps, actor, matchId, 'outcomes.write');
    if (!match.startedOn) throw unprocessable([problem('targetJobs', 'the internship has not started yet')]);
    const window = employmentPlanWindow({
      startedOn: match.startedOn,
      rotationStarts: match.rotations.map((rotation) => rotation.startDate),
      ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    });
    const problems: FieldProblem[] = [];
    input.actions.forEach((action, index) => {
      if (action.dueOn < window.from || (window.until && action.dueOn > window.until))
        problems.push(
          problem(
            `actions.${index}.dueOn`,
            `must be within the employment plan: from ${window.from}${window.until ? ` to ${window.until}` : ''}`,
          ),
        );
      if (action.doneOn && action.doneOn > londonToday(this.deps.clock))
        problems.push(problem(`actions.${index}.doneOn`, 'is in the future'));
    });
    const offer = input.jobOffer;
    if (offer) {
      const lastDay = match.endedOn ?? londonToday(this.deps.clock);
      if (offer.offeredOn > londonToday(this.deps.clock))
        problems.push(problem('jobOffer.offeredOn', 'is in the future'));
      else if (offer.offeredOn < match.startedOn || offer.offeredOn > lastDay)
        problems.push(
          problem('jobOffer.offeredOn', `must be during the internship (${match.startedOn} to ${lastDay})`),
        );
    }
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.deps.mongo, async (session) => {
      const saved = await this.deps.records.saveEmploymentPlan(
        owner,
        {
          targetJobs: input.targetJobs,
          actions: input.actions,
          ...(offer ? { jobOffer: offer } : {}),
          updatedAt: this.deps.clock.now(),
          updatedBy: { accountId: actor.accountId, role: actor.role },
        },
        session,
      );
      await this.deps.audit.success(
        'outcomes.employment_plan',
        actor,
        {
          target: { type: 'placement_match', id: matchId },
          subjectId: match.youngPersonId,
          requestId,
          details: { actions: input.actions.length, jobOffer: offer !== undefined },
        },
        session,
      );
      return afterView(match, saved);
    });
  }
}
