import { describe, expect, it } from 'vitest';
import { jobOutcomeFigures } from '../../src/outcomes/job-outcomes.js';
import {
  attendancePattern,
  ehcReviewReminderOn,
  employmentPlanWindow,
  followUpDueOn,
  inPaidWork16Hours,
} from '../../src/outcomes/outcomes.rules.js';

describe('the dates of the year after', () => {
  it('puts follow-ups 6, 9 and 12 months after the last day, at a month’s end when the day does not exist', () => {
    expect([6, 9, 12].map((month) => followUpDueOn('2027-08-31', month as 6 | 9 | 12))).toEqual([
      '2028-02-29',
      '2028-05-31',
      '2028-08-31',
    ]);
  });

  it('reminds of the EHC plan review 4 weeks before it', () => {
    expect(ehcReviewReminderOn('2027-03-01')).toBe('2027-02-01');
  });

  it('runs the employment plan from the last rotation’s start (or the internship’s) to 60 days after the end', () => {
    expect(
      employmentPlanWindow({
        startedOn: '2026-09-07',
        rotationStarts: ['2027-01-04', '2027-04-12'],
        endedOn: '2027-07-16',
      }),
    ).toEqual({ from: '2027-04-12', until: '2027-09-14' });
    expect(employmentPlanWindow({ startedOn: '2026-09-07', rotationStarts: [] })).toEqual({ from: '2026-09-07' });
  });
});

describe('the measures', () => {
  it('counts a paid job or an apprenticeship of 16 hours a week or more as the fidelity model’s job', () => {
    expect(inPaidWork16Hours({ activity: 'paid_job', hoursPerWeek: 16 })).toBe(true);
    expect(inPaidWork16Hours({ activity: 'apprenticeship', hoursPerWeek: 30 })).toBe(true);
    expect(inPaidWork16Hours({ activity: 'paid_job', hoursPerWeek: 15.5 })).toBe(false);
    expect(inPaidWork16Hours({ activity: 'volunteering', hoursPerWeek: 20 })).toBe(false);
  });

  it('calls 16 placement hours a week full time for SEN2, fewer part time', () => {
    expect([attendancePattern(16), attendancePattern(15)]).toEqual(['full_time', 'part_time']);
  });

  it('places a class against the 70–100% band within 9 months, and says when it is not known yet', () => {
    const ended = (matchId: string, months: number[]) => ({
      matchId,
      state: 'completed',
      sector: 'retail',
      endedOn: '2026-01-15',
      followUps: months.map((month) => ({
        month: month as 6 | 9 | 12,
        activity: 'paid_job' as const,
        hoursPerWeek: 20,
      })),
    });
    const figures = jobOutcomeFigures([ended('a', [6]), ended('b', [9]), ended('c', [])], '2026-11-01');
    expect(figures.within9Months).toEqual({ due: 3, inPaidWork16Hours: 2, percent: 66.7, fidelity: 'below_band' });
    expect(figures.at6Months).toEqual({ due: 3, inPaidWork16Hours: 1, percent: 33.3 });
    expect(figures.at12Months).toEqual({ due: 0, inPaidWork16Hours: 0, percent: null });
    expect(jobOutcomeFigures([ended('a', [6, 9])], '2026-11-01').within9Months.fidelity).toBe('within_band');
    expect(jobOutcomeFigures([ended('a', [6])], '2026-08-01').within9Months.fidelity).toBe('not_yet_known');
  });
});
