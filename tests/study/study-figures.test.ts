import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../seed/generate.js';
import { loadDataset } from '../../seed/load.js';
import { actorOf } from '../../src/auth/auth.service.js';
import type { Actor } from '../../src/auth/policy.js';
import { ManualClock } from '../../src/core/clock.js';
import { startedStates } from '../../src/journey/journey.machine.js';
import { createHarness, type Harness } from '../helpers/harness.js';

const today = '2026-11-27';
let harness: Harness;

beforeAll(async () => {
  harness = await createHarness({ clock: new ManualClock(new Date(`${today}T12:00:00Z`)) });
  await loadDataset(harness.services, generate({ today }), { buildSearch: false });
}, 240_000);
afterAll(() => harness.close());

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The study figures the long way: every started journey of the provider that the filter keeps,
 * every attendance document, every programme, read whole and counted in plain code.
 */
async function fullComputation(
  providerId: string,
  keep: (match: { cohortYear: number; localAuthority?: string; jobCoachId?: string }) => boolean,
) {
  const { services } = harness;
  const matches = (
    await services.journeysRepository.collection
      .find({ state: { $in: [...startedStates] }, startedOn: { $exists: true } })
      .toArray()
  ).filter(
    (match) =>
      match.providerId.toHexString() === providerId &&
      keep({
        cohortYear: match.cohortYear,
        ...(match.localAuthority ? { localAuthority: match.localAuthority } : {}),
        ...(match.jobCoachId ? { jobCoachId: match.jobCoachId.toHexString() } : {}),
      }),
  );
  const weeks = await services.studyRepository.attendance.find({}).toArray();
  const programmes = await services.studyRepository.programmes.find({}).toArray();
  const figuresOf = (group: typeof matches) => {
    const ids = new Set(group.map((match) => match._id.toHexString()));
    const mine = weeks.filter((week) => ids.has(week.matchId.toHexString()));
    const expected = mine.reduce((sum, week) => sum + week.daysExpected, 0);
    const attended = mine.reduce((sum, week) => sum + week.daysAttended, 0);
    const people = new Set(group.map((match) => match.youngPersonId.toHexString()));
    const theirs = programmes.filter((programme) => people.has(programme.youngPersonId.toHexString()));
    const english = theirs.filter((programme) => programme.english);
    const maths = theirs.filter((programme) => programme.maths);
    const englishAchieved = english.filter((programme) => programme.english!.achieved).length;
    const mathsAchieved = maths.filter((programme) => programme.maths!.achieved).length;
    return {
      attendancePercent: percent(attended, expected),
      daysExpected: expected,
      daysAttended: attended,
      englishAims: english.length,
      englishAchieved,
      englishAchievedPercent: percent(englishAchieved, english.length),
      mathsAims: maths.length,
      mathsAchieved,
      mathsAchievedPercent: percent(mathsAchieved, maths.length),
    };
  };
  const years = [...new Set(matches.map((match) => match.cohortYear))].sort((a, b) => b - a);
  return [
    { key: null, ...figuresOf(matches) },
    ...years.map((year) => ({
      key: String(year),
      ...figuresOf(matches.filter((match) => match.cohortYear === year)),
    })),
  ];
}

const withoutLabels = (rows: { label: string }[]) => rows.map(({ label: _label, ...row }) => row);

describe('the study programme’s figures in the provider report', () => {
  let admin: Actor;
  let providerId: string;

  beforeAll(async () => {
    admin = actorOf((await harness.services.accounts.byEmail('admin@demo.example'))!);
    providerId = admin.providerId!;
  });

  it('equal a full computation over the seeded history, overall and by academic year', async () => {
    const report = await harness.services.study.reportFigures(admin, {});
    expect(withoutLabels(report.rows)).toEqual(await fullComputation(providerId, () => true));
    expect(report.rows.map((row) => row.label).slice(0, 2)).toEqual(['All', '2026/27']);
  });

  it('equal it with the report’s filters, and for a job coach over their caseload only', async () => {
    const filtered = await harness.services.study.reportFigures(admin, { academicYear: 2024, localAuthority: 'Leeds' });
    expect(withoutLabels(filtered.rows)).toEqual(
      await fullComputation(providerId, (match) => match.cohortYear === 2024 && match.localAuthority === 'Leeds'),
    );
    const coach = actorOf((await harness.services.accounts.byEmail('coach@demo.example'))!);
    const mine = await harness.services.study.reportFigures(coach, {});
    expect(withoutLabels(mine.rows)).toEqual(
      await fullComputation(providerId, (match) => match.jobCoachId === coach.accountId),
    );
    expect(mine.mayExportIlr).toBe(false);
  });

  it('show realistic rates at once: most days attended, about half of the English and maths achieved', async () => {
    const [all, current] = (await harness.services.study.reportFigures(admin, {})).rows;
    expect(all!.attendancePercent).toBeGreaterThan(80);
    expect(all!.attendancePercent).toBeLessThan(97);
    expect(all!.englishAchievedPercent).toBeGreaterThan(35);
    expect(all!.englishAchievedPercent).toBeLessThan(75);
    expect(current!.key).toBe('2026');
    expect(current!.daysExpected).toBeGreaterThan(0);
  });

  it('give the ILR export a learner reference and most employers an ERN', async () => {
    const rows = await harness.services.study.ilrWorkPlacements(admin, {});
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.every((row) => row.learnRefNumber && row.learnAimRef === 'Z0002347')).toBe(true);
    expect(rows.filter((row) => row.workPlaceEmpId).length).toBeGreaterThan(rows.length / 2);
  });
});
