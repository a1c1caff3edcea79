import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import {
  type CallResult,
  call,
  callUntyped,
  createHarness,
  errorDetails,
  fieldProblems,
  type Harness,
  type Schema,
} from '../helpers/harness.js';
import { postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
} from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-03-01T09:00:00Z'));
/** profileInput's planned start, a Monday. */
const plannedStart = '2026-09-07';
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
let profileOnlyDelegate: Person;
let noRightsDelegate: Person;
let matchId: string;

const everyone = () => [
  world.coach,
  world.admin,
  world.youngPerson,
  world.delegate,
  other.coach,
  other.admin,
  employer.staff,
  otherEmployer.staff,
  profileOnlyDelegate,
  noRightsDelegate,
];

const atw = (person: Person) => ({ path: { youngPersonId: world.youngPersonId }, token: person.token });
const getCase = (person: Person) =>
  call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/access-to-work', atw(person));
const getFunding = (person: Person) =>
  call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/access-to-work/funding', atw(person));
/** Bad bodies on purpose, so untyped calls; the answers are typed from the contract. */
const putApplication = (person: Person, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'PUT', `/v1/young-people/${world.youngPersonId}/access-to-work/application`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'AccessToWorkCase'>>>;
const putAward = (person: Person, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'PUT', `/v1/young-people/${world.youngPersonId}/access-to-work/award`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'AccessToWorkCase'>>>;
const draft = (person: Person, month: string) =>
  callUntyped(harness.app, 'POST', `/v1/young-people/${world.youngPersonId}/access-to-work/claims`, {
    token: person.token,
    body: { month },
  }) as Promise<CallResult<Schema<'AccessToWorkClaim'>>>;
const moveClaim = (person: Person, claimId: string, name: string, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'POST', `/v1/young-people/${world.youngPersonId}/access-to-work/claims/${claimId}/${name}`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Schema<'AccessToWorkClaim'>>>;

const coachingLine = {
  kind: 'job_coach',
  startsOn: plannedStart,
  endsOn: '2027-07-16',
  totalPence: 1_254_000,
  hoursPerWeek: 10,
  costPerHourPence: 2850,
};

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });
  profileOnlyDelegate = world.delegate;
  noRightsDelegate = await makeAccount(harness, {
    role: 'delegate',
    providerId: world.providerId,
    actsFor: [{ youngPersonId: world.youngPersonId, rights: ['view_passport'] }],
  });
});
afterAll(() => harness.close());

