import { addDays, addMonths } from '../core/dates.js';

/**
 * The dates and words of the year after an internship: EHC plan reviews, follow-ups at 6, 9 and
 * 12 months, the employment plan's window and the SEN2 attendance pattern. Pure, so the service,
 * the daily run and the reports agree.
 */

/** DFN Project SEARCH and US supported employment check work at these months after the end. */
export const followUpMonths = [6, 9, 12] as const;
export type FollowUpMonth = (typeof followUpMonths)[number];

export const followUpActivities = [
  'paid_job',
  'apprenticeship',
  'further_education',
  'volunteering',
  'nothing_yet',
] as const;
export type FollowUpActivity = (typeof followUpActivities)[number];

/** Pay against the National Minimum Wage (or National Living Wage) for the young person's age band. */
export const payBands = ['below', 'at', 'above'] as const;
export type PayBand = (typeof payBands)[number];

/** Activities that are paid work, and so have hours, pay and an employer. */
export const paidActivities: readonly FollowUpActivity[] = ['paid_job', 'apprenticeship'];

/** The hours a week DFN Project SEARCH counts as a job in its fidelity model. */
export const fidelityHoursPerWeek = 16;
/** The share of a class in such jobs within 9 months that the fidelity model asks for (70 to 100%). */
export const fidelityBand = { fromPercent: 70, toPercent: 100, withinMonths: 9 } as const;

/** A reminder for the EHC plan's annual review this long before it. */
export const ehcReviewReminderDays = 28;

/** The employment plan runs to this many days after the internship's last day. */
export const employmentPlanDaysAfterEnd = 60;

export function followUpDueOn(endedOn: string, month: FollowUpMonth): string {
  return addMonths(endedOn, month);
}

export function ehcReviewReminderOn(nextReviewOn: string): string {
  return addDays(nextReviewOn, -ehcReviewReminderDays);
}

/** From the start of the last rotation (or of the internship, before any) to 60 days after the end. */
export function employmentPlanWindow(input: { startedOn: string; rotationStarts: string[]; endedOn?: string }): {
  from: string;
  until?: string;
} {
  const lastRotation = input.rotationStarts.reduce((latest, start) => (start > latest ? start : latest), '');
  return {
    from: lastRotation || input.startedOn,
    ...(input.endedOn ? { until: addDays(input.endedOn, employmentPlanDaysAfterEnd) } : {}),
  };
}

/** Is this follow-up a job of 16 hours a week or more, the fidelity model's measure? */
export function inPaidWork16Hours(followUp: { activity: FollowUpActivity; hoursPerWeek?: number }): boolean {
  return paidActivities.includes(followUp.activity) && (followUp.hoursPerWeek ?? 0) >= fidelityHoursPerWeek;
}

/** How the SEN2 return's attendance pattern is derived from the placement's hours a week. */
export const fullTimeHoursPerWeek = 16;
export type AttendancePattern = 'full_time' | 'part_time';

/**
 * Full time from 16 hours a week at the placement: the hours a 540-hour study programme year
 * averages over about 34 weeks. The local authority should confirm the line it draws.
 */
export function attendancePattern(hoursPerWeek: number): AttendancePattern {
  return hoursPerWeek >= fullTimeHoursPerWeek ? 'full_time' : 'part_time';
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
