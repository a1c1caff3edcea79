import { addDays } from '../core/dates.js';
import type { FieldProblem } from '../core/errors.js';
import { minutesOfDay } from '../domain/schemas.js';
import type { Placement } from './placements.repository.js';

type Checked = Pick<
  Placement,
  'schedule' | 'startDate' | 'durationWeeks' | 'rotations' | 'places' | 'placesFilled' | 'status'
>;

const problem = (path: string, message: string): FieldProblem => ({ path, in: 'body', message });

/** The most hours a week the placement's days and times allow. */
export function mostHoursPerWeek(schedule: Placement['schedule']): number {
  const hoursPerDay = (minutesOfDay(schedule.endTime) - minutesOfDay(schedule.startTime)) / 60;
  return Math.max(0, hoursPerDay) * new Set(schedule.days).size;
}

/**
 * What makes a placement impossible as described: more hours a week than its days and times hold,
 * rotations that do not fit in it, a run that is already over (a start date such as 2020-01-01), or
 * open with no place free. Each problem names the field. A start date earlier this year is allowed:
 * a running placement can take a late joiner. `startDate` is checked only when it is being set or
 * the placement is being opened before anyone has started on it.
 */
export function placementProblems(
  placement: Checked,
  context: { today: string; checkStartDate: boolean },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { schedule } = placement;
  const most = mostHoursPerWeek(schedule);
  if (schedule.hoursPerWeek > most) {
    const days = new Set(schedule.days).size;
    problems.push(
      problem(
        'schedule.hoursPerWeek',
        `is ${schedule.hoursPerWeek}, but ${days} day${days === 1 ? '' : 's'} a week from ${schedule.startTime} to ${schedule.endTime} hold at most ${most} hours`,
      ),
    );
  }
  const rotationWeeks = placement.rotations.reduce((sum, rotation) => sum + rotation.weeks, 0);
  if (rotationWeeks > placement.durationWeeks) {
    problems.push(
      problem(
        'rotations',
        `add up to ${rotationWeeks} weeks, more than the placement's ${placement.durationWeeks} weeks`,
      ),
    );
  }
  const lastDay = addDays(placement.startDate, placement.durationWeeks * 7 - 1);
  if (context.checkStartDate && lastDay < context.today) {
    problems.push(
      problem(
        'startDate',
        `is ${placement.startDate}, so a ${placement.durationWeeks}-week placement ended on ${lastDay}; it must still be running or yet to start`,
      ),
    );
  }
  if (placement.status === 'open' && placement.placesFilled >= placement.places) {
    problems.push(
      problem(
        'status',
        `cannot be open: all ${placement.places} place${placement.places === 1 ? ' is' : 's are'} filled`,
      ),
    );
  }
  return problems;
}
