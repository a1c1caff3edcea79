import type { AdjustmentCategory } from '../domain/vocabulary.js';

/**
 * An adjustment request as data: which steps each state allows, who takes them, what they need and
 * where they lead. It follows the Job Accommodation Network's process: the request is recorded, the
 * employer decides (with a reason when it is not possible), records when it is in place, the young
 * person says 1-2 weeks later whether it helps, and every 6-weekly review keeps, changes or stops it.
 * The service asks this table and nothing else whether a step is allowed now.
 */

/** What an adjustment is about, in the words of the passport's "what helps me at work". */
export const adjustmentKinds = [
  'equipment',
  'hours_and_breaks',
  'environment',
  'communication',
  'instructions',
  'travel',
  'other',
] as const;
export type AdjustmentKind = (typeof adjustmentKinds)[number];

/**
 * The passport files a help under more headings than a request needs: meetings are a way of
 * communicating, and help from colleagues or the job coach is not something the employer buys or sets up.
 */
const kindOfCategory: Record<AdjustmentCategory, AdjustmentKind> = {
  environment: 'environment',
  equipment: 'equipment',
  hours_and_breaks: 'hours_and_breaks',
  communication: 'communication',
  instructions: 'instructions',
  meetings: 'communication',
  travel: 'travel',
  colleague_support: 'other',
  job_coach: 'other',
};

export function kindOfPassportCategory(category: AdjustmentCategory): AdjustmentKind {
  return kindOfCategory[category];
}

/** Where a request goes back into the passport: its kind, or help from colleagues for "other". */
export function passportCategoryOfKind(kind: AdjustmentKind): AdjustmentCategory {
  return kind === 'other' ? 'colleague_support' : kind;
}

export const adjustmentStates = [
  /** Shared by the young person (or added by the job coach); the employer has not answered. */
  'requested',
  /** The employer will do it: who, by when, who pays. */
  'agreed',
  /** The employer cannot do it, with a reason the young person and the coach can read. */
  'not_possible',
  /** The employer says it is there, from a date. */
  'in_place',
  /** The young person said whether it helps. */
  'checked',
  /** A review decided it is no longer needed or does not work. */
  'stopped',
] as const;
export type AdjustmentState = (typeof adjustmentStates)[number];

export const adjustmentActions = ['agree', 'decline', 'put_in_place', 'check', 'observe', 'review'] as const;
export type AdjustmentAction = (typeof adjustmentActions)[number];

/** A delegate with the right to answer for the young person acts as the young person. */
export const adjustmentParties = ['young_person', 'job_coach', 'employer'] as const;
export type AdjustmentParty = (typeof adjustmentParties)[number];

/** Who pays for an agreed adjustment: the employer, or a line of the young person's Access to Work award. */
export const adjustmentPayers = ['employer', 'access_to_work'] as const;
export type AdjustmentPayer = (typeof adjustmentPayers)[number];

/** "Does this help you at work?" */
export const checkAnswers = ['yes', 'a_bit', 'no', 'not_sure'] as const;
export type CheckAnswer = (typeof checkAnswers)[number];

