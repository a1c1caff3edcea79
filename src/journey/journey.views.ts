import type { Role } from '../domain/vocabulary.js';
import { type JourneyParty, stepsFor } from './journey.machine.js';
import type { PlacementMatch } from './journey.repository.js';
import type { MatchLabels } from './match-labels.js';
import type { Review, WeeklyLog } from './progress.repository.js';

export type MatchView = ReturnType<typeof matchView>;

/**
 * A match as one caller may see it. Employers get what they need to host the intern and no more:
 * not the matching evidence (it talks about support needs), not the young person's own reasons,
 * not the 12-month follow-up about their later employment.
 */
export function matchView(
  match: PlacementMatch,
  viewer: { role: Role; parties: readonly JourneyParty[] },
  labels: MatchLabels,
) {
  const employerViewer = viewer.role === 'employer';
  const placement = labels.placement(match.placementId);
  const { youngPersonResponse: response, taster, employerDecision: decision, withdrawal, followUp } = match;
  return {
    id: match.id,
    state: match.state,
    youngPerson: { id: match.youngPersonId, preferredName: labels.youngPersonName(match.youngPersonId) },
    placement: {
      id: match.placementId,
      title: placement.title,
      employerId: match.employerId,
      employerName: placement.employerName,
      sector: match.sector,
    },
    providerId: match.providerId,
    ...(match.jobCoachId ? { jobCoachId: match.jobCoachId } : {}),
    note: match.note,
    ...(match.match && !employerViewer ? { match: match.match } : {}),
    ...(match.hardLimitOverride && !employerViewer ? { hardLimitOverride: match.hardLimitOverride } : {}),
    ...(response
      ? {
          youngPersonResponse: {
            accepted: response.accepted,
            at: response.at.toISOString(),
            by: response.by,
            ...(response.reason && !employerViewer ? { reason: response.reason } : {}),
            sharedSections: response.sharedSections,
            ...(response.shareId ? { shareId: response.shareId } : {}),
          },
        }
      : {}),
    ...(taster
      ? {
          taster: {
            kind: taster.kind,
            date: taster.date,
            place: taster.place,
            ...(taster.notes ? { notes: taster.notes } : {}),
            arrangedAt: taster.arrangedAt.toISOString(),
          },
        }
      : {}),
    ...(decision
      ? {
          employerDecision: {
            accepted: decision.accepted,
            at: decision.at.toISOString(),
            by: decision.by,
            ...(decision.reason ? { reason: decision.reason } : {}),
            ...(decision.note ? { note: decision.note } : {}),
          },
        }
      : {}),
    ...(match.startedOn ? { startedOn: match.startedOn } : {}),
    ...(match.earlyStartReason ? { earlyStartReason: match.earlyStartReason } : {}),
    rotations: match.rotations.map(({ recordedBy: _by, recordedAt, ...rotation }) => ({
      ...rotation,
      recordedAt: recordedAt.toISOString(),
    })),
    ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    ...(match.outcome ? { outcome: match.outcome } : {}),
    ...(followUp && !employerViewer
      ? {
          followUp: {
            checkedOn: followUp.checkedOn,
            stillEmployed: followUp.stillEmployed,
            ...(followUp.hoursPerWeek !== undefined ? { hoursPerWeek: followUp.hoursPerWeek } : {}),
            ...(followUp.notes ? { notes: followUp.notes } : {}),
            recordedAt: followUp.recordedAt.toISOString(),
          },
        }
      : {}),
    ...(withdrawal
      ? {
          withdrawal: {
            by: withdrawal.by,
            party: withdrawal.party,
            // The young person's side may give personal reasons; the employer sees only its own.
            ...(!employerViewer || withdrawal.party === 'employer' ? { reason: withdrawal.reason } : {}),
            at: withdrawal.at.toISOString(),
            fromState: withdrawal.fromState,
          },
        }
      : {}),
    // The override talks about the young person's limits: the employer sees that a proposal was made, not why.
    history: match.history.map(({ hardLimitsOverridden, overrideReason, ...entry }) => ({
      ...entry,
      at: entry.at.toISOString(),
      ...(hardLimitsOverridden && !employerViewer ? { hardLimitsOverridden, overrideReason } : {}),
    })),
    yourNextSteps: stepsFor(match.state, viewer.parties).map(({ action, by, needs }) => ({
      action,
      by: [...by],
      needs,
    })),
    proposedAt: match.proposedAt.toISOString(),
    updatedAt: match.updatedAt.toISOString(),
  };
}

export function weeklyLogView({ youngPersonId: _person, recordedAt, earlierVersions, ...log }: WeeklyLog) {
  return {
    ...log,
    recordedAt: recordedAt.toISOString(),
    earlierVersions: earlierVersions.map((earlier) => ({ ...earlier, recordedAt: earlier.recordedAt.toISOString() })),
  };
}

export function reviewView({ youngPersonId: _person, recordedAt, ...review }: Review) {
  return { ...review, recordedAt: recordedAt.toISOString() };
}
