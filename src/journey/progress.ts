/**
 * Calendar arithmetic and the weekly picture of an internship: which weeks have a log, how job
 * coach support changes over time (fading), and when the next review and the follow-up are due.
 * Dates are ISO calendar dates ("YYYY-MM-DD") in UTC; weeks start on Monday.
 */

const dayMs = 86_400_000;

export function toDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return isoDate(new Date(toDate(date).getTime() + days * dayMs));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toDate(to).getTime() - toDate(from).getTime()) / dayMs);
}

/** The same calendar day `months` later (clamped to the month's end, so 31 Jan + 1 month is 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const start = toDate(date);
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return isoDate(target);
}

export function isMonday(date: string): boolean {
  return toDate(date).getUTCDay() === 1;
}

/** The Monday of the week the date falls in. */
export function weekStartOf(date: string): string {
  const day = toDate(date).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

/** Week 1 is the week the internship started in. */
export function weekNumberOf(startedOn: string, weekStarting: string): number {
  return Math.floor(daysBetween(weekStartOf(startedOn), weekStarting) / 7) + 1;
}

/** Reviews about every six weeks, as providers and DFN Project SEARCH run them. */
export const reviewIntervalDays = 42;

/** The first review is due six weeks after the start; after that, when the last review said. */
export function nextReviewDue(startedOn: string, latestReview?: { nextReviewDue: string }): string {
  return latestReview ? latestReview.nextReviewDue : addDays(startedOn, reviewIntervalDays);
}

/** The 12-month follow-up is due a year after the last day and can be recorded from a month before. */
export function followUpWindow(endedOn: string): { opensOn: string; dueOn: string } {
  return { opensOn: addMonths(endedOn, 11), dueOn: addMonths(endedOn, 12) };
}

export interface LoggedWeek {
  weekStarting: string;
  hoursWorked: number;
  supportHours: number;
}

export interface ProgressWeek {
  weekNumber: number;
  weekStarting: string;
  logged: boolean;
  hoursWorked?: number;
  supportHours?: number;
  /** Job coach support as a share of the hours worked (0 to 1); falls as support fades. */
  supportShare?: number;
}

export interface WeeklyProgress {
  weeks: ProgressWeek[];
  /** Weeks that are over (or the internship ended) with no log. */
  weeksWithoutLog: string[];
  fading: {
    /** Mean support hours over the first four logged weeks. */
    earlyAverageSupportHours: number | null;
    /** Mean support hours over the last four logged weeks. */
    recentAverageSupportHours: number | null;
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const mean = (values: number[]) => (values.length ? round1(values.reduce((sum, v) => sum + v, 0) / values.length) : null);

/**
 * Every week from the first to the last one that is due a log: up to the week before `today`
 * while the internship runs, up to the week of `endedOn` once it has ended. The week under way
 * is shown if it already has a log, but never flagged as missing.
 */
export function weeklyProgress(input: { startedOn: string; endedOn?: string; today: string; logs: LoggedWeek[] }): WeeklyProgress {
  const first = weekStartOf(input.startedOn);
  const lastDue = input.endedOn && input.endedOn <= input.today ? weekStartOf(input.endedOn) : addDays(weekStartOf(input.today), -7);
  const byWeek = new Map(input.logs.map((log) => [log.weekStarting, log]));
  const lastLogged = input.logs.reduce((latest, log) => (log.weekStarting > latest ? log.weekStarting : latest), '');
  const last = lastLogged > lastDue ? lastLogged : lastDue;
  const weeks: ProgressWeek[] = [];
  const weeksWithoutLog: string[] = [];
  for (let week = first, number = 1; week <= last; week = addDays(week, 7), number += 1) {
    const log = byWeek.get(week);
    if (log) {
      weeks.push({
        weekNumber: number,
        weekStarting: week,
        logged: true,
        hoursWorked: log.hoursWorked,
        supportHours: log.supportHours,
        ...(log.hoursWorked > 0 ? { supportShare: Math.round((log.supportHours / log.hoursWorked) * 100) / 100 } : {}),
      });
    } else {
      weeks.push({ weekNumber: number, weekStarting: week, logged: false });
      if (week <= lastDue) weeksWithoutLog.push(week);
    }
  }
  const logged = weeks.filter((week) => week.logged).map((week) => week.supportHours!);
  return {
    weeks,
    weeksWithoutLog,
    fading: { earlyAverageSupportHours: mean(logged.slice(0, 4)), recentAverageSupportHours: mean(logged.slice(-4)) },
  };
}
