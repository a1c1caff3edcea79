import { describe, expect, it } from 'vitest';
import {
  accessToWorkTasks,
  applicationIsLate,
  applicationOpensOn,
  claimTransitions,
  draftClaimFigures,
  intensiveCoaching,
  reconsiderationDeadline,
  renewalOpensOn,
} from '../../src/access-to-work/access-to-work.rules.js';
import { todayInEngland } from '../../src/core/dates.js';

describe('Access to Work dates', () => {
  it('an application may be made from 6 months before the placement starts, to the day', () => {
    expect(applicationOpensOn('2027-09-06')).toBe('2027-03-06');
    // A 31st with no 31st six months earlier opens on the month's last day.
    expect(applicationOpensOn('2027-08-31')).toBe('2027-02-28');
  });

  it('warns when nothing was sent and the start is under 6 months away, not at exactly 6 months', () => {
    expect(applicationIsLate({ placementStart: '2027-09-06', today: '2027-03-06' })).toBe(false);
    expect(applicationIsLate({ placementStart: '2027-09-06', today: '2027-03-07' })).toBe(true);
    expect(applicationIsLate({ placementStart: '2027-09-06', today: '2027-10-01' })).toBe(true);
    expect(applicationIsLate({ placementStart: '2027-09-06', today: '2027-03-07', sentOn: '2027-03-07' })).toBe(false);
  });

  it('a reconsideration may be asked up to and including 4 weeks after the letter’s date', () => {
    expect(reconsiderationDeadline('2027-05-03')).toBe('2027-05-31');
    expect(reconsiderationDeadline('2027-02-15')).toBe('2027-03-15');
  });

  it('renewal opens exactly 12 weeks before the award ends', () => {
    expect(renewalOpensOn('2028-06-30')).toBe('2028-04-07');
  });

  it('intensive coaching lasts 26 weeks from the start and up to 13 more at the adviser’s discretion', () => {
    expect(intensiveCoaching('2027-09-06')).toEqual({ intensiveUntil: '2028-03-05', discretionaryUntil: '2028-06-04' });
  });

  it('today is the day in England: 23:30 UTC in summer is already tomorrow in London', () => {
    expect(todayInEngland(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(todayInEngland(new Date('2027-12-31T23:30:00Z'))).toBe('2027-12-31');
  });
});

describe('a month’s claim from the weekly logs', () => {
  const line = { startsOn: '2027-09-06', endsOn: '2028-03-05', hoursPerWeek: 10, costPerHourPence: 2850 };
  const base = { month: '2027-10', today: '2027-11-05', startedOn: '2027-09-06', lines: [line] };

  it('counts the weeks whose Monday falls in the month, totals their coaching hours and prices them', () => {
    const figures = draftClaimFigures({
      ...base,
      logs: [
        { weekStarting: '2027-09-27', coachingHours: 9 },
        { weekStarting: '2027-10-04', coachingHours: 10 },
        { weekStarting: '2027-10-11', coachingHours: 8.5 },
        { weekStarting: '2027-10-18', coachingHours: 7 },
        { weekStarting: '2027-10-25', coachingHours: 6 },
        { weekStarting: '2027-11-01', coachingHours: 5 },
      ],
    });
    expect(figures).toEqual({
      firstDay: '2027-10-04',
      lastDay: '2027-10-31',
      weeks: [
        { weekStarting: '2027-10-04', coachingHours: 10 },
        { weekStarting: '2027-10-11', coachingHours: 8.5 },
        { weekStarting: '2027-10-18', coachingHours: 7 },
        { weekStarting: '2027-10-25', coachingHours: 6 },
      ],
      coachingHours: 31.5,
      costPerHourPence: 2850,
      totalPence: 89775,
      warnings: [],
    });
  });

  it('warns about a missing week, hours over the award and hours outside the award’s dates', () => {
    const figures = draftClaimFigures({
      ...base,
      lines: [{ ...line, endsOn: '2027-10-24' }],
      logs: [
        { weekStarting: '2027-10-04', coachingHours: 10.5 },
        { weekStarting: '2027-10-18', coachingHours: 10 },
        { weekStarting: '2027-10-25', coachingHours: 4 },
      ],
    });
    expect(figures.warnings).toEqual([
      { kind: 'over_award_hours', weekStarting: '2027-10-04', loggedHours: 10.5, awardedHours: 10 },
      { kind: 'missing_week', weekStarting: '2027-10-11' },
      { kind: 'outside_award', weekStarting: '2027-10-25', loggedHours: 4 },
    ]);
    expect(figures.coachingHours).toBe(20.5);
    expect(figures.weeks.map((week) => week.weekStarting)).toEqual(['2027-10-04', '2027-10-18']);
  });

  it('leaves out the weeks before the internship’s first week, after its end and not yet begun', () => {
    const figures = draftClaimFigures({
      ...base,
      month: '2027-09',
      today: '2027-09-20',
      startedOn: '2027-09-08',
      endedOn: '2027-09-13',
      logs: [{ weekStarting: '2027-09-06', coachingHours: 3 }],
    });
    expect(figures.firstDay).toBe('2027-09-06');
    expect(figures.lastDay).toBe('2027-09-19');
    expect(figures.warnings).toEqual([{ kind: 'missing_week', weekStarting: '2027-09-13' }]);
  });
});

describe('a claim’s states', () => {
  it('goes draft, signed, sent, then paid or queried; a queried claim is sent again', () => {
    expect(claimTransitions.sign).toEqual({ from: ['draft'], to: 'signed' });
    expect(claimTransitions.send.from).toEqual(['signed', 'queried']);
    expect(claimTransitions.pay.from).toEqual(['sent']);
    expect(claimTransitions.query.from).toEqual(['sent']);
  });
});

describe('what a job coach must do about Access to Work today', () => {
  const award = {
    letterDate: '2027-07-01',
    fundedUntil: '2028-07-14',
    coachingLines: [{ startsOn: '2027-09-06', endsOn: '2028-07-14' }],
  };
  const tasksOn = (today: string, extra: Partial<Parameters<typeof accessToWorkTasks>[0]> = {}) =>
    accessToWorkTasks({ today, placementStart: '2027-09-06', claims: new Map(), ...extra }).map((task) => task.kind);

  it('an application is late from the day after it could first be sent, until it is sent or an award is recorded', () => {
    expect(tasksOn('2027-03-06')).toEqual([]);
    expect(tasksOn('2027-03-07')).toEqual(['application_late']);
    expect(tasksOn('2027-03-07', { sentOn: '2027-03-07' })).toEqual([]);
    expect(tasksOn('2027-07-01', { sentOn: '2027-05-01', award })).not.toContain('application_late');
  });

  it('a reconsideration is reminded of in the last 7 days up to its deadline, 4 weeks after the letter', () => {
    const on = (today: string) => tasksOn(today, { sentOn: '2027-05-01', award });
    expect(on('2027-07-21')).toEqual([]);
    expect(on('2027-07-22')).toEqual(['reconsideration_closing']);
    expect(on('2027-07-29')).toEqual(['reconsideration_closing']);
    expect(on('2027-07-30')).toEqual([]);
  });

  it('renewal is open from 12 weeks before the award ends to its last day, unless the internship has ended', () => {
    const on = (today: string, endedOn?: string) =>
      tasksOn(today, {
        sentOn: '2027-05-01',
        award,
        startedOn: '2027-09-06',
        ...(endedOn ? { endedOn } : {}),
        claims: new Map([
          ['2028-03', 'sent'],
          ['2028-06', 'paid'],
          ['2028-04', 'sent'],
        ]),
      });
    expect(on('2028-04-20')).toEqual([]);
    expect(on('2028-04-21')).toEqual(['renewal_open']);
    expect(on('2028-07-14')).toEqual(['renewal_open']);
    expect(on('2028-07-15')).toEqual([]);
    expect(on('2028-04-21', '2028-04-01')).toEqual([]);
  });

  it('last month’s claim is late from the 11th while it is not sent, if the award’s coaching and the internship cover it', () => {
    const on = (
      today: string,
      claims: [string, 'draft' | 'signed' | 'sent' | 'queried'][] = [],
      startedOn = '2027-09-06',
    ) => tasksOn(today, { sentOn: '2027-05-01', award, startedOn, claims: new Map(claims) });
    expect(on('2027-10-10')).toEqual([]);
    expect(on('2027-10-11')).toEqual(['claim_late']);
    expect(
      accessToWorkTasks({
        today: '2027-10-11',
        placementStart: '2027-09-06',
        startedOn: '2027-09-06',
        sentOn: '2027-05-01',
        award,
        claims: new Map(),
      })[0],
    ).toMatchObject({ month: '2027-09', dueOn: '2027-10-10', occurrence: '2027-09' });
    expect(on('2027-10-11', [['2027-09', 'draft']])).toEqual(['claim_late']);
    expect(on('2027-10-11', [['2027-09', 'signed']])).toEqual(['claim_late']);
    expect(on('2027-10-11', [['2027-09', 'sent']])).toEqual([]);
    expect(on('2027-10-11', [['2027-09', 'queried']])).toEqual([]);
    // An internship that started in October has nothing to claim for September.
    expect(on('2027-10-11', [], '2027-10-04')).toEqual([]);
    // No award line pays for August.
    expect(on('2027-09-11', [], '2027-08-02')).toEqual([]);
  });
});
