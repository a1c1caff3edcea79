import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import {
  type CallResult,
  call,
  callUntyped,
  createHarness,
  fieldProblems,
  type Harness,
  type Schema,
} from '../helpers/harness.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-08-01T09:00:00Z'));
const startedOn = '2026-09-07';
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let matchId: string;

const everyone = () => [world.coach, world.admin, world.youngPerson, world.delegate, other.coach, employer.staff];

/** Bad bodies on purpose, so untyped calls; the answers are typed from the contract. */
const putProgramme = (person: Person, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'PUT', `/v1/young-people/${world.youngPersonId}/study-programme`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'StudyProgramme'>>>;
const getProgramme = (person: Person) =>
  call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/study-programme', {
    path: { youngPersonId: world.youngPersonId },
    token: person.token,
  });
const recordWeek = (person: Person, week: string, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'PUT', `/v1/placement-matches/${matchId}/attendance/${week}`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'AttendanceWeek'>>>;
const listWeeks = (person: Person) =>
  call(harness.app, 'GET', '/v1/placement-matches/{matchId}/attendance', { path: { matchId }, token: person.token });
const ilr = (person: Person, query = '') =>
  callUntyped(harness.app, 'GET', `/v1/reports/ilr-work-placements.csv${query}`, { token: person.token });

const programme = {
  learnerReference: 'AVC0042187',
  plannedHours: 600,
  english: { level: 'entry_3', qualification: 'Functional Skills', achieved: false },
  maths: { level: 'level_1', achieved: true, achievedOn: '2026-07-20' },
  otherAims: [{ kind: 'employability', title: 'Travel to work on my own', achieved: false }],
};

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: startedOn });
  const proposed = await propose(harness, world.coach, world.youngPersonId, placementId);
  expect(proposed.status, proposed.text).toBe(201);
  matchId = proposed.json.id as string;
  expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
});
afterAll(() => harness.close());

describe('study programme', () => {
  it('answers before anything is recorded, with no aims and no planned hours', async () => {
    const empty = await getProgramme(world.youngPerson);
    expect(empty.status, empty.text).toBe(200);
    expect(empty.json).toMatchObject({ plannedHours: null, english: null, maths: null, otherAims: [], warnings: [] });
  });

  it('a job coach records it; the young person and their delegate read it', async () => {
    const saved = await putProgramme(world.coach, programme);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({ ...programme, warnings: [] });
    for (const reader of [world.youngPerson, world.delegate, world.admin])
      expect((await getProgramme(reader)).json).toMatchObject(programme);
  });

  it('saves fewer than 540 planned hours with a warning, not a refusal', async () => {
    const few = await putProgramme(world.admin, { ...programme, plannedHours: 480 });
    expect(few.status, few.text).toBe(200);
    expect(few.json.warnings).toEqual([
      {
        kind: 'planned_hours_below_guidance',
        message: 'The planned hours (480) are fewer than the 540 a year the guidance speaks of.',
      },
    ]);
  });

  it('refuses an aim achieved in the future (422 naming the field) and writes nothing', async () => {
    const before = (await getProgramme(world.coach)).json;
    const future = await putProgramme(world.coach, {
      ...programme,
      plannedHours: 700,
      maths: { level: 'level_1', achieved: true, achievedOn: '2026-08-02' },
    });
    expect(future.status).toBe(422);
    expect(fieldProblems(future)).toEqual([{ path: 'maths.achievedOn', in: 'body', message: 'is in the future' }]);
    const notAchieved = await putProgramme(world.coach, {
      ...programme,
      otherAims: [{ kind: 'other', title: 'Cook a meal', achieved: false, achievedOn: '2026-07-01' }],
    });
    expect(fieldProblems(notAchieved)[0]!.path).toBe('otherAims.0.achievedOn');
    expect((await getProgramme(world.coach)).json).toEqual(before);
    const badLevel = await putProgramme(world.coach, { ...programme, english: { level: 'level_3', achieved: false } });
    expect(badLevel.status).toBe(400);
  });

  it('employers see nothing of it; another provider’s staff are told it is not there; the young person cannot write', async () => {
    expect((await getProgramme(employer.staff)).status).toBe(404);
    expect((await getProgramme(other.coach)).status).toBe(404);
    expect((await putProgramme(other.coach, programme)).status).toBe(404);
    expect((await putProgramme(world.youngPerson, programme)).status).toBe(403);
    expect((await putProgramme(world.delegate, programme)).status).toBe(403);
  });
});