/** What a 6-weekly review decides about one adjustment. */
export const reviewDecisions = ['keep', 'change', 'stop'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export interface AdjustmentStep {
  from: AdjustmentState;
  action: AdjustmentAction;
  to: AdjustmentState;
  by: readonly AdjustmentParty[];
  /** What the caller sends, in words; the action's request schema enforces it. */
  needs: string;
}

const coach = 'job_coach';
const youngPerson = 'young_person';
const employer = 'employer';

const observation = 'what the job coach saw at work';
const review = 'the review: keep, change (back to the employer, reworded) or stop, and why';

/** Every allowed (state, action) pair. A pair that is not here is not allowed. */
export const adjustmentSteps: readonly AdjustmentStep[] = [
  {
    from: 'requested',
    action: 'agree',
    to: 'agreed',
    by: [employer],
    needs: 'who will do it, by when, and who pays (the employer or an Access to Work line)',
  },
  {
    from: 'requested',
    action: 'decline',
    to: 'not_possible',
    by: [employer],
    needs: 'the reason, and an alternative if there is one',
  },
  {
    from: 'agreed',
    action: 'put_in_place',
    to: 'in_place',
    by: [employer, coach],
    needs: 'the date it was in place, not before the placement was agreed',
  },
  { from: 'in_place', action: 'check', to: 'checked', by: [youngPerson], needs: 'yes, a bit, no or not sure; why' },
  { from: 'in_place', action: 'observe', to: 'in_place', by: [coach], needs: observation },
  { from: 'checked', action: 'observe', to: 'checked', by: [coach], needs: observation },
  { from: 'in_place', action: 'review', to: 'in_place', by: [coach], needs: review },
  { from: 'checked', action: 'review', to: 'checked', by: [coach], needs: review },
  { from: 'not_possible', action: 'review', to: 'not_possible', by: [coach], needs: review },
];

/** A review that keeps the adjustment leaves it where it is; change sends it back to the employer; stop ends it. */
export function stateAfterReview(current: AdjustmentState, decision: ReviewDecision): AdjustmentState {
  if (decision === 'change') return 'requested';
  if (decision === 'stop') return 'stopped';
  return current;
}

/** States in which the employer has answered yes and it still stands. */
export const agreedStates: readonly AdjustmentState[] = ['agreed', 'in_place', 'checked'];
/** States in which the adjustment is there at work. */
export const inPlaceStates: readonly AdjustmentState[] = ['in_place', 'checked'];

/** Answers that count as "found helpful" in the figures and may go back into the passport. */
export const helpfulAnswers: readonly CheckAnswer[] = ['yes', 'a_bit'];

export function stepsFrom(state: AdjustmentState): AdjustmentStep[] {
  return adjustmentSteps.filter((step) => step.from === state);
}

export interface NextAdjustmentStep {
  action: AdjustmentAction;
  by: readonly AdjustmentParty[];
  needs: string;
}

export function allowedNextSteps(state: AdjustmentState): NextAdjustmentStep[] {
  return stepsFrom(state).map(({ action, by, needs }) => ({ action, by, needs }));
}

/** The actions the given parties may take now. */
export function actionsFor(state: AdjustmentState, parties: readonly AdjustmentParty[]): AdjustmentAction[] {
  return stepsFrom(state)
    .filter((step) => step.by.some((party) => parties.includes(party)))
    .map((step) => step.action);
}

export type AdjustmentStepCheck =
  | { outcome: 'allowed'; step: AdjustmentStep }
  /** The caller's side never takes this action: 403. */
  | { outcome: 'wrong_party'; by: readonly AdjustmentParty[] }
  /** Someone may take it, but not in this state (already answered, not in place yet): 409. */
  | { outcome: 'not_now'; state: AdjustmentState; allowedNextSteps: NextAdjustmentStep[] };

export function checkAdjustmentStep(
  state: AdjustmentState,
  action: AdjustmentAction,
  parties: readonly AdjustmentParty[],
): AdjustmentStepCheck {
  const everWho = [...new Set(adjustmentSteps.filter((step) => step.action === action).flatMap((step) => step.by))];
  if (!everWho.some((party) => parties.includes(party))) return { outcome: 'wrong_party', by: everWho };
  const step = adjustmentSteps.find((candidate) => candidate.from === state && candidate.action === action);
  if (!step) return { outcome: 'not_now', state, allowedNextSteps: allowedNextSteps(state) };
  if (!step.by.some((party) => parties.includes(party))) return { outcome: 'wrong_party', by: step.by };
  return { outcome: 'allowed', step };
}

/** Why a step cannot be taken now, in words the caller can act on (the 409's message). */
export function notNowReason(state: AdjustmentState, action: AdjustmentAction): string {
  if (action === 'agree' || action === 'decline') {
    return state === 'requested'
      ? 'The request is waiting for an answer.'
      : 'This request has already been answered; it cannot be answered twice.';
  }
  if (action === 'put_in_place')
    return state === 'requested'
      ? 'The employer has not agreed to this adjustment yet.'
      : 'Only an agreed adjustment can be marked as in place.';
  if (action === 'check')
    return state === 'checked'
      ? 'This adjustment has already been checked; the answer cannot be given twice.'
      : 'The adjustment is not in place yet, so it cannot be checked.';
  return `Nothing can be recorded about an adjustment that is ${state.replace('_', ' ')} this way.`;
}

/** The journey states in which adjustments may be requested and answered: the employer can see the journey. */
export const journeyStatesWithAdjustments = ['awaiting_employer', 'taster_arranged', 'agreed', 'in_progress'] as const;
/** The journey states in which an adjustment can be put in place: the placement was agreed. */
export const journeyStatesForInPlace = ['agreed', 'in_progress'] as const;

/** Days after an adjustment is in place when its check falls due, and when the reminder stops being useful. */
export const checkWindowDays = { opens: 7, closes: 14 } as const;
/** Working days a request may wait for the employer's answer before they are reminded. */
export const answerReminderWorkingDays = 5;
/** The figures count an adjustment "in place within 14 days of the start" when it is no later than this. */
export const inPlaceWithinDaysOfStart = 14;

/** The day `count` working days (Monday to Friday) after `isoDay`; bank holidays are not counted out. */
export function addWorkingDays(isoDay: string, count: number): string {
  const day = new Date(`${isoDay}T12:00:00Z`);
  for (let left = count; left > 0; ) {
    day.setUTCDate(day.getUTCDate() + 1);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}
