import type { TagColour } from '../web/components/Tag.js';
import type { AdjustmentKind, AdjustmentState, CheckAnswer, ReviewDecision } from './adjustments.machine.js';

/** The words pages use for the table's values: plain English, for a young person and a busy supervisor. */

export const kindWords: Record<AdjustmentKind, string> = {
  equipment: 'Equipment',
  hours_and_breaks: 'Hours and breaks',
  environment: 'The place I work in',
  communication: 'How people talk with me',
  instructions: 'How I am shown what to do',
  travel: 'Getting to and around work',
  other: 'Something else',
};

export const adjustmentStateWords: Record<AdjustmentState, { text: string; colour: TagColour }> = {
  requested: { text: 'Waiting for an answer', colour: 'blue' },
  agreed: { text: 'Agreed', colour: 'turquoise' },
  not_possible: { text: 'Not possible', colour: 'orange' },
  in_place: { text: 'In place', colour: 'green' },
  checked: { text: 'In place and checked', colour: 'green' },
  stopped: { text: 'Stopped', colour: 'grey' },
};

export const checkAnswerWords: Record<CheckAnswer, string> = {
  yes: 'Yes',
  a_bit: 'A bit',
  no: 'No',
  not_sure: 'I’m not sure',
};

export const reviewDecisionWords: Record<ReviewDecision, { text: string; hint: string }> = {
  keep: { text: 'Keep it', hint: 'It works. Nothing changes.' },
  change: { text: 'Change it', hint: 'The employer is asked again.' },
  stop: { text: 'Stop it', hint: 'It is no longer needed, or it does not help.' },
};

export const payerWords = { employer: 'The employer', access_to_work: 'Access to Work' } as const;
