import { describe, expect, it } from 'vitest';
import { addMonths, weekStartOf } from '../../src/core/dates.js';
import { emptyCounts, figuresFrom, percent } from '../../src/dashboards/dashboard-figures.js';
import { earlierProposalsByPlacement } from '../../src/journey/earlier-proposals.js';
import { inboxItemsFor, sortInbox } from '../../src/journey/inbox.js';
import {
  activeStates,
  checkStep,
  type JourneyState,
  journeyActions,
  journeyStates,
  journeySteps,
  stepsFor,
} from '../../src/journey/journey.machine.js';
import type { Journey } from '../../src/journey/journey.repository.js';
import { latestShareEnd } from '../../src/journey/journey.service.js';
import { followUpWindow, nextReviewDue, weeklyProgress, weekNumberOf } from '../../src/journey/progress.js';

describe('the journey table', () => {
  it('has at most one step per state and action, and only known states and actions', () => {
    const pairs = journeySteps.map((step) => `${step.from}:${step.action}`);
    expect(new Set(pairs).size).toBe(pairs.length);
    for (const step of journeySteps) {
      expect(journeyStates).toContain(step.from);
      expect(journeyStates).toContain(step.to);
      expect(journeyActions).toContain(step.action);
      expect(step.by.length).toBeGreaterThan(0);
    }
  });

  it('reaches every state from "proposed", and every action is used', () => {
    const reached = new Set<JourneyState>(['proposed']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const step of journeySteps) {
        if (reached.has(step.from) && !reached.has(step.to)) {
          reached.add(step.to);
          changed = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...journeyStates].sort());
    expect(new Set(journeySteps.map((step) => step.action))).toEqual(new Set(journeyActions));
  });

  it('ends only in declined, withdrawn and followed-up; completed waits only for the follow-up', () => {
    const ends = journeyStates.filter((state) => !journeySteps.some((step) => step.from === state));
    expect(ends.sort()).toEqual(['declined_by_employer', 'declined_by_young_person', 'followed_up', 'withdrawn']);
    expect(stepsFor('completed', ['job_coach', 'young_person', 'employer']).map((s) => s.action)).toEqual([
      'record_follow_up',
    ]);
    expect(activeStates).not.toContain('completed');
  });

  it('lets either side withdraw where it makes sense, and the employer only once the young person agreed', () => {
    const withdrawers = (state: JourneyState) =>
      journeySteps.find((s) => s.from === state && s.action === 'withdraw')?.by ?? [];
    expect(withdrawers('proposed')).toEqual(['job_coach']);
    expect(withdrawers('awaiting_employer')).toEqual(['job_coach', 'young_person']);
    expect(withdrawers('agreed')).toEqual(['job_coach', 'young_person', 'employer']);
    expect(withdrawers('in_progress')).toEqual(['job_coach', 'young_person', 'employer']);
    expect(withdrawers('completed')).toEqual([]);
  });
});

describe('checking a step', () => {
  it('allows the right party in the right state, and says where it leads', () => {
    const check = checkStep('proposed', 'accept', ['young_person']);
    expect(check).toMatchObject({ outcome: 'allowed', step: { to: 'awaiting_employer' } });
  });

  it('is a wrong-party refusal for a side that can never take the action', () => {
    expect(checkStep('proposed', 'accept', ['job_coach'])).toEqual({ outcome: 'wrong_party', by: ['young_person'] });
    expect(checkStep('agreed', 'start', ['young_person'])).toEqual({
      outcome: 'wrong_party',
      by: ['job_coach', 'employer'],
    });
    expect(checkStep('in_progress', 'complete', [])).toMatchObject({ outcome: 'wrong_party' });
  });

  it('is a not-now refusal with the allowed next steps when the state does not allow the action', () => {
    const check = checkStep('awaiting_employer', 'accept', ['young_person']);
    expect(check.outcome).toBe('not_now');
    if (check.outcome !== 'not_now') return;
    expect(check.state).toBe('awaiting_employer');
    expect(check.allowedNextSteps.map((s) => s.action)).toEqual([
      'employer_accept',
      'employer_decline',
      'arrange_taster',
      'withdraw',
    ]);
    expect(checkStep('declined_by_employer', 'withdraw', ['job_coach'])).toMatchObject({
      outcome: 'not_now',
      allowedNextSteps: [],
    });
  });

  it('is a wrong-party refusal when the state allows the action only to another side', () => {
    expect(checkStep('proposed', 'withdraw', ['employer'])).toEqual({ outcome: 'wrong_party', by: ['job_coach'] });
    expect(checkStep('proposed', 'withdraw', ['young_person'])).toEqual({ outcome: 'wrong_party', by: ['job_coach'] });
  });
});

