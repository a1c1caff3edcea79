import { toDate } from '../src/core/dates.js';

/** Dates the demo data is made around (calendar arithmetic itself is in src/core/dates.ts). */

/**
 * The academic year the demo internships start in: the next 1 September after `today`
 * (on 1 September itself and later, the one a year on), as the year it starts.
 */
export function comingAcademicYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return today.slice(5) < '09-01' ? year : year + 1;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Seconds since 1970 at the start of the day, for the time part of generated record ids. */
export function epochSeconds(isoDate: string): number {
  return Math.floor(toDate(isoDate).getTime() / 1000);
}
