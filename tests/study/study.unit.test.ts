import { describe, expect, it } from 'vitest';
import { ilrCsv, ilrRows } from '../../src/study/ilr-export.js';
import {
  attendancePercent,
  attendanceProblems,
  attendanceTotals,
  programmeProblems,
  programmeWarnings,
} from '../../src/study/study.rules.js';

describe('study programme rules', () => {
  it('warns below 540 planned hours and not from 540', () => {
    expect(programmeWarnings(539)).toHaveLength(1);
    expect(programmeWarnings(540)).toEqual([]);
  });

  it('names an aim achieved in the future, and a date on an aim not achieved', () => {
    const problems = programmeProblems(
      {
        plannedHours: 600,
        english: { level: 'entry_2', achieved: true, achievedOn: '2026-10-02' },
        maths: null,
        otherAims: [{ kind: 'other', title: 'Cook', achieved: false, achievedOn: '2026-09-01' }],
      },
      '2026-10-01',
    );
    expect(problems.map((problem) => problem.path)).toEqual(['english.achievedOn', 'otherAims.0.achievedOn']);
    expect(
      programmeProblems(
        {
          plannedHours: 600,
          english: { level: 'entry_2', achieved: true, achievedOn: '2026-10-01' },
          maths: null,
          otherAims: [],
        },
        '2026-10-01',
      ),
    ).toEqual([]);
  });
});

describe('attendance rules', () => {
  it('refuses more days attended than expected and asks one reason a day missed', () => {
    expect(attendanceProblems({ daysExpected: 3, daysAttended: 4, absences: [] })[0]!.path).toBe('daysAttended');
    expect(attendanceProblems({ daysExpected: 4, daysAttended: 3, absences: [] })[0]!.message).toBe(
      'must give one reason for the 1 day missed (0 given)',
    );
    expect(attendanceProblems({ daysExpected: 4, daysAttended: 3, absences: [{ reason: 'other' }] })[0]!.path).toBe(
      'absences.0.details',
    );
    expect(attendanceProblems({ daysExpected: 4, daysAttended: 4, absences: [] })).toEqual([]);
  });

  it('gives the per cent to one decimal place, null with no day expected', () => {
    expect(attendancePercent(2, 3)).toBe(66.7);
    expect(attendancePercent(0, 0)).toBeNull();
    expect(
      attendanceTotals([
        { daysExpected: 4, daysAttended: 4 },
        { daysExpected: 4, daysAttended: 1 },
      ]),
    ).toEqual({ daysExpected: 8, daysAttended: 5, percent: 62.5 });
  });
});

describe('the ILR export', () => {
  it('leaves out what is not recorded and defuses a name a spreadsheet would run', () => {
    const rows = ilrRows({
      internships: [
        {
          id: 'm1',
          youngPersonId: 'y1',
          providerId: 'p1',
          employerId: 'e1',
          placementId: 'pl1',
          state: 'completed',
          startedOn: '2026-09-07',
          endedOn: '2027-06-30',
          cohortYear: 2026,
          sector: 'retail',
        },
      ],
      programmes: [],
      names: new Map([['y1', '=SUM(A1)']]),
      placementHours: new Map([['pl1', 22.5 * 30]]),
      employers: new Map([['e1', { name: 'Shop, Ltd' }]]),
    });
    expect(ilrCsv(rows).split('\r\n')[1]).toBe(',Z0002347,2026-09-07,2027-06-30,675,2,,y1,\'=SUM(A1),"Shop, Ltd",m1');
  });
});
