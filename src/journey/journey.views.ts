import type { Role } from '../domain/vocabulary.js';
import { type JourneyParty, stepsFor } from './journey.machine.js';
import type { Journey } from './journey.repository.js';
import type { MatchLabels } from './match-labels.js';
import type { Review, WeeklyLog } from './progress.repository.js';

export type MatchView = ReturnType<typeof matchView>;

/**
 * Who is reading decides what they see. Employers get what they need to host the intern and no
 * more: not the matching evidence (it talks about support needs), not the young person's own
 * reasons, not the 12-month follow-up about their later employment.
 */
type Reader = 'employer' | 'provider_or_young_person';

/** Who and what the match is about, as every reader sees it. */
function aboutView(match: Journey, labels: MatchLabels) {
  const placement = labels.placement(match.placementId);
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
  };
}

/** Why the coach proposed it, and which of the young person's limits they went past: not for the employer. */
function evidenceView({ match, hardLimitOverride }: Journey) {
  return {
    ...(match ? { match } : {}),
    ...(hardLimitOverride ? { hardLimitOverride } : {}),
  };
}

function youngPersonResponseView(response: NonNullable<Journey['youngPersonResponse']>, reader: Reader) {
  return {
    accepted: response.accepted,
    at: response.at.toISOString(),
    by: response.by,
    ...(response.reason && reader !== 'employer' ? { reason: response.reason } : {}),
    sharedSections: response.sharedSections,
    ...(response.shareId ? { shareId: response.shareId } : {}),
  };
}

function tasterView(taster: NonNullable<Journey['taster']>) {
  return {
    kind: taster.kind,
    date: taster.date,
    place: taster.place,
    ...(taster.notes ? { notes: taster.notes } : {}),
    arrangedAt: taster.arrangedAt.toISOString(),
  };
}

function employerDecisionView(decision: NonNullable<Journey['employerDecision']>) {
  return {
    accepted: decision.accepted,
    at: decision.at.toISOString(),
    by: decision.by,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.note ? { note: decision.note } : {}),
  };
}

/** The answers to the proposal: the young person's, the taster, the employer's. */
function answersView(match: Journey, reader: Reader) {
  const { youngPersonResponse: response, taster, employerDecision: decision } = match;
  return {
    ...(response ? { youngPersonResponse: youngPersonResponseView(response, reader) } : {}),
    ...(taster ? { taster: tasterView(taster) } : {}),
    ...(decision ? { employerDecision: employerDecisionView(decision) } : {}),
  };
}

/** The internship from its first day to its outcome. */
function internshipView(match: Journey) {
  return {
    ...(match.startedOn ? { startedOn: match.startedOn } : {}),
    ...(match.earlyStartReason ? { earlyStartReason: match.earlyStartReason } : {}),
    rotations: match.rotations.map(({ recordedBy: _by, recordedAt, ...rotation }) => ({
      ...rotation,
      recordedAt: recordedAt.toISOString(),
    })),
    ...(match.endedOn ? { endedOn: match.endedOn } : {}),
    ...(match.outcome ? { outcome: match.outcome } : {}),
  };
}

/** The 12-month follow-up, about the young person's later employment: not for the employer. */
function followUpView({ followUp }: Journey) {
  return followUp
    ? {
        followUp: {
          checkedOn: followUp.checkedOn,
          stillEmployed: followUp.stillEmployed,
          ...(followUp.hoursPerWeek !== undefined ? { hoursPerWeek: followUp.hoursPerWeek } : {}),
          ...(followUp.notes ? { notes: followUp.notes } : {}),
          recordedAt: followUp.recordedAt.toISOString(),
        },
      }
    : {};
}

function withdrawalView(withdrawal: NonNullable<Journey['withdrawal']>, reader: Reader) {
  return {
    by: withdrawal.by,
    party: withdrawal.party,
    // The young person's side may give personal reasons; the employer sees only its own.
    ...(reader !== 'employer' || withdrawal.party === 'employer' ? { reason: withdrawal.reason } : {}),
    at: withdrawal.at.toISOString(),
    fromState: withdrawal.fromState,
  };
}

/** The override talks about the young person's limits: the employer sees that a proposal was made, not why. */
function historyView(history: Journey['history'], reader: Reader) {
  return history.map(({ hardLimitsOverridden, overrideReason, ...entry }) => ({
    ...entry,
    at: entry.at.toISOString(),
    ...(hardLimitsOverridden && reader !== 'employer' ? { hardLimitsOverridden, overrideReason } : {}),
  }));
}

/** A match as one caller may see it: its parts, each shaped for the reader, the steps open to them last. */
export function matchView(
  match: Journey,
  viewer: { role: Role; parties: readonly JourneyParty[] },
  labels: MatchLabels,
) {
  const reader: Reader = viewer.role === 'employer' ? 'employer' : 'provider_or_young_person';
  return {
    ...aboutView(match, labels),
    ...(reader === 'employer' ? {} : evidenceView(match)),
    ...answersView(match, reader),
    ...internshipView(match),
    ...(reader === 'employer' ? {} : followUpView(match)),
    ...(match.withdrawal ? { withdrawal: withdrawalView(match.withdrawal, reader) } : {}),
    history: historyView(match.history, reader),
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
