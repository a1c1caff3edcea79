/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so the time zone never shifts a day. */

const msPerDay = 86_400_000;

const toTime = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  return fromTime(toTime(isoDate) + days * msPerDay);
}

/** The same day of the month `years` earlier or later. */
export function addYears(isoDate: string, years: number): string {
  return `${String(Number(isoDate.slice(0, 4)) + years).padStart(4, '0')}${isoDate.slice(4)}`;
}

/** The first Monday on or after the date. */
export function mondayOnOrAfter(isoDate: string): string {
  const weekday = new Date(toTime(isoDate)).getUTCDay();
  return addDays(isoDate, (8 - weekday) % 7);
}

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
  return Math.floor(toTime(isoDate) / 1000);
}
