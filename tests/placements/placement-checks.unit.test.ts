import { describe, expect, it } from 'vitest';
import { startProblems, weekdayOf } from '../../src/journey/start-checks.js';
import { mostHoursPerWeek, placementProblems } from '../../src/placements/placement-checks.js';

const schedule = {
  days: ['mon', 'tue', 'wed', 'thu', 'fri'] as const,
  startTime: '09:00',
  endTime: '15:30',
  hoursPerWeek: 30,
};
const placement = {
  schedule: { ...schedule, days: [...schedule.days] },
  startDate: '2027-09-06',
  durationWeeks: 36,
  rotations: [],
  places: 2,
  placesFilled: 0,
  status: 'open' as const,
};

describe('placement checks', () => {
  it('counts the hours a week the days and times hold', () => {
    expect(mostHoursPerWeek(placement.schedule)).toBe(32.5);
    expect(mostHoursPerWeek({ days: ['mon', 'mon'], startTime: '09:00', endTime: '12:00', hoursPerWeek: 1 })).toBe(3);
  });

  it('finds nothing wrong with a placement that can be true', () => {
    expect(placementProblems(placement, { today: '2027-01-01', checkStartDate: true })).toEqual([]);
    expect(
      placementProblems(
        { ...placement, rotations: [12, 12, 12].map((weeks) => ({ department: 'D', tasks: [], weeks })) },
        { today: '2027-01-01', checkStartDate: true },
      ),
    ).toEqual([]);
  });

  it('refuses a placement whose run is already over, allows one still running, and leaves the start alone unless asked', () => {
    const over = placementProblems(
      { ...placement, startDate: '2020-01-01' },
      { today: '2027-01-01', checkStartDate: true },
    );
    expect(over).toEqual([
      {
        path: 'startDate',
        in: 'body',
        message: 'is 2020-01-01, so a 36-week placement ended on 2020-09-08; it must still be running or yet to start',
      },
    ]);
    expect(
      placementProblems({ ...placement, startDate: '2026-09-07' }, { today: '2027-01-01', checkStartDate: true }),
    ).toEqual([]);
    expect(
      placementProblems({ ...placement, startDate: '2020-01-01' }, { today: '2027-01-01', checkStartDate: false }),
    ).toEqual([]);
  });

  it('refuses open with every place filled, but not filled', () => {
    expect(
      placementProblems({ ...placement, placesFilled: 2 }, { today: '2027-01-01', checkStartDate: false }).map(
        (p) => p.path,
      ),
    ).toEqual(['status']);
    expect(
      placementProblems(
        { ...placement, placesFilled: 2, status: 'filled' },
        { today: '2027-01-01', checkStartDate: false },
      ),
    ).toEqual([]);
  });
});

describe('start checks', () => {
  const runs = { schedule: placement.schedule, startDate: '2026-09-14' };

  it('knows the day of the week of a date', () => {
    expect(['2026-09-13', '2026-09-14', '2026-09-19'].map(weekdayOf)).toEqual(['sun', 'mon', 'sat']);
  });

  it('accepts the planned first day, and a later one the placement runs', () => {
    expect(startProblems('2026-09-14', runs, undefined)).toEqual([]);
    expect(startProblems('2026-09-22', runs, undefined)).toEqual([]);
  });

  it('refuses a weekend day, and a day more than four weeks early even with a reason', () => {
    expect(startProblems('2026-09-19', runs, undefined)[0]!.message).toBe(
      'is a Saturday; the placement runs on Monday, Tuesday, Wednesday, Thursday and Friday',
    );
    expect(startProblems('2026-08-10', runs, 'Keen').map((p) => p.path)).toEqual(['startedOn']);
  });

  it('asks for a reason for an early start within four weeks', () => {
    expect(startProblems('2026-09-07', runs, undefined).map((p) => p.path)).toEqual(['earlyStartReason']);
    expect(startProblems('2026-09-07', runs, 'An induction week')).toEqual([]);
  });
});