describe('attendance week by week', () => {
  it('waits for the internship to start', async () => {
    expect((await recordWeek(world.coach, startedOn, { daysExpected: 4, daysAttended: 4 })).status).toBe(409);
  });

  it('records weeks (any day names its week) and gives the per cent over them', async () => {
    await travelTo(harness, clock, '2026-09-07T08:00:00Z', everyone());
    expect((await step(harness, world.coach, matchId, 'start', { startedOn })).status).toBe(200);
    await travelTo(harness, clock, '2026-10-05T09:00:00Z', everyone());
    const first = await recordWeek(world.coach, '2026-09-09', { daysExpected: 4, daysAttended: 4 });
    expect(first.status, first.text).toBe(200);
    expect(first.json).toMatchObject({ weekStarting: '2026-09-07', daysExpected: 4, daysAttended: 4, absences: [] });
    const second = await recordWeek(world.admin, '2026-09-14', {
      daysExpected: 4,
      daysAttended: 2,
      absences: [{ reason: 'ill' }, { reason: 'other', details: 'Bus strike' }],
    });
    expect(second.status, second.text).toBe(200);
    const corrected = await recordWeek(world.coach, '2026-09-07', {
      daysExpected: 4,
      daysAttended: 3,
      absences: [{ reason: 'holiday' }],
    });
    expect(corrected.status).toBe(200);
    const listed = await listWeeks(world.youngPerson);
    expect(listed.status, listed.text).toBe(200);
    expect(listed.json).toMatchObject({ daysExpected: 8, daysAttended: 5, percent: 62.5 });
    expect(listed.json.weeks.map((week) => week.weekStarting)).toEqual(['2026-09-07', '2026-09-14']);
  });

  it('refuses more days attended than expected, a reason missing, other without words, and weeks outside the internship; nothing written', async () => {
    const over = await recordWeek(world.coach, '2026-09-21', { daysExpected: 3, daysAttended: 4 });
    expect(over.status).toBe(422);
    expect(fieldProblems(over)).toEqual([
      { path: 'daysAttended', in: 'body', message: 'is more than the days expected (3)' },
    ]);
    const missing = await recordWeek(world.coach, '2026-09-21', {
      daysExpected: 4,
      daysAttended: 2,
      absences: [{ reason: 'ill' }],
    });
    expect(fieldProblems(missing)).toEqual([
      { path: 'absences', in: 'body', message: 'must give one reason for each of the 2 days missed (1 given)' },
    ]);
    const noWords = await recordWeek(world.coach, '2026-09-21', {
      daysExpected: 4,
      daysAttended: 3,
      absences: [{ reason: 'other' }],
    });
    expect(fieldProblems(noWords)[0]!.path).toBe('absences.0.details');
    const before = await recordWeek(world.coach, '2026-08-31', { daysExpected: 4, daysAttended: 4 });
    expect(fieldProblems(before)[0]).toMatchObject({ path: 'week', in: 'path' });
    const future = await recordWeek(world.coach, '2026-10-12', { daysExpected: 4, daysAttended: 4 });
    expect(fieldProblems(future)[0]!.message).toBe('is a week that has not begun');
    expect((await recordWeek(world.coach, '2026-02-30', { daysExpected: 4, daysAttended: 4 })).status).toBe(422);
    expect((await listWeeks(world.coach)).json.weeks).toHaveLength(2);
  });

  it('employers, strangers and the young person cannot record; employers cannot read', async () => {
    const body = { daysExpected: 4, daysAttended: 4 };
    expect((await recordWeek(employer.staff, '2026-09-21', body)).status).toBe(404);
    expect((await listWeeks(employer.staff)).status).toBe(404);
    expect((await recordWeek(other.coach, '2026-09-21', body)).status).toBe(404);
    expect((await listWeeks(other.coach)).status).toBe(404);
    expect((await recordWeek(world.youngPerson, '2026-09-21', body)).status).toBe(403);
  });
});

describe('the ILR-shaped work placement export', () => {
  it('has one row per started internship with the learner reference, the aim, dates, hours, mode and the ERN', async () => {
    const patched = await call(harness.app, 'PATCH', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: { employerReferenceNumber: '123456789' },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.json.employerReferenceNumber).toBe('123456789');
    const wrongErn = await callUntyped(harness.app, 'PATCH', `/v1/employers/${employer.employerId}`, {
      token: employer.staff.token,
      body: { employerReferenceNumber: '12345' },
    });
    expect(wrongErn.status).toBe(400);

    const passport = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: {
        coachAccess: 'all',
        sections: {
          aboutMe: { summary: 'MARK-PASSPORT-ABOUT' },
          myCondition: { description: 'MARK-PASSPORT-CONDITION' },
          whatHelps: null,
          accessToWork: null,
          review: null,
        },
      },
    });
    expect(passport.status, passport.text).toBe(200);
    const exported = await ilr(world.admin);
    expect(exported.status, exported.text).toBe(200);
    expect(exported.text).not.toContain('MARK-PASSPORT');
    expect(exported.headers.get('content-type')).toContain('text/csv');
    expect(exported.headers.get('cache-control')).toBe('no-store');
    const [header, ...rows] = exported.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(header).toBe(
      'LearnRefNumber,LearnAimRef,WorkPlaceStartDate,WorkPlaceEndDate,WorkPlaceHours,WorkPlaceMode,WorkPlaceEmpId,young_person_id,name,employer_name,placement_match_id',
    );
    // The placement: 20 hours a week for 36 weeks.
    expect(rows).toEqual([
      `AVC0042187,Z0002347,${startedOn},,720,2,123456789,${world.youngPersonId},Sam,Northern Kitchens Ltd,${matchId}`,
    ]);
    expect((await ilr(world.admin, '?academicYear=2025')).text.trimEnd().split('\r\n')).toHaveLength(1);
    expect((await ilr(world.admin, '?academicYear=2026')).text.trimEnd().split('\r\n')).toHaveLength(2);
    expect((await ilr(other.admin)).text.trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('is for provider admins only', async () => {
    expect((await ilr(world.coach)).status).toBe(403);
    expect((await ilr(employer.staff)).status).toBe(403);
    expect((await ilr(world.youngPerson)).status).toBe(403);
    expect((await ilr({ ...world.admin, token: '' })).status).toBe(401);
  });
});

describe('the study record in the data rights', () => {
  it('is in the young person’s export and gone after erasure', async () => {
    const exported = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('AVC0042187');
    expect(exported.text).toContain('Bus strike');
    const erased = await callUntyped(harness.app, 'DELETE', `/v1/young-people/${world.youngPersonId}`, {
      token: world.admin.token,
    });
    expect(erased.status, erased.text).toBeLessThan(300);
    expect(await harness.services.studyRepository.programmeOf(world.youngPersonId)).toBeUndefined();
    expect(await harness.services.studyRepository.attendanceOf(matchId)).toEqual([]);
  });
});
