/**
 * Access to Work's dates and claim arithmetic, as pure functions of ISO dates ("YYYY-MM-DD", the
 * day in England). The periods are DWP's (see "The internship year beyond the match" in the
 * domain notes); each end date here is the last day that still counts.
 */
import { addDays, addMonths, mondayOnOrAfter, weekStartOf } from '../core/dates.js';

export const applicationLeadMonths = 6;
export const reconsiderationDays = 28;
export const renewalLeadWeeks = 12;
export const intensiveCoachingWeeks = 26;
export const discretionaryCoachingWeeks = 13;

/** The first day an application may be made: 6 months before the placement starts. */
export function applicationOpensOn(placementStart: string): string {
  return addMonths(placementStart, -applicationLeadMonths);
}

/** A warning while nothing has been sent and the start is less than 6 months away (or has passed). */
export function applicationIsLate(input: { placementStart: string; today: string; sentOn?: string }): boolean {
  return !input.sentOn && input.placementStart < addMonths(input.today, applicationLeadMonths);
}

/** The last day to ask for a reconsideration: 4 weeks after the letter's date. */
export function reconsiderationDeadline(letterDate: string): string {
  return addDays(letterDate, reconsiderationDays);
}

/** The first day a renewal may be applied for: 12 weeks before the award ends. */
export function renewalOpensOn(awardEndsOn: string): string {
  return addDays(awardEndsOn, -renewalLeadWeeks * 7);
}

/** Intensive job coaching: 26 weeks from the start, and up to 13 more if the adviser agrees. */
export function intensiveCoaching(placementStart: string): { intensiveUntil: string; discretionaryUntil: string } {
  return {
    intensiveUntil: addDays(placementStart, intensiveCoachingWeeks * 7 - 1),
    discretionaryUntil: addDays(placementStart, (intensiveCoachingWeeks + discretionaryCoachingWeeks) * 7 - 1),
  };
}

