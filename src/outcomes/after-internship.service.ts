import { type Actor, decide } from '../auth/policy.js';
import type { JourneyService } from '../journey/journey.service.js';
import type { InternshipOutcomes } from './outcomes.repository.js';
import { employmentPlanWindow, followUpDueOn, followUpMonths } from './outcomes.rules.js';
import { authorizeMatch, londonToday, type OutcomesDeps } from './outcomes-access.js';

/** One internship's record of the year after, as every reader and the API see it. */
export function afterView(
  match: Awaited<ReturnType<JourneyService['get']>>['match'],
  outcomes: InternshipOutcomes | undefined,
) {
  const recorded = new Map((outcomes?.followUps ?? []).map((followUp) => [followUp.month, followUp]));
  const plan = outcomes?.employmentPlan;
  return {
    matchId: match.id,
    youngPersonId: match.youngPersonId,
    state: match.state,
    endedOn: match.endedOn ?? null,
    outcomeType: match.outcome?.type ?? null,
    coreAims: outcomes?.coreAims
      ? {
          met: outcomes.coreAims.met,
          ...(outcomes.coreAims.missing ? { missing: outcomes.coreAims.missing } : {}),
          recordedAt: outcomes.coreAims.recordedAt.toISOString(),
        }
      : null,
    employmentPlanWindow: match.startedOn
      ? employmentPlanWindow({
          startedOn: match.startedOn,
          rotationStarts: match.rotations.map((rotation) => rotation.startDate),
          ...(match.endedOn ? { endedOn: match.endedOn } : {}),
        })
      : null,
    employmentPlan: plan
      ? {
          targetJobs: plan.targetJobs,
          actions: plan.actions,
          ...(plan.jobOffer ? { jobOffer: plan.jobOffer } : {}),
          updatedAt: plan.updatedAt.toISOString(),
          updatedBy: plan.updatedBy,
        }
      : null,
    followUps: match.endedOn
      ? followUpMonths.map((month) => {
          const followUp = recorded.get(month);
          return {
            month,
            dueOn: followUpDueOn(match.endedOn!, month),
            recorded: followUp
              ? {
                  checkedOn: followUp.checkedOn,
                  activity: followUp.activity,
                  ...(followUp.hoursPerWeek !== undefined ? { hoursPerWeek: followUp.hoursPerWeek } : {}),
                  ...(followUp.payBand ? { payBand: followUp.payBand } : {}),
                  ...(followUp.sameEmployer !== undefined ? { sameEmployer: followUp.sameEmployer } : {}),
                  ...(followUp.notes ? { notes: followUp.notes } : {}),
                  recordedAt: followUp.recordedAt.toISOString(),
                }
              : null,
          };
        })
      : [],
  };
}

/** The record of an internship's end and the year after: core aims, the employment plan and the follow-ups. */
export class AfterInternshipService {
  private readonly deps: OutcomesDeps;

  constructor(deps: OutcomesDeps) {
    this.deps = deps;
  }

  /** What the page of the internship's end and the year after shows: the record, who it is about, what is due. */
  async afterOverview(actor: Actor, matchId: string) {
    const after = await this.after(actor, matchId);
    const { match } = await this.deps.journey.get(actor, matchId);
    const [names, titles] = await Promise.all([
      this.deps.names.youngPersonNames([match.youngPersonId]),
      this.deps.names.placementTitles([match.placementId]),
    ]);
    const mayWrite =
      decide(actor, 'outcomes.write', {
        type: 'internship_outcomes',
        youngPersonId: match.youngPersonId,
        providerId: match.providerId,
      }) === 'allow';
    const today = londonToday(this.deps.clock);
    return {
      after,
      mayWrite,
      preferredName: names.get(match.youngPersonId) ?? 'the young person',
      placementTitle: titles.get(match.placementId) ?? 'the placement',
      startedOn: match.startedOn ?? null,
      followUpsDue: after.followUps.map((followUp) => ({ ...followUp, isDue: followUp.dueOn <= today })),
    };
  }

  /** Core aims, the employment plan and the follow-ups of one internship. */
  async after(actor: Actor, matchId: string) {
    const { match } = await authorizeMatch(this.deps, actor, matchId, 'outcomes.read');
    return afterView(match, await this.deps.records.outcomesOf(matchId));
  }
}