describe('weeks, reviews and follow-ups', () => {
  it('counts weeks from the Monday of the start week', () => {
    expect(weekStartOf('2026-09-16')).toBe('2026-09-14');
    expect(weekStartOf('2026-09-14')).toBe('2026-09-14');
    expect(weekStartOf('2026-09-20')).toBe('2026-09-14');
    expect(weekNumberOf('2026-09-16', '2026-09-14')).toBe(1);
    expect(weekNumberOf('2026-09-16', '2026-10-05')).toBe(4);
  });

  it('flags finished weeks with no log, never the week under way, and shows support fading', () => {
    const progress = weeklyProgress({
      startedOn: '2026-09-16',
      today: '2026-10-14',
      logs: [
        { weekStarting: '2026-09-14', hoursWorked: 16, supportHours: 12 },
        { weekStarting: '2026-09-28', hoursWorked: 20, supportHours: 8 },
        { weekStarting: '2026-10-12', hoursWorked: 20, supportHours: 4 },
      ],
    });
    expect(progress.weeks.map((w) => [w.weekNumber, w.weekStarting, w.logged])).toEqual([
      [1, '2026-09-14', true],
      [2, '2026-09-21', false],
      [3, '2026-09-28', true],
      [4, '2026-10-05', false],
      [5, '2026-10-12', true],
    ]);
    expect(progress.weeksWithoutLog).toEqual(['2026-09-21', '2026-10-05']);
    expect(progress.weeks[0]!.supportShare).toBe(0.75);
  });

  it('shows fading as early against recent mean support hours', () => {
    const weeks = ['2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19'];
    const logs = weeks.map((weekStarting, i) => ({ weekStarting, hoursWorked: 20, supportHours: 12 - 2 * i }));
    const { fading, weeksWithoutLog } = weeklyProgress({ startedOn: '2026-09-14', today: '2026-10-26', logs });
    expect(weeksWithoutLog).toEqual([]);
    expect(fading).toEqual({ earlyAverageSupportHours: 9, recentAverageSupportHours: 5 });
  });

  it('stops at the week the internship ended', () => {
    const progress = weeklyProgress({ startedOn: '2026-09-14', endedOn: '2026-09-30', today: '2027-03-01', logs: [] });
    expect(progress.weeksWithoutLog).toEqual(['2026-09-14', '2026-09-21', '2026-09-28']);
  });

  it('dues the first review six weeks after the start, then when the last review said', () => {
    expect(nextReviewDue('2026-09-14')).toBe('2026-10-26');
    expect(nextReviewDue('2026-09-14', { nextReviewDue: '2026-11-30' })).toBe('2026-11-30');
  });

  it('opens the 12-month follow-up a month early and clamps month ends', () => {
    expect(followUpWindow('2027-07-16')).toEqual({ opensOn: '2028-06-16', dueOn: '2028-07-16' });
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });
});

const baseMatch = (overrides: Partial<Journey>): Journey => ({
  id: 'm1',
  youngPersonId: 'y1',
  providerId: 'p1',
  placementId: 'pl1',
  employerId: 'e1',
  state: 'proposed',
  visibleToEmployer: false,
  note: 'note',
  cohortYear: 2026,
  sector: 'retail',
  rotations: [],
  history: [],
  proposedAt: new Date('2026-09-01T09:00:00Z'),
  updatedAt: new Date('2026-09-01T09:00:00Z'),
  ...overrides,
});

