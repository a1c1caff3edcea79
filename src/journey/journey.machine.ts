/**
 * The placement journey as data: which actions each state allows, who may take them, what they
 * need and where they lead. The service asks this table and nothing else whether a step is
 * allowed now; who someone *is* (their party) comes from the policy module.
 */

export const journeyStates = [
  /** A job coach proposed the young person for the placement; they have not answered yet. */
  'proposed',
  'declined_by_young_person',
  /** The young person agreed and chose what to share; the employer can now see the proposal. */
  'awaiting_employer',
  /** The employer asked for a taster day or an informal interview before deciding. */
  'taster_arranged',
  'declined_by_employer',
  /** Both sides agreed; the internship has not started yet. */
  'agreed',
  'in_progress',
  /** Ended with an outcome; the 12-month follow-up is still to come. */
  'completed',
  'followed_up',
  'withdrawn',
] as const;
export type JourneyState = (typeof journeyStates)[number];

export const journeyActions = [
  'accept',
  'decline',
  'arrange_taster',
  'employer_accept',
  'employer_decline',
  'start',
  'record_rotation',
  'log_week',
  'record_review',
  'complete',
  'record_follow_up',
  'withdraw',
] as const;
export type JourneyAction = (typeof journeyActions)[number];

/** The sides of a journey. A delegate with 'respond_to_proposals' acts as the young person. */
export const journeyParties = ['job_coach', 'young_person', 'employer'] as const;
export type JourneyParty = (typeof journeyParties)[number];

export interface JourneyStep {
  from: JourneyState;
  action: JourneyAction;
  to: JourneyState;
  by: readonly JourneyParty[];
  /** What the caller sends, in words; the request schema of the action enforces it. */
  needs: string;
}

const coach = 'job_coach';
const youngPerson = 'young_person';
const employer = 'employer';
const withdrawal = 'a reason';

/** Every allowed (state, action) pair. A pair that is not here is not allowed. */
export const journeySteps: readonly JourneyStep[] = [
  {
    from: 'proposed',
    action: 'accept',
    to: 'awaiting_employer',
    by: [youngPerson],
    needs: 'the passport sections to share with the employer (none is allowed)',
  },
  {
    from: 'proposed',
    action: 'decline',
    to: 'declined_by_young_person',
    by: [youngPerson],
    needs: 'a reason, if they want to give one',
  },
  { from: 'proposed', action: 'withdraw', to: 'withdrawn', by: [coach], needs: withdrawal },

  { from: 'awaiting_employer', action: 'employer_accept', to: 'agreed', by: [employer], needs: 'a note, optionally' },
  {
    from: 'awaiting_employer',
    action: 'employer_decline',
    to: 'declined_by_employer',
    by: [employer],
    needs: 'a reason',
  },
  {
    from: 'awaiting_employer',
    action: 'arrange_taster',
    to: 'taster_arranged',
    by: [employer],
    needs: 'taster day or informal interview: date, place, notes',
  },
  { from: 'awaiting_employer', action: 'withdraw', to: 'withdrawn', by: [coach, youngPerson], needs: withdrawal },

  {
    from: 'taster_arranged',
    action: 'employer_accept',
    to: 'agreed',
    by: [employer],
    needs: 'a note, optionally; on or after the taster date',
  },
  {
    from: 'taster_arranged',
    action: 'employer_decline',
    to: 'declined_by_employer',
    by: [employer],
    needs: 'a reason',
  },
  { from: 'taster_arranged', action: 'withdraw', to: 'withdrawn', by: [coach, youngPerson], needs: withdrawal },

  {
    from: 'agreed',
    action: 'start',
    to: 'in_progress',
    by: [coach, employer],
    needs: 'the first day; takes one of the placement’s free places',
  },
  { from: 'agreed', action: 'withdraw', to: 'withdrawn', by: [coach, youngPerson, employer], needs: withdrawal },

  {
    from: 'in_progress',
    action: 'record_rotation',
    to: 'in_progress',
    by: [coach, employer],
    needs: 'department, tasks, start and end dates',
  },
  {
    from: 'in_progress',
    action: 'log_week',
    to: 'in_progress',
    by: [coach, employer],
    needs: 'week, hours worked, tasks, job coach support hours, independence ratings',
  },
  {
    from: 'in_progress',
    action: 'record_review',
    to: 'in_progress',
    by: [coach, employer],
    needs: 'the date held and SMART targets',
  },
  { from: 'in_progress', action: 'complete', to: 'completed', by: [coach], needs: 'the last day and the outcome' },
  {
    from: 'in_progress',
    action: 'withdraw',
    to: 'withdrawn',
    by: [coach, youngPerson, employer],
    needs: `${withdrawal}; frees the place`,
  },

  {
    from: 'completed',
    action: 'record_follow_up',
    to: 'followed_up',
    by: [coach],
    needs: 'still employed? about 12 months after the end',
  },
];

