import { type Actor, decide } from '../auth/policy.js';
import { addDays } from '../core/dates.js';
import { webPaths } from '../notifications/links.js';
import { ehcReviewReminderOn, type FollowUpMonth, followUpDueOn } from './outcomes.rules.js';
import { londonToday, type OutcomesDeps } from './outcomes-access.js';

/** A daily run that did not run for a few days still sends a follow-up's reminder. */
const followUpEmailDays = 7;

/** One thing a job coach must do about the year after: an EHC plan review coming, or a follow-up due. */
export interface OutcomesTaskView {
  kind: 'ehc_review_due' | 'follow_up_due';
  title: string;
  dueOn: string;
  /** For a follow-up: 6, 9 or 12. */
  month?: FollowUpMonth;
  youngPerson: { id: string; preferredName: string };
  matchId?: string;
  path: string;
  /** The last day an email reminder is still sent: a reminder comes on its date, not months late. */
  emailUntil: string;
}

/** The job coach's to-dos about the year after, for their inbox and the daily reminders. */
export class OutcomesTasksService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  /**
   * What a job coach must do about the year after, for the young people on their caseload: an EHC
   * plan review from 4 weeks before it, and the 6- and 9-month follow-ups from their due date until
   * the next one is due (the 12-month one is the journey's own inbox item).
   */
  async coachTasks(actor: Actor): Promise<OutcomesTaskView[]> {
    if (actor.role !== 'job_coach' || !actor.providerId) return [];
    const today = londonToday(this.deps.clock);
    const providerId = actor.providerId;
    // The caseload queries pick the coach's own young people; the policy still decides, one by one.
    const mayWrite = (youngPersonId: string) =>
      decide(actor, 'outcomes.write', { type: 'internship_outcomes', youngPersonId, providerId }) === 'allow';
    const [caseload, started] = await Promise.all([
      this.deps.caseloads.caseloadOf(actor.accountId, providerId),
      this.deps.startedInternships.started({ providerId, jobCoachId: actor.accountId }),
    ]);
    const people = caseload
      .filter((person) => mayWrite(person.id))
      .map(({ id, preferredName }) => ({ id, preferredName }));
    const finished = started.filter((internship) => mayWrite(internship.youngPersonId));
    const plans = await this.deps.records.plansOf(people.map((person) => person.id));
    const tasks: OutcomesTaskView[] = [];
    for (const person of people) {
      const plan = plans.get(person.id);
      if (plan && ehcReviewReminderOn(plan.nextReviewOn) <= today) {
        tasks.push({
          kind: 'ehc_review_due',
          title: 'The EHC plan’s annual review is coming. Check progress towards its outcomes.',
          dueOn: plan.nextReviewOn,
          youngPerson: person,
          path: webPaths.ehcOutcomes(person.id),
          emailUntil: plan.nextReviewOn,
        });
      }
    }
    const ended = finished.filter((internship) => internship.state === 'completed' && internship.endedOn);
    const recorded = await this.deps.records.outcomesOfMatches(ended.map((internship) => internship.matchId));
    const names = await this.deps.names.youngPersonNames([
      ...new Set(ended.map((internship) => internship.youngPersonId)),
    ]);
    for (const internship of ended) {
      const done = new Set((recorded.get(internship.matchId)?.followUps ?? []).map((followUp) => followUp.month));
      for (const [month, next] of [
        [6, 9],
        [9, 12],
      ] as const) {
        const dueOn = followUpDueOn(internship.endedOn!, month);
        if (done.has(month) || dueOn > today || followUpDueOn(internship.endedOn!, next) <= today) continue;
        tasks.push({
          kind: 'follow_up_due',
          title: `The ${month}-month follow-up is due. What is the young person doing now?`,
          dueOn,
          month,
          youngPerson: {
            id: internship.youngPersonId,
            preferredName: names.get(internship.youngPersonId) ?? 'the young person',
          },
          matchId: internship.matchId,
          path: webPaths.afterInternship(internship.matchId),
          emailUntil: addDays(dueOn, followUpEmailDays),
        });
      }
    }
    return tasks.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  }
}
