import { ApiError, type FieldProblem } from '../core/errors.js';
import type { JourneyAction, JourneyParty, JourneyState, NextStep } from './journey.machine.js';

/** A state or action as a person reads it: `awaiting_employer` -> `awaiting employer`. */
export const readable = (state: string) => state.replaceAll('_', ' ');

/** A problem with one field of the request body. */
export const bodyProblem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

const partyNames: Record<JourneyParty, string> = {
  job_coach: 'the job coach',
  young_person: 'the young person',
  employer: 'the employer',
};

/** 409: the match is not in a state that allows this; says where it is and what may happen next. */
export function notNowError(state: JourneyState, action: JourneyAction, nextSteps: NextStep[]): ApiError {
  return new ApiError(
    'conflict',
    `This placement match is ${readable(state)}, so "${readable(action)}" cannot happen now.`,
    {
      details: { state, allowedNextSteps: nextSteps },
    },
  );
}

/** 403: this step is taken by another side of the journey; says whose it is. */
export function wrongPartyError(action: JourneyAction, by: readonly JourneyParty[]): ApiError {
  return new ApiError(
    'forbidden',
    `Only ${by.map((party) => partyNames[party]).join(' or ')} can ${readable(action)} here.`,
    {
      details: { action, allowedParties: by },
    },
  );
}