describe('Access to Work: the case and its dates', () => {
  it('shows the dates from the planned start before anything is recorded, late from under 6 months', async () => {
    await travelTo(harness, clock, '2026-03-07T23:30:00Z', everyone());
    const onTime = await getCase(world.coach);
    expect(onTime.status, onTime.text).toBe(200);
    expect(onTime.json).toMatchObject({
      application: null,
      award: null,
      dates: {
        placementStart: plannedStart,
        applicationOpensOn: '2026-03-07',
        applicationLate: false,
        intensiveCoachingUntil: '2027-03-07',
        discretionaryCoachingUntil: '2027-06-06',
      },
    });
    await travelTo(harness, clock, '2026-03-08T00:30:00Z', everyone());
    expect((await getCase(world.coach)).json.dates.applicationLate).toBe(true);
  });

  it('refuses an application sent in the future or an appointee without a name, naming the field', async () => {
    const future = await putApplication(world.coach, {
      appliedBy: 'education_provider',
      sentOn: '2026-03-09',
      signer: 'young_person',
    });
    expect(future.status).toBe(422);
    expect(fieldProblems(future)).toEqual([{ path: 'sentOn', in: 'body', message: 'is in the future' }]);
    const noName = await putApplication(world.coach, { appliedBy: 'young_person', signer: 'appointee' });
    expect(noName.status).toBe(422);
    expect(fieldProblems(noName)[0]!.path).toBe('appointeeName');
    const unknownKind = await putApplication(world.coach, { appliedBy: 'the council', signer: 'young_person' });
    expect(unknownKind.status).toBe(400);
  });

  it('records the application; the warning goes once it is sent; an award waits for the sent date', async () => {
    const prepared = await putApplication(world.coach, { appliedBy: 'education_provider', signer: 'young_person' });
    expect(prepared.status, prepared.text).toBe(200);
    expect(prepared.json.dates.applicationLate).toBe(true);
    const early = await putAward(world.admin, { letterDate: '2026-03-08', lines: [coachingLine] });
    expect(early.status).toBe(409);
    const sent = await putApplication(world.admin, {
      appliedBy: 'supported_employment_provider',
      reference: 'ATW-118204',
      sentOn: '2026-03-08',
      signer: 'appointee',
      appointeeName: 'Alex Taylor',
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.json).toMatchObject({
      application: { appliedBy: 'supported_employment_provider', sentOn: '2026-03-08', signer: 'appointee' },
      dates: { applicationLate: false },
    });
  });

  it('refuses an award that ends before it starts, a letter dated before the application, and a coaching line without its hours', async () => {
    await travelTo(harness, clock, '2026-05-20T09:00:00Z', everyone());
    const backwards = await putAward(world.coach, {
      letterDate: '2026-05-18',
      lines: [{ ...coachingLine, endsOn: '2026-09-06' }],
    });
    expect(backwards.status).toBe(422);
    expect(fieldProblems(backwards)).toEqual([
      { path: 'lines.0.endsOn', in: 'body', message: 'is before the line starts (2026-09-07)' },
    ]);
    const beforeApplication = await putAward(world.coach, { letterDate: '2026-03-07', lines: [coachingLine] });
    expect(beforeApplication.status).toBe(422);
    expect(fieldProblems(beforeApplication)).toEqual([
      { path: 'letterDate', in: 'body', message: 'is before the application was sent (2026-03-08)' },
    ]);
    const { hoursPerWeek: _hours, ...withoutHours } = coachingLine;
    const noHours = await putAward(world.coach, { letterDate: '2026-05-18', lines: [withoutHours] });
    expect(noHours.status).toBe(422);
    expect(fieldProblems(noHours)[0]!.path).toBe('lines.0.hoursPerWeek');
    const overlapping = await putAward(world.coach, {
      letterDate: '2026-05-18',
      lines: [coachingLine, { ...coachingLine, startsOn: '2027-01-04' }],
    });
    expect(overlapping.status).toBe(422);
    expect(fieldProblems(overlapping)[0]!.path).toBe('lines.1.startsOn');
    expect((await getCase(world.coach)).json.award).toBeNull();
  });

  it('records the award and computes the reconsideration deadline, the end and when renewal opens', async () => {
    const saved = await putAward(world.coach, {
      letterDate: '2026-05-18',
      lines: [
        coachingLine,
        { kind: 'travel_to_work', startsOn: plannedStart, endsOn: '2027-07-23', totalPence: 180_000 },
      ],
      employerContributionPence: 0,
      refused: [{ item: 'English and maths support', reason: 'Study time is not funded.' }],
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json.dates).toMatchObject({
      reconsiderationDeadline: '2026-06-15',
      fundedUntil: '2027-07-23',
      renewalOpensOn: '2027-04-30',
    });
    expect(saved.json.award?.refused).toEqual([
      { item: 'English and maths support', reason: 'Study time is not funded.' },
    ]);
  });
});

describe('Access to Work: who sees what', () => {
  it('the young person and a delegate with view_profile read the case; a delegate without it is refused', async () => {
    for (const reader of [world.youngPerson, profileOnlyDelegate]) {
      const read = await getCase(reader);
      expect(read.status).toBe(200);
      expect(read.json.award?.lines).toHaveLength(2);
    }
    expect((await getCase(noRightsDelegate)).status).toBe(403);
    expect(
      (await putApplication(world.youngPerson, { appliedBy: 'young_person', signer: 'young_person' })).status,
    ).toBe(403);
  });

  it('a job coach or admin of another provider is told the young person is not there', async () => {
    expect((await getCase(other.coach)).status).toBe(404);
    expect((await getCase(other.admin)).status).toBe(404);
    expect((await putApplication(other.coach, { appliedBy: 'young_person', signer: 'young_person' })).status).toBe(404);
    expect((await draft(other.coach, '2026-10')).status).toBe(404);
  });

  it('an employer learns only until when support is funded, and only while hosting the intern', async () => {
    expect((await getFunding(employer.staff)).status).toBe(404);
    const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: plannedStart });
    const proposed = await propose(harness, world.coach, world.youngPersonId, placementId);
    expect(proposed.status, proposed.text).toBe(201);
    matchId = proposed.json.id as string;
    expect((await step(harness, world.youngPerson, matchId, 'accept', { sections: [] })).status).toBe(200);
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);

    const funding = await getFunding(employer.staff);
    expect(funding.status, funding.text).toBe(200);
    expect(funding.json).toEqual({ youngPersonId: world.youngPersonId, fundedUntil: '2027-07-23' });
    expect((await getCase(employer.staff)).status).toBe(403);
    const claims = await callUntyped(
      harness.app,
      'GET',
      `/v1/young-people/${world.youngPersonId}/access-to-work/claims`,
      { token: employer.staff.token },
    );
    expect(claims.status).toBe(403);
    expect((await getFunding(otherEmployer.staff)).status).toBe(404);
  });
});