export const initialJourneyStep = {
  action: 'propose',
  to: 'proposed' as JourneyState,
  by: [coach] as readonly JourneyParty[],
};

/** States in which a match is still going somewhere: a young person has one such match per placement at most. */
export const activeStates: readonly JourneyState[] = [
  'proposed',
  'awaiting_employer',
  'taster_arranged',
  'agreed',
  'in_progress',
];

/** States reached only after the internship started. */
export const startedStates: readonly JourneyState[] = ['in_progress', 'completed', 'followed_up'];

/** The states in which a journey waits for the employer's decision: those from which the table lets the employer say yes. */
export const awaitingEmployerStates: readonly JourneyState[] = journeyStates.filter((state) =>
  journeySteps.some((step) => step.from === state && step.action === 'employer_accept'),
);

export function isActive(state: JourneyState): boolean {
  return activeStates.includes(state);
}

export function stepsFrom(state: JourneyState): JourneyStep[] {
  return journeySteps.filter((step) => step.from === state);
}

/** The steps the given parties may take now. */
export function stepsFor(state: JourneyState, parties: readonly JourneyParty[]): JourneyStep[] {
  return stepsFrom(state).filter((step) => step.by.some((party) => parties.includes(party)));
}

export interface NextStep {
  action: JourneyAction;
  by: readonly JourneyParty[];
  needs: string;
}

/** Everything that may happen next from `state`, and who may do it. */
export function allowedNextSteps(state: JourneyState): NextStep[] {
  return stepsFrom(state).map(({ action, by, needs }) => ({ action, by, needs }));
}

export type StepCheck =
  | { outcome: 'allowed'; step: JourneyStep }
  /** The caller's side never takes this action here, or not in this state: 403. */
  | { outcome: 'wrong_party'; by: readonly JourneyParty[] }
  /** Someone may take this action, but not in the current state: 409 with what may happen next. */
  | { outcome: 'not_now'; state: JourneyState; allowedNextSteps: NextStep[] };

/**
 * Decides whether `parties` may take `action` from `state`. A party that can never take the
 * action gets 'wrong_party' whatever the state; otherwise a state that does not allow it gets
 * 'not_now', and a state that allows it only to another party gets 'wrong_party'.
 */
export function checkStep(state: JourneyState, action: JourneyAction, parties: readonly JourneyParty[]): StepCheck {
  const everWho = [...new Set(journeySteps.filter((step) => step.action === action).flatMap((step) => step.by))];
  if (!everWho.some((party) => parties.includes(party))) return { outcome: 'wrong_party', by: everWho };
  const step = journeySteps.find((candidate) => candidate.from === state && candidate.action === action);
  if (!step) return { outcome: 'not_now', state, allowedNextSteps: allowedNextSteps(state) };
  if (!step.by.some((party) => parties.includes(party))) return { outcome: 'wrong_party', by: step.by };
  return { outcome: 'allowed', step };
}

/**
 * The young person's statuses the journey sets, and the step that sets each: `start` puts them
 * on placement, `complete` makes them completed (leaving early puts them back to active). Staff
 * may not set these by hand, nor move someone out of `on_placement` while the internship runs.
 */
export const statusesSetByJourney = { on_placement: 'start', completed: 'complete' } as const satisfies Record<
  string,
  JourneyAction
>;

/** Why staff may not change a young person's status from `current` to `wanted`, or undefined when they may. */
export function statusChangeRefusal(current: string, wanted: string): string | undefined {
  if (current === wanted) return undefined;
  if (wanted in statusesSetByJourney) {
    return `is set by the placement journey (the "${statusesSetByJourney[wanted as keyof typeof statusesSetByJourney]}" step), not by hand`;
  }
  if (current === 'on_placement')
    return 'cannot change while an internship is in progress; complete or withdraw the placement journey instead';
  return undefined;
}
