import type { PassportSection, Role, Sector } from '../domain/vocabulary.js';
import type { HardLimit } from '../matching/hard-limits.js';
import type { JourneyParty, JourneyState } from './journey.machine.js';
import type { Outcome, tasterKinds } from './journey.schemas.js';

export interface ActedBy {
  accountId: string;
  role: Role;
}

export interface HistoryEntry {
  action: string;
  from?: JourneyState;
  to: JourneyState;
  at: Date;
  by: ActedBy;
  /** On a proposal that breaks hard limits: which ones, and the coach's reason for going ahead. */
  hardLimitsOverridden?: HardLimit[];
  overrideReason?: string;
}

/** A proposal the coach made although it breaks the young person's hard limits, and why. */
export interface HardLimitOverride {
  limits: HardLimit[];
  reason: string;
}

export interface Rotation {
  department: string;
  tasks: string[];
  startDate: string;
  endDate?: string;
  recordedAt: Date;
  recordedBy: ActedBy;
}

/** One young person's journey with one placement, from proposal to the 12-month follow-up. */
export interface Journey {
  id: string;
  youngPersonId: string;
  providerId: string;
  /** The coach whose caseload this is: the young person's assigned coach, else the proposer. */
  jobCoachId?: string;
  placementId: string;
  employerId: string;
  state: JourneyState;
  /** Set when the young person agrees; the employer never sees a proposal before that. */
  visibleToEmployer: boolean;
  note: string;
  hardLimitOverride?: HardLimitOverride;
  /** The score and reasons the coach proposed with: the `/matches` reasons object, or sentences. */
  match?: { score: number; reasons: string[] | Record<string, unknown> };
  /**
   * The academic year (from 1 September) the internship counts in: of the planned start when
   * proposed, of the actual start once there is one. With the rest copied at proposal time so the
   * dashboards can group without joins.
   */
  cohortYear: number;
  localAuthority?: string;
  sector: Sector;
  youngPersonResponse?: {
    accepted: boolean;
    at: Date;
    by: ActedBy;
    reason?: string;
    sharedSections: PassportSection[];
    shareId?: string;
  };
  taster?: {
    kind: (typeof tasterKinds)[number];
    date: string;
    place: string;
    notes?: string;
    arrangedAt: Date;
    arrangedBy: ActedBy;
  };
  employerDecision?: { accepted: boolean; at: Date; by: ActedBy; reason?: string; note?: string };
  startedOn?: string;
  /** Why the internship began before the placement's planned start, when it did. */
  earlyStartReason?: string;
  rotations: Rotation[];
  endedOn?: string;
  outcome?: Outcome;
  followUp?: {
    checkedOn: string;
    stillEmployed: boolean;
    hoursPerWeek?: number;
    notes?: string;
    recordedAt: Date;
    recordedBy: ActedBy;
  };
  withdrawal?: { by: ActedBy; party: JourneyParty; reason: string; at: Date; fromState: JourneyState };
  history: HistoryEntry[];
  proposedAt: Date;
  updatedAt: Date;
}

export type NewJourney = Pick<
  Journey,
  | 'youngPersonId'
  | 'providerId'
  | 'jobCoachId'
  | 'placementId'
  | 'employerId'
  | 'note'
  | 'hardLimitOverride'
  | 'match'
  | 'cohortYear'
  | 'localAuthority'
  | 'sector'
>;

/** What a step records besides the state: each step fills in its own part of the match. */
export type StepFields = Partial<
  Pick<
    Journey,
    | 'visibleToEmployer'
    | 'youngPersonResponse'
    | 'taster'
    | 'employerDecision'
    | 'startedOn'
    | 'earlyStartReason'
    | 'cohortYear'
    | 'endedOn'
    | 'outcome'
    | 'followUp'
    | 'withdrawal'
  >
>;

/** A change of state: the fields it sets and the history entry it appends. */
export interface StateChange {
  from: JourneyState;
  to: JourneyState;
  action: string;
  by: ActedBy;
  at: Date;
  set: StepFields;
}
