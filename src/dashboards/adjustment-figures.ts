import { type CheckAnswer, helpfulAnswers, inPlaceWithinDaysOfStart } from '../adjustments/adjustments.machine.js';
import { addDays } from '../core/dates.js';
import { percent } from './dashboard-figures.js';

/**
 * The adjustment figures of a provider's or an employer's report, as a pure function of each
 * request's present record and its placement's first day, so that the service and a full
 * recomputation in the tests agree by the same definitions, not by the same code path.
 */

/** One request as the figures read it: no words, no people, only what happened and when. */
export interface AdjustmentFact {
  employerId: string;
  /** The first day of the request's placement, once it started. */
  startedOn?: string;
  agreed: boolean;
  notPossible: boolean;
  inPlaceOn?: string;
  checkAnswer?: CheckAnswer;
}

export type AdjustmentFigures = {
  requests: number;
  agreed: number;
  notPossible: number;
  agreedWithFirstTwoWeeksOver: number;
  inPlaceWithin14Days: number;
  inPlaceWithin14DaysPercent: number | null;
  checked: number;
  foundHelpful: number;
  foundHelpfulPercent: number | null;
};

export const adjustmentFigureDefinitions: Record<keyof AdjustmentFigures, string> = {
  requests:
    'Adjustments asked of the employer: each help the young person shared, and each one the job coach added that the young person agreed to.',
  agreed: 'Of those, requests the employer agreed to (including ones later in place, checked or stopped).',
  notPossible: 'Of those, requests the employer said were not possible.',
  agreedWithFirstTwoWeeksOver: `Agreed requests on placements that started more than ${inPlaceWithinDaysOfStart} days ago, so whether they were in place in time is known.`,
  inPlaceWithin14Days: `Of those, adjustments in place no later than ${inPlaceWithinDaysOfStart} days after the placement’s first day (in place before the first day counts).`,
  inPlaceWithin14DaysPercent: `Adjustments in place within ${inPlaceWithinDaysOfStart} days of the start as a percentage of agreed ones whose first ${inPlaceWithinDaysOfStart} days are over (one decimal place). Empty when there are none.`,
  checked: 'Adjustments the young person answered "Does this help you at work?" about.',
  foundHelpful: 'Of those, adjustments the young person said help them ("yes" or "a bit").',
  foundHelpfulPercent:
    'Adjustments found helpful as a percentage of those checked (one decimal place). Empty when none was checked.',
};

/** Each adjustment figure as the report pages and their CSV name it. */
/** The definitions as a dashboard keeps them, under `adjustments.<figure>`. */
export const adjustmentDashboardDefinitions = Object.fromEntries(
  Object.entries(adjustmentFigureDefinitions).map(([figure, words]) => [`adjustments.${figure}`, words]),
);

export const adjustmentFigureWords: Record<keyof AdjustmentFigures, string> = {
  requests: 'Adjustments requested',
  agreed: 'Agreed',
  notPossible: 'Not possible',
  agreedWithFirstTwoWeeksOver: 'Agreed, first 2 weeks over',
  inPlaceWithin14Days: 'In place within 14 days of the start',
  inPlaceWithin14DaysPercent: 'In place within 14 days of the start (%)',
  checked: 'Checked by the young person',
  foundHelpful: 'Found helpful',
  foundHelpfulPercent: 'Found helpful (%)',
};

const helpful = (answer: CheckAnswer | undefined) => answer !== undefined && helpfulAnswers.includes(answer);

/** Whether the first 14 days of a placement that started on `startedOn` are over on `today`. */
export function firstTwoWeeksOver(startedOn: string | undefined, today: string): boolean {
  return startedOn !== undefined && addDays(startedOn, inPlaceWithinDaysOfStart) < today;
}

export function inPlaceInTime(fact: Pick<AdjustmentFact, 'startedOn' | 'inPlaceOn'>): boolean {
  return (
    fact.startedOn !== undefined &&
    fact.inPlaceOn !== undefined &&
    fact.inPlaceOn <= addDays(fact.startedOn, inPlaceWithinDaysOfStart)
  );
}

export function adjustmentFigures(facts: AdjustmentFact[], today: string): AdjustmentFigures {
  let agreed = 0;
  let notPossible = 0;
  let agreedWithFirstTwoWeeksOver = 0;
  let inPlaceWithin14Days = 0;
  let checked = 0;
  let foundHelpful = 0;
  for (const fact of facts) {
    if (fact.agreed) {
      agreed += 1;
      if (firstTwoWeeksOver(fact.startedOn, today)) {
        agreedWithFirstTwoWeeksOver += 1;
        if (inPlaceInTime(fact)) inPlaceWithin14Days += 1;
      }
    }
    if (fact.notPossible) notPossible += 1;
    if (fact.checkAnswer) checked += 1;
    if (helpful(fact.checkAnswer)) foundHelpful += 1;
  }
  return {
    requests: facts.length,
    agreed,
    notPossible,
    agreedWithFirstTwoWeeksOver,
    inPlaceWithin14Days,
    inPlaceWithin14DaysPercent: percent(inPlaceWithin14Days, agreedWithFirstTwoWeeksOver),
    checked,
    foundHelpful,
    foundHelpfulPercent: percent(foundHelpful, checked),
  };
}

/** An employer's record for a match's reasons: agreed adjustments whose first two weeks are over, and how many were in place by then. */
export interface EmployerAdjustmentRecord {
  agreed: number;
  inPlaceWithinTwoWeeks: number;
}

export function employerAdjustmentRecords(
  facts: AdjustmentFact[],
  today: string,
): Map<string, EmployerAdjustmentRecord> {
  const records = new Map<string, EmployerAdjustmentRecord>();
  for (const fact of facts) {
    if (!fact.agreed || !firstTwoWeeksOver(fact.startedOn, today)) continue;
    const record = records.get(fact.employerId) ?? { agreed: 0, inPlaceWithinTwoWeeks: 0 };
    record.agreed += 1;
    if (inPlaceInTime(fact)) record.inPlaceWithinTwoWeeks += 1;
    records.set(fact.employerId, record);
  }
  return records;
}