/** A month as "YYYY-MM" and its first and last days. */
export function monthBounds(month: string): { first: string; last: string } {
  const first = `${month}-01`;
  return { first, last: addDays(addMonths(first, 1), -1) };
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export interface CoachingLine {
  startsOn: string;
  endsOn: string;
  hoursPerWeek: number;
  costPerHourPence: number;
}

export interface LoggedWeek {
  weekStarting: string;
  coachingHours: number;
}

export type ClaimWarning =
  | { kind: 'missing_week'; weekStarting: string }
  | { kind: 'over_award_hours'; weekStarting: string; loggedHours: number; awardedHours: number }
  | { kind: 'outside_award'; weekStarting: string; loggedHours: number };

export interface ClaimFigures {
  firstDay: string;
  lastDay: string;
  /** The weeks of the month that count: each with the coaching hours claimed for it. */
  weeks: { weekStarting: string; coachingHours: number }[];
  coachingHours: number;
  costPerHourPence: number;
  totalPence: number;
  warnings: ClaimWarning[];
}

/**
 * A month's claim from the weekly logs. A week belongs to the month its Monday falls in, so each
 * week is claimed once; the claim runs from that first Monday to the Sunday after the last one.
 * Weeks before the internship's first week, after its end or not yet begun are not the month's.
 * Hours in a week no job coach line covers are left out of the claim (AtW would not pay them) and
 * named in a warning; hours over the line's weekly hours are claimed, with a warning, for the coach
 * to decide. The cost an hour is that of the line covering the first claimed week.
 */
export function draftClaimFigures(input: {
  month: string;
  today: string;
  startedOn: string;
  endedOn?: string;
  lines: CoachingLine[];
  logs: LoggedWeek[];
}): ClaimFigures {
  const { first, last } = monthBounds(input.month);
  const firstWeek = weekStartOf(input.startedOn);
  const mondays: string[] = [];
  for (let monday = mondayOnOrAfter(first); monday <= last; monday = addDays(monday, 7)) {
    if (monday < firstWeek || monday > input.today) continue;
    if (input.endedOn && monday > input.endedOn) continue;
    mondays.push(monday);
  }
  const logged = new Map(input.logs.map((log) => [log.weekStarting, log.coachingHours]));
  const warnings: ClaimWarning[] = [];
  const weeks: ClaimFigures['weeks'] = [];
  let costPerHourPence = 0;
  for (const weekStarting of mondays) {
    const hours = logged.get(weekStarting);
    if (hours === undefined) {
      warnings.push({ kind: 'missing_week', weekStarting });
      continue;
    }
    const line = input.lines.find(
      (candidate) => candidate.startsOn <= weekStarting && weekStarting <= candidate.endsOn,
    );
    if (!line) {
      if (hours > 0) warnings.push({ kind: 'outside_award', weekStarting, loggedHours: hours });
      continue;
    }
    if (weeks.length === 0) costPerHourPence = line.costPerHourPence;
    if (hours > line.hoursPerWeek)
      warnings.push({ kind: 'over_award_hours', weekStarting, loggedHours: hours, awardedHours: line.hoursPerWeek });
    weeks.push({ weekStarting, coachingHours: hours });
  }
  const coachingHours = weeks.reduce((sum, week) => sum + week.coachingHours, 0);
  const firstDay = mondays[0] ?? mondayOnOrAfter(first);
  return {
    firstDay,
    lastDay: addDays(mondays.at(-1) ?? firstDay, 6),
    weeks,
    coachingHours,
    costPerHourPence,
    totalPence: Math.round(coachingHours * costPerHourPence),
    warnings,
  };
}

export const claimStates = ['draft', 'signed', 'sent', 'paid', 'queried'] as const;
export type ClaimState = (typeof claimStates)[number];
export const claimSteps = ['sign', 'send', 'pay', 'query'] as const;
export type ClaimStep = (typeof claimSteps)[number];

/** A claim goes draft -> signed -> sent -> paid, or queried and then sent again once answered. */
export const claimTransitions: Record<ClaimStep, { from: readonly ClaimState[]; to: ClaimState }> = {
  sign: { from: ['draft'], to: 'signed' },
  send: { from: ['signed', 'queried'], to: 'sent' },
  pay: { from: ['sent'], to: 'paid' },
  query: { from: ['sent'], to: 'queried' },
};

/** How many days before the reconsideration deadline the job coach is reminded of it. */
export const reconsiderationReminderDays = 7;
/** DWP asks for a month's claim by this day of the month after. */
export const claimDueDayOfMonth = 10;

export const accessToWorkTaskKinds = [
  'application_late',
  'reconsideration_closing',
  'renewal_open',
  'claim_late',
] as const;
export type AccessToWorkTaskKind = (typeof accessToWorkTaskKinds)[number];

/**
 * One thing about Access to Work a job coach must do now. `dueOn` is the date that matters to it
 * (the application's opening day, the reconsideration deadline, the award's last day, the claim's
 * due day); `month` is the month a late claim is for. Each task is the same task while it lasts,
 * so `occurrence` names it for reminding once.
 */
export interface AccessToWorkTask {
  kind: AccessToWorkTaskKind;
  dueOn: string;
  occurrence: string;
  month?: string;
}

/** The month before today's, and the day its claim is due. */
export function previousClaimMonth(today: string): { month: string; dueOn: string } {
  const month = monthOf(addMonths(`${monthOf(today)}-01`, -1));
  return { month, dueOn: `${monthOf(today)}-${String(claimDueDayOfMonth).padStart(2, '0')}` };
}

/**
 * What a job coach must do today about one young person's Access to Work:
 * - the application, while nothing is sent and the placement starts less than 6 months away;
 * - a reconsideration, in the last `reconsiderationReminderDays` days up to its deadline;
 * - the renewal, from the day it opens to the award's last day, while the internship goes on;
 * - last month's claim, after the 10th while it is not sent, if the award's coaching paid for any of it.
 */
export function accessToWorkTasks(input: {
  today: string;
  placementStart: string | null;
  startedOn?: string;
  endedOn?: string;
  sentOn?: string;
  award?: { letterDate: string; fundedUntil: string; coachingLines: { startsOn: string; endsOn: string }[] };
  /** The states of the claims made, by month. */
  claims: ReadonlyMap<string, ClaimState>;
}): AccessToWorkTask[] {
  const { today, award } = input;
  const tasks: AccessToWorkTask[] = [];
  const ongoing = !input.endedOn || input.endedOn >= today;
  if (
    !award &&
    ongoing &&
    input.placementStart &&
    applicationIsLate({
      placementStart: input.placementStart,
      today,
      ...(input.sentOn ? { sentOn: input.sentOn } : {}),
    })
  ) {
    const opensOn = applicationOpensOn(input.placementStart);
    tasks.push({ kind: 'application_late', dueOn: opensOn, occurrence: input.placementStart });
  }
  if (award) {
    const deadline = reconsiderationDeadline(award.letterDate);
    if (addDays(deadline, -reconsiderationReminderDays) <= today && today <= deadline)
      tasks.push({ kind: 'reconsideration_closing', dueOn: deadline, occurrence: award.letterDate });
    if (ongoing && renewalOpensOn(award.fundedUntil) <= today && today <= award.fundedUntil)
      tasks.push({ kind: 'renewal_open', dueOn: award.fundedUntil, occurrence: award.fundedUntil });
    const due = claimDue({
      today,
      coachingLines: award.coachingLines,
      claims: input.claims,
      ...(input.startedOn ? { startedOn: input.startedOn } : {}),
      ...(input.endedOn ? { endedOn: input.endedOn } : {}),
    });
    if (due?.late) tasks.push({ kind: 'claim_late', dueOn: due.dueOn, occurrence: due.month, month: due.month });
  }
  return tasks;
}

/**
 * Last month's claim while it is not sent, if the award's coaching and the internship cover any of
 * that month: the day it is due, and whether that day has passed.
 */
export function claimDue(input: {
  today: string;
  startedOn?: string;
  endedOn?: string;
  coachingLines: { startsOn: string; endsOn: string }[];
  claims: ReadonlyMap<string, ClaimState>;
}): { month: string; dueOn: string; late: boolean } | null {
  const { month, dueOn } = previousClaimMonth(input.today);
  const { first, last } = monthBounds(month);
  const coached = input.coachingLines.some((line) => line.startsOn <= last && first <= line.endsOn);
  const interned = !!input.startedOn && input.startedOn <= last && (!input.endedOn || input.endedOn >= first);
  const state = input.claims.get(month);
  const unsent = state === undefined || state === 'draft' || state === 'signed';
  return coached && interned && unsent ? { month, dueOn, late: input.today > dueOn } : null;
}
