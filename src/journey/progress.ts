import { addDays, addMonths, daysBetween, weekStartOf } from '../core/dates.js';

/**
 * The weekly picture of an internship: which weeks have a log, how job
 * coach support changes over time (fading), and when the next review and the follow-up are due.
 * Dates are ISO calendar dates (see core/dates.ts).
 */

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
const mean = (values: number[]) =>
  values.length ? round1(values.reduce((sum, v) => sum + v, 0) / values.length) : null;

/**
 * Every week from the first to the last one that is due a log: up to the week before `today`
 * while the internship runs, up to the week of `endedOn` once it has ended. The week under way
 * is shown if it already has a log, but never flagged as missing.
 */
export function weeklyProgress(input: {
  startedOn: string;
  endedOn?: string;
  today: string;
  logs: LoggedWeek[];
}): WeeklyProgress {
  const first = weekStartOf(input.startedOn);
  const lastDue =
    input.endedOn && input.endedOn <= input.today ? weekStartOf(input.endedOn) : addDays(weekStartOf(input.today), -7);
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
