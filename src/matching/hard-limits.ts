import { environmentFactors } from '../domain/vocabulary.js';
import { distanceKm } from '../geo/postcodes.js';
import type { PersonFacts, PlacementFacts } from './facts.js';

/**
 * The limits a match must never break, in the order a job coach checks them. The Meilisearch
 * filter (filters.ts) applies them inside the index; `hardLimitViolations` applies the same
 * rules to a record read fresh from MongoDB, so a stale index can never show a placement that
 * breaks one.
 */
export const hardLimits = [
  /** Open, its employer verified by a provider, at least one place free. */
  'placement_open',
  /** Within the young person's maximum travel distance (straight line). */
  'travel_distance',
  /** Every day of the placement is a day the young person is available. */
  'days',
  /** The working day starts no earlier and ends no later than the young person can manage. */
  'daily_hours',
  'hours_per_week',
  /** No environment factor above the young person's limit for it. */
  'environment',
  'step_free_access',
  /** Every adjustment category the young person must have is offered. */
  'required_adjustments',
] as const;
export type HardLimit = (typeof hardLimits)[number];

/** The hard limits that apply to this young person (a limit they have not set is not checked). */
export function hardLimitsOf(person: PersonFacts): HardLimit[] {
  return hardLimits.filter((limit) => {
    if (limit === 'environment') return Object.keys(person.environmentLimits).length > 0;
    if (limit === 'step_free_access') return person.stepFreeRequired;
    if (limit === 'required_adjustments') return person.requiredAdjustments.length > 0;
    return true;
  });
}

type Check = (person: PersonFacts, placement: PlacementFacts) => boolean;

/** Whether the placement breaks each limit. */
const breaks: Record<HardLimit, Check> = {
  placement_open: (_, placement) =>
    placement.status !== 'open' || !placement.employerVerified || placement.placesFree <= 0,
  travel_distance: (person, placement) => distanceKm(person.coordinates, placement._geo) > person.maxDistanceKm,
  days: (person, placement) => placement.days.some((day) => !person.days.includes(day)),
  daily_hours: (person, placement) =>
    placement.dayStartMinutes < person.earliestStartMinutes || placement.dayEndMinutes > person.latestFinishMinutes,
  hours_per_week: (person, placement) => placement.hoursPerWeek > person.maxHoursPerWeek,
  environment: (person, placement) =>
    environmentFactors.some((factor) => {
      const limit = person.environmentLimits[factor];
      return limit !== undefined && placement.environment[factor] > limit;
    }),
  step_free_access: (person, placement) => person.stepFreeRequired && !placement.stepFreeAccess,
  required_adjustments: (person, placement) =>
    person.requiredAdjustments.some((category) => !placement.adjustmentsOffered.includes(category)),
};
const checks = hardLimits.map((limit) => breaks[limit]);

/** Which hard limits this placement breaks for this young person; empty when it fits. */
export function hardLimitViolations(person: PersonFacts, placement: PlacementFacts): HardLimit[] {
  return hardLimits.filter((limit) => breaks[limit](person, placement));
}

/** `hardLimitViolations(...).length === 0`, stopping at the first broken limit, for a whole pool of placements. */
export function keepsHardLimits(person: PersonFacts, placement: PlacementFacts): boolean {
  for (const check of checks) if (check(person, placement)) return false;
  return true;
}
