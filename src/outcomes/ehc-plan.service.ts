import type { z } from '@hono/zod-openapi';
import { type Actor, decide, type Resource } from '../auth/policy.js';
import { newId } from '../core/db/ids.js';
import { inTransaction } from '../core/db/transaction.js';
import { type FieldProblem, unprocessable } from '../core/errors.js';
import type { EhcPlan } from './outcomes.repository.js';
import { ehcReviewReminderOn } from './outcomes.rules.js';
import type { ehcPlanInputSchema } from './outcomes.schemas.js';
import { authorizePerson, londonToday, type OutcomesDeps, problem } from './outcomes-access.js';

type EhcPlanInput = z.output<typeof ehcPlanInputSchema>;

/** A target's status in the words the young person reads. */
function inPlainWords(text: string, status: string): string {
  const words = text.replace(/[.!]+$/, '');
  const lower = words.charAt(0).toLowerCase() + words.slice(1);
  switch (status) {
    case 'achieved':
      return `You can now ${lower}.`;
    case 'in_progress':
      return `You are working on this: ${lower}.`;
    case 'not_achieved':
      return `Not yet: ${lower}. Your job coach will help you keep trying.`;
    case 'dropped':
      return `You and your job coach stopped working on this: ${lower}.`;
    default:
      return `Next you will work on this: ${lower}.`;
  }
}

function planView(youngPersonId: string, plan: EhcPlan | undefined) {
  return {
    youngPersonId,
    outcomes: plan?.outcomes ?? [],
    nextReviewOn: plan?.nextReviewOn ?? null,
    lastReviewOn: plan?.lastReviewOn ?? null,
    reminderOn: plan ? ehcReviewReminderOn(plan.nextReviewOn) : null,
  };
}

/**
 * The outcomes of the young person's EHC plan, which review targets serve, its review dates, and
 * the progress towards each outcome in the young person's words.
 */
export class EhcPlanService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  async plan(actor: Actor, youngPersonId: string) {
    await authorizePerson(this.deps, actor, youngPersonId, 'outcomes.read');
    return planView(youngPersonId, await this.deps.records.planOf(youngPersonId));
  }

  /** The outcomes' ids the plan holds now. */
  async #outcomeIdsOf(youngPersonId: string): Promise<string[]> {
    return ((await this.deps.records.planOf(youngPersonId))?.outcomes ?? []).map((outcome) => outcome.id);
  }

  /**
   * The outcomes a review target may name, for a reviewer who may read the plan; undefined for one
   * who may not (an employer), who sets targets without naming an outcome.
   */
  async outcomeChoicesFor(actor: Actor, youngPersonId: string): Promise<{ id: string; text: string }[] | undefined> {
    const providerId = await this.deps.internships.providerOf(youngPersonId);
    if (!providerId) return undefined;
    const resource: Resource = { type: 'internship_outcomes', youngPersonId, providerId };
    if (decide(actor, 'outcomes.read', resource) !== 'allow') return undefined;
    return (await this.deps.records.planOf(youngPersonId))?.outcomes ?? [];
  }

  async savePlan(actor: Actor, youngPersonId: string, input: EhcPlanInput, requestId: string) {
    const { providerId } = await authorizePerson(this.deps, actor, youngPersonId, 'outcomes.write');
    const existing = new Set(await this.#outcomeIdsOf(youngPersonId));
    const problems: FieldProblem[] = [];
    input.outcomes.forEach((outcome, index) => {
      if (outcome.id && !existing.has(outcome.id))
        problems.push(problem(`outcomes.${index}.id`, 'is not an outcome in the plan; leave it out for a new one'));
    });
    if (input.lastReviewOn && input.lastReviewOn > londonToday(this.deps.clock))
      problems.push(problem('lastReviewOn', 'is in the future; give the date of the last review held'));
    if (input.lastReviewOn && input.nextReviewOn <= input.lastReviewOn)
      problems.push(problem('nextReviewOn', 'must be after lastReviewOn'));
    if (problems.length > 0) throw unprocessable(problems);
    return inTransaction(this.deps.mongo, async (session) => {
      const saved = await this.deps.records.savePlan(
        {
          youngPersonId,
          providerId,
          outcomes: input.outcomes.map((outcome) => ({ id: outcome.id ?? newId().toHexString(), text: outcome.text })),
          nextReviewOn: input.nextReviewOn,
          ...(input.lastReviewOn ? { lastReviewOn: input.lastReviewOn } : {}),
          updatedAt: this.deps.clock.now(),
          updatedBy: { accountId: actor.accountId, role: actor.role },
        },
        session,
      );
      await this.deps.audit.success(
        'outcomes.ehc_plan',
        actor,
        {
          target: { type: 'ehc_plan', id: youngPersonId },
          subjectId: youngPersonId,
          requestId,
          details: { outcomes: saved.outcomes.length, nextReviewOn: saved.nextReviewOn },
        },
        session,
      );
      return planView(youngPersonId, saved);
    });
  }

  /**
   * Each outcome of the plan with the review targets that serve it, each in plain words; a target
   * set again at a later review counts as it stands at the latest one.
   */
  async progressTowardsOutcomes(actor: Actor, youngPersonId: string) {
    await authorizePerson(this.deps, actor, youngPersonId, 'outcomes.read');
    const [plan, reviews] = await Promise.all([
      this.deps.records.planOf(youngPersonId),
      this.deps.internships.reviewTargets(youngPersonId),
    ]);
    const latest = new Map<string, { outcomeId: string; text: string; status: string; setOn: string }>();
    for (const review of reviews) {
      for (const target of review.targets) {
        if (!target.outcomeId) continue;
        const key = `${target.outcomeId}:${target.text.trim().toLowerCase()}`;
        const before = latest.get(key);
        latest.set(key, {
          outcomeId: target.outcomeId,
          text: target.text,
          status: target.status,
          setOn: before?.setOn ?? review.heldOn,
        });
      }
    }
    return {
      youngPersonId,
      outcomes: (plan?.outcomes ?? []).map((outcome) => {
        const targets = [...latest.values()]
          .filter((target) => target.outcomeId === outcome.id)
          .map((target) => ({
            text: target.text,
            status: target.status as 'not_started' | 'in_progress' | 'achieved' | 'not_achieved' | 'dropped',
            inPlainWords: inPlainWords(target.text, target.status),
            setOn: target.setOn,
          }));
        const done = targets.filter((target) => target.status === 'achieved').length;
        const summary =
          targets.length === 0
            ? 'You have no targets for this yet. Your job coach will set some with you at your next review.'
            : done === targets.length
              ? `You have done all ${targets.length} of your targets for this. Well done.`
              : `You have done ${done} of ${targets.length} targets for this.`;
        return { id: outcome.id, text: outcome.text, summary, targets };
      }),
    };
  }

  /** What the outcomes page shows its reader: the plan, progress in plain words, and whether they may edit. */
  async outcomesOverview(actor: Actor, youngPersonId: string) {
    const { mayWrite } = await authorizePerson(this.deps, actor, youngPersonId, 'outcomes.read');
    const [plan, progress, names] = await Promise.all([
      this.plan(actor, youngPersonId),
      this.progressTowardsOutcomes(actor, youngPersonId),
      this.deps.names.youngPersonNames([youngPersonId]),
    ]);
    return { plan, progress, mayWrite, preferredName: names.get(youngPersonId) ?? 'the young person' };
  }
}