describe('Access to Work: claims from the weekly logs', () => {
  const log = (weekStarting: string, supportHours: number, studyHours?: number) =>
    step(harness, world.coach, matchId, 'logs', {
      weekStarting,
      hoursWorked: 20,
      supportHours,
      ...(studyHours === undefined ? {} : { studyHours }),
    });

  it('weekly logs keep study time apart from job coaching, 0 when not given', async () => {
    await travelTo(harness, clock, '2026-09-07T08:00:00Z', everyone());
    expect((await draft(world.coach, '2026-09')).status).toBe(409);
    expect((await step(harness, world.coach, matchId, 'start', { startedOn: plannedStart })).status).toBe(200);
    await travelTo(harness, clock, '2026-11-03T09:00:00Z', everyone());
    const withStudy = await log('2026-10-05', 10, 4);
    expect(withStudy.status, withStudy.text).toBe(201);
    expect(withStudy.json).toMatchObject({ supportHours: 10, studyHours: 4 });
    const without = await log('2026-10-12', 12);
    expect(without.json).toMatchObject({ supportHours: 12, studyHours: 0 });
    expect((await log('2026-10-26', 6, 5)).status).toBe(201);
    expect((await log('2026-09-28', 9, 5)).status).toBe(201);
    expect((await log('2026-11-02', 3, 5)).status).toBe(201);
  });

  it('drafts the month from the coaching hours only, with the warnings, and the totals match the logs', async () => {
    const drafted = await draft(world.coach, '2026-10');
    expect(drafted.status, drafted.text).toBe(201);
    const progress = await call(harness.app, 'GET', '/v1/placement-matches/{matchId}/progress', {
      path: { matchId },
      token: world.coach.token,
    });
    const october = progress.json.logs.filter((entry: { weekStarting: string }) =>
      entry.weekStarting.startsWith('2026-10'),
    );
    const loggedCoaching = october.reduce(
      (sum: number, entry: { supportHours: number }) => sum + entry.supportHours,
      0,
    );
    expect(loggedCoaching).toBe(28);
    expect(drafted.json).toMatchObject({
      month: '2026-10',
      firstDay: '2026-10-05',
      lastDay: '2026-11-01',
      weeks: [
        { weekStarting: '2026-10-05', coachingHours: 10 },
        { weekStarting: '2026-10-12', coachingHours: 12 },
        { weekStarting: '2026-10-26', coachingHours: 6 },
      ],
      coachingHours: loggedCoaching,
      costPerHourPence: 2850,
      totalPence: 79_800,
      state: 'draft',
    });
    expect(drafted.json.warnings).toEqual([
      {
        kind: 'over_award_hours',
        weekStarting: '2026-10-12',
        loggedHours: 12,
        awardedHours: 10,
        message: 'The week starting 2026-10-12 has 12 hours of job coaching; the award pays for 10 a week.',
      },
      { kind: 'missing_week', weekStarting: '2026-10-19', message: 'The week starting 2026-10-19 has no weekly log.' },
    ]);
  });

  it('refuses a month in the future (422) and a second claim over a month already claimed (409)', async () => {
    const future = await draft(world.coach, '2026-12');
    expect(future.status).toBe(422);
    expect(fieldProblems(future)).toEqual([{ path: 'month', in: 'body', message: 'is a month that has not begun' }]);
    const before = await draft(world.coach, '2026-08');
    expect(before.status).toBe(422);
    expect(fieldProblems(before)[0]!.path).toBe('month');
    const again = await draft(world.admin, '2026-10');
    expect(again.status).toBe(409);
    expect(fieldProblems(again)).toEqual([{ path: 'month', in: 'body', message: 'already has a claim' }]);
    const notMonth = await draft(world.coach, '2026-13');
    expect(notMonth.status).toBe(400);
  });

  it('moves a claim draft -> signed -> sent -> queried -> sent -> paid, refusing steps out of turn and dates out of order', async () => {
    const claimId = (
      await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/access-to-work/claims', atw(world.coach))
    ).json.items[0]!.id;
    const outOfTurn = await moveClaim(world.coach, claimId, 'send', { sentOn: '2026-11-02' });
    expect(outOfTurn.status).toBe(409);
    expect(errorDetails(outOfTurn)).toEqual({ state: 'draft', allowedFrom: ['signed', 'queried'] });
    expect(
      (await moveClaim(world.coach, claimId, 'sign', { signedBy: 'Alex Taylor', signedOn: '2026-11-04' })).status,
    ).toBe(422);
    expect(
      (await moveClaim(world.youngPerson, claimId, 'sign', { signedBy: 'Sam', signedOn: '2026-11-02' })).status,
    ).toBe(403);
    const signed = await moveClaim(world.coach, claimId, 'sign', { signedBy: 'Alex Taylor', signedOn: '2026-11-02' });
    expect(signed.status, signed.text).toBe(200);
    expect(signed.json).toMatchObject({ state: 'signed', signed: { by: 'Alex Taylor', on: '2026-11-02' } });
    const sentTooEarly = await moveClaim(world.coach, claimId, 'send', { sentOn: '2026-11-01' });
    expect(sentTooEarly.status).toBe(422);
    expect(fieldProblems(sentTooEarly)[0]).toEqual({
      path: 'sentOn',
      in: 'body',
      message: 'is before the claim was signed (2026-11-02)',
    });
    expect((await moveClaim(world.coach, claimId, 'send', { sentOn: '2026-11-03' })).json.state).toBe('sent');
    const queried = await moveClaim(world.admin, claimId, 'query', {
      queriedOn: '2026-11-03',
      question: 'Please send the timesheet for the week starting 12 October.',
    });
    expect(queried.json).toMatchObject({ state: 'queried', queried: { on: '2026-11-03' } });
    await travelTo(harness, clock, '2026-11-20T09:00:00Z', everyone());
    expect((await moveClaim(world.coach, claimId, 'send', { sentOn: '2026-11-05' })).json.state).toBe('sent');
    const paid = await moveClaim(world.admin, claimId, 'paid', { paidOn: '2026-11-19', amountPence: 79_800 });
    expect(paid.json).toMatchObject({ state: 'paid', paid: { on: '2026-11-19', amountPence: 79_800 } });
    expect(
      (await moveClaim(world.admin, claimId, 'query', { queriedOn: '2026-11-20', question: 'Again?' })).status,
    ).toBe(409);
  });

  it('gives the claims as CSV that no cache keeps, to those who may read them', async () => {
    const csv = await callUntyped(
      harness.app,
      'GET',
      `/v1/young-people/${world.youngPersonId}/access-to-work/claims.csv`,
      {
        token: world.youngPerson.token,
      },
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('cache-control')).toBe('no-store');
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const [header, row] = csv.text.replace(/^\ufeff/, '').split('\r\n');
    expect(header).toBe(
      'month,first_day,last_day,weeks,coaching_hours,cost_per_hour_gbp,total_gbp,state,signed_by,signed_on,sent_on,paid_on,paid_gbp,queried_on,question,warnings',
    );
    expect(row).toMatch(
      /^2026-10,2026-10-05,2026-11-01,3,28,28\.50,798\.00,paid,Alex Taylor,2026-11-02,2026-11-05,2026-11-19,798\.00,2026-11-03,/,
    );
    expect(
      (
        await callUntyped(harness.app, 'GET', `/v1/young-people/${world.youngPersonId}/access-to-work/claims.csv`, {
          token: employer.staff.token,
        })
      ).status,
    ).toBe(403);
  });

  it('gives every claim of the provider as one CSV to its staff only, with the name and AtW reference', async () => {
    const download = (token: string | undefined) =>
      callUntyped(harness.app, 'GET', '/v1/access-to-work/claims.csv', { token });
    for (const staff of [world.admin, world.coach]) {
      const csv = await download(staff.token);
      expect(csv.status, csv.text).toBe(200);
      expect(csv.headers.get('cache-control')).toBe('no-store');
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const lines = csv.text
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n');
      expect(lines[0]).toBe(
        'young_person_id,name,atw_reference,month,first_day,last_day,weeks,coaching_hours,cost_per_hour_gbp,total_gbp,state,signed_by,signed_on,sent_on,paid_on,paid_gbp,queried_on,question,warnings',
      );
      const claims = await harness.services.accessToWorkRepository.claims
        .find({ providerId: new ObjectId(world.providerId) })
        .toArray();
      expect(lines).toHaveLength(claims.length + 1);
      expect(lines[1]).toMatch(
        new RegExp(`^${world.youngPersonId},Sam,ATW-118204,2026-10,2026-10-05,2026-11-01,3,28,28\\.50,798\\.00,paid,`),
      );
    }
    const elsewhere = await download(other.admin.token);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.text).not.toContain(world.youngPersonId);
    for (const refused of [world.youngPerson, world.delegate, employer.staff])
      expect((await download(refused.token)).status).toBe(403);
    expect((await download(undefined)).status).toBe(401);
  });

  it('keeps every figure out of the audit trail', async () => {
    const entries = await harness.services.db
      .collection('audit_events')
      .find({ action: /^access_to_work\./ })
      .toArray();
    expect(entries.length).toBeGreaterThanOrEqual(8);
    const text = JSON.stringify(entries);
    for (const figure of ['Pence', 'Hours', '79800', '2850', 'question', 'ATW-118204'])
      expect(text).not.toContain(figure);
  });

  it('erases the case and the claims with the young person', async () => {
    const erased = await callUntyped(harness.app, 'DELETE', `/v1/young-people/${world.youngPersonId}`, {
      token: world.admin.token,
    });
    expect(erased.status, erased.text).toBe(200);
    const { db } = harness.services;
    expect(await db.collection('access_to_work_cases').countDocuments()).toBe(0);
    expect(await db.collection('access_to_work_claims').countDocuments()).toBe(0);
  });
});