describe('the inbox', () => {
  it('asks the young person to answer a proposal, and nobody else', () => {
    const match = baseMatch({});
    expect(inboxItemsFor(match, ['young_person'], '2026-09-02', { loggedWeeks: [] }).map((i) => i.kind)).toEqual([
      'respond_to_proposal',
    ]);
    expect(inboxItemsFor(match, ['job_coach'], '2026-09-02', { loggedWeeks: [] })).toEqual([]);
  });

  it('gives the coach missing logs and a due review, and the employer only the review', () => {
    const match = baseMatch({ state: 'in_progress', startedOn: '2026-09-14', visibleToEmployer: true });
    const today = '2026-10-28';
    const coach = inboxItemsFor(match, ['job_coach'], today, { loggedWeeks: ['2026-09-14', '2026-09-21'] });
    expect(coach.map((i) => i.kind)).toEqual(['weekly_log_due', 'review_due']);
    expect(coach[0]!.weeks).toEqual(['2026-09-28', '2026-10-05', '2026-10-12', '2026-10-19']);
    expect(coach[1]!.dueOn).toBe('2026-10-26');
    expect(inboxItemsFor(match, ['employer'], today, { loggedWeeks: [] }).map((i) => i.kind)).toEqual(['review_due']);
    expect(
      inboxItemsFor(match, ['employer'], today, { loggedWeeks: [], latestReview: { nextReviewDue: '2026-12-07' } }),
    ).toEqual([]);
  });

  it('lists newest first', () => {
    const older = { kind: 'review_due' as const, matchId: 'a', since: new Date('2026-01-01'), actions: [] };
    const newer = { kind: 'respond_to_proposal' as const, matchId: 'b', since: new Date('2026-02-01'), actions: [] };
    expect(sortInbox([older, newer]).map((i) => i.matchId)).toEqual(['b', 'a']);
  });
});

describe('dashboard figures from counts', () => {
  it('turns counts into percentages to one decimal, and leaves them empty with nothing to divide by', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
    const figures = figuresFrom({
      ...emptyCounts,
      completed: 4,
      paidEmployment: 3,
      paidEmployment16Hours: 1,
      followedUpInPaidEmployment: 2,
      stillEmployedAt12Months: 1,
      medianDaysToStart: 45,
    });
    expect(figures).toMatchObject({
      paidEmploymentPercent: 75,
      paidEmployment16HoursPercent: 25,
      twelveMonthRetentionPercent: 50,
      employedAt12MonthsPercent: null,
      medianWeeksProposalToStart: 6.4,
    });
  });
});

describe('the latest day a share made on agreeing to a proposal may last until', () => {
  it('is four weeks after the placement’s planned end when that is within a year', () => {
    expect(latestShareEnd({ startDate: '2026-09-14', durationWeeks: 36 }, '2026-07-01')).toEqual({
      until: '2027-06-21',
      because: 'placement_end',
    });
  });

  it('is a year from today, the longest the share form offers, when the placement ends later', () => {
    expect(latestShareEnd({ startDate: '2027-09-06', durationWeeks: 40 }, '2026-12-07')).toEqual({
      until: '2027-12-07',
      because: 'one_year',
    });
  });
});

describe('earlier proposals of a young person', () => {
  const at = new Date('2026-09-01T09:00:00Z');
  const ended = baseMatch({
    id: 'a1',
    placementId: 'p1',
    state: 'declined_by_young_person',
    youngPersonResponse: {
      accepted: false,
      at,
      by: { accountId: 'y', role: 'young_person' },
      sharedSections: [],
      reason: 'Too far',
    },
    proposedAt: at,
    updatedAt: at,
  });

  it('say what happened and why, one for each placement', () => {
    expect(earlierProposalsByPlacement([ended]).get('p1')).toEqual({
      matchId: 'a1',
      state: 'declined_by_young_person',
      underWay: false,
      at: at.toISOString(),
      reason: 'Too far',
    });
  });

  it('prefer the journey still going, then the latest, even when made in the same instant', () => {
    const again = baseMatch({ id: 'a2', placementId: 'p1', state: 'proposed', proposedAt: at, updatedAt: at });
    expect(earlierProposalsByPlacement([again, ended]).get('p1')).toMatchObject({ matchId: 'a2', underWay: true });
    const withdrawn = { ...again, state: 'withdrawn' as const };
    expect(earlierProposalsByPlacement([withdrawn, ended]).get('p1')?.matchId).toBe('a2');
    expect(earlierProposalsByPlacement([ended, withdrawn]).get('p1')?.matchId).toBe('a2');
  });
});
