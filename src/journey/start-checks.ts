import { daysBetween } from '../core/dates.js';
import type { FieldProblem } from '../core/errors.js';
import { type Weekday, weekdayNames } from '../domain/vocabulary.js';
import type { Placement } from '../placements/placements.repository.js';

/** How far before the placement's planned start an internship may begin, with a reason. */
export const earliestEarlyStartDays = 28;

const weekdayByUtcDay: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function weekdayOf(date: string): Weekday {
  return weekdayByUtcDay[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}

const list = (items: string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * Why a first day cannot be true for this placement: a day it does not run, or before its planned
 * start. A few weeks early is allowed with a reason (an induction week, say); far earlier is not.
 */
export function startProblems(
  startedOn: string,
  placement: Pick<Placement, 'schedule' | 'startDate'>,
  earlyStartReason: string | undefined,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const day = weekdayOf(startedOn);
  if (!placement.schedule.days.includes(day)) {
    const runs = list(placement.schedule.days.map((d) => weekdayNames[d]));
    problems.push({
      path: 'startedOn',
      in: 'body',
      message: `is a ${weekdayNames[day]}; the placement runs on ${runs}`,
    });
  }
  const early = daysBetween(startedOn, placement.startDate);
  if (early > earliestEarlyStartDays) {
    problems.push({
      path: 'startedOn',
      in: 'body',
      message: `is ${early} days before the placement's planned start (${placement.startDate}); a start can be at most ${earliestEarlyStartDays} days early`,
    });
  } else if (early > 0 && !earlyStartReason) {
    problems.push({
      path: 'earlyStartReason',
      in: 'body',
      message: `is needed: the start is ${early} day${early === 1 ? '' : 's'} before the placement's planned start (${placement.startDate})`,
    });
  }
  return problems;
}
