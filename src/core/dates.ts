/**
 * Calendar arithmetic, in one place. Calendar dates are ISO strings ("YYYY-MM-DD") in UTC, so a
 * time zone never shifts a day; weeks start on Monday. Instants are `Date`s.
 */

export const msPerDay = 86_400_000;

export function toDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The instant `days` days after `instant` (before it, when negative). */
export function daysAfter(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * msPerDay);
}

export function addDays(date: string, days: number): string {
  return isoDate(daysAfter(toDate(date), days));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / msPerDay);
}

/** The same calendar day `months` later (clamped to the month's end, so 31 Jan + 1 month is 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const start = toDate(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return isoDate(target);
}

/** The same day of the month `years` earlier or later. */
export function addYears(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) + years).padStart(4, '0')}${date.slice(4)}`;
}

export function isMonday(date: string): boolean {
  return toDate(date).getUTCDay() === 1;
}

/** The Monday of the week the date falls in. */
export function weekStartOf(date: string): string {
  const day = toDate(date).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** The first Monday on or after the date. */
export function mondayOnOrAfter(date: string): string {
  return addDays(date, (8 - toDate(date).getUTCDay()) % 7);
}

/** A date as whole days since 1970-01-01, so dates filter and sort as numbers (in the search indexes). */
export function epochDay(date: string): number {
  return Math.floor(toDate(date).getTime() / msPerDay);
}

export function isoDateOfEpochDay(day: number): string {
  return isoDate(new Date(day * msPerDay));
}

/** The academic year an ISO date falls in: academic years start on 1 September. */
export function cohortYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  return month >= 9 ? year : year - 1;
}

/** The day and hour in England, where every user of the service is. */
export function londonDayAndHour(at: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) };
}

/** Today in England: a claim or a deadline turns over at midnight in London, not in UTC. */
export function todayInEngland(now: Date): string {
  return londonDayAndHour(now).day;
}

/**
 * A day as people say it, the one way pages and emails write dates: "3 March 2026", or with
 * `weekday` "Tuesday 3 March 2026" (emails, read away from a calendar). A calendar date
 * ("YYYY-MM-DD") is that day; an instant is its day in England.
 */
export function longDate(value: string | Date, options: { weekday?: boolean } = {}): string {
  const date = typeof value === 'string' ? new Date(value.length === 10 ? `${value}T12:00:00Z` : value) : value;
  return new Intl.DateTimeFormat('en-GB', {
    ...(options.weekday ? { weekday: 'long' } : {}),
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  })
    .format(date)
    .replace(',', '');
}
