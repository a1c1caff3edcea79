import { clockTimeOf } from '../domain/schemas.js';
import {
  adjustmentCategoryLabels,
  environmentFactorLabels,
  environmentFactors,
  levels,
  weekdayNames,
} from '../domain/vocabulary.js';
import { distanceKm } from '../geo/postcodes.js';
import type { PersonFacts, PlacementFacts } from './facts.js';
import { type HardLimit, hardLimitViolations } from './hard-limits.js';

const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** One broken hard limit, said plainly enough to read out to the young person. */
export interface HardLimitBreak {
  limit: HardLimit;
  message: string;
}

/**
 * The hard limits this placement breaks for this young person, each with what breaks it. The
 * decision is `hardLimitViolations`; this only puts it into words.
 */
export function hardLimitBreaks(person: PersonFacts, placement: PlacementFacts): HardLimitBreak[] {
  const say: Record<HardLimit, () => string> = {
    placement_open: () => 'the placement is not open with a place free at a verified employer',
    travel_distance: () =>
      `the placement is ${distanceKm(person.coordinates, placement._geo).toFixed(1)} km away; their limit is ${person.maxDistanceKm} km`,
    days: () =>
      `the placement runs on ${list(placement.days.filter((day) => !person.days.includes(day)).map((day) => weekdayNames[day]))}, when they are not available`,
    daily_hours: () =>
      `the working day is ${clockTimeOf(placement.dayStartMinutes)} to ${clockTimeOf(placement.dayEndMinutes)}; they can manage ${clockTimeOf(person.earliestStartMinutes)} to ${clockTimeOf(person.latestFinishMinutes)}`,
    hours_per_week: () =>
      `the placement is ${placement.hoursPerWeek} hours a week; their most is ${person.maxHoursPerWeek}`,
    environment: () =>
      list(
        environmentFactors
          .filter(
            (factor) =>
              person.environmentLimits[factor] !== undefined &&
              placement.environment[factor] > person.environmentLimits[factor]!,
          )
          .map(
            (factor) =>
              `${environmentFactorLabels[factor]} is ${levels[placement.environment[factor]]}; their limit is ${levels[person.environmentLimits[factor]!]}`,
          ),
      ),
    step_free_access: () => 'they need step-free access and the site has none',
    required_adjustments: () =>
      `the placement does not offer ${list(person.requiredAdjustments.filter((category) => !placement.adjustmentsOffered.includes(category)).map((category) => adjustmentCategoryLabels[category]))}, which they must have`,
  };
  return hardLimitViolations(person, placement).map((limit) => ({ limit, message: say[limit]() }));
}
