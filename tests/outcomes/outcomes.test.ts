import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import migration from '../../migrations/0015-internship-outcomes.js';
import { ManualClock } from '../../src/core/clock.js';
import { callUntyped, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type ReceivedMail, SmtpSink } from '../helpers/mail.js';
import { type EmployerWorld, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-09-01T09:00:00Z'));
const plannedStart = '2026-09-14';
const sink = new SmtpSink();
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let placementId: string;

const everyone = () => [
  world.coach,
  world.admin,
  world.delegate,
  other.coach,
  employer.staff,
  ...new Set([world.youngPerson, ...[...agreed.values()].map((internship) => internship.youngPerson)]),
];

/** The answer's JSON as JSON.parse gives it: these tests read the fields they check. */
type Answer = {
  status: number;
  text: string;
  json: ReturnType<typeof JSON.parse>;
  error: Parameters<typeof fieldProblems>[0]['error'];
};

const api = (method: string, path: string, person: Person, body?: unknown): Promise<Answer> =>
  callUntyped(harness.app, method, path, {
    token: person.token,
    ...(body === undefined ? {} : { body }),
  }) as Promise<Answer>;

/** Runs the day's notifications (twice at once, then once more) and returns the emails of `kind` to the coach. */
async function runDay(when: string, kind: string): Promise<ReceivedMail[]> {
  await travelTo(harness, clock, when, everyone());
  const { dailyNotifications } = harness.services;
  await Promise.all([dailyNotifications.runIfDue(), dailyNotifications.runIfDue()]);
  await dailyNotifications.run();
  await harness.services.notificationDelivery!.drain();
  const arrived = sink.received.filter((mail) => mail.kind === kind && mail.to.includes(world.coach.email));
  sink.clear();
  return arrived;
}

/** Young people with accounts whose internships were agreed before the planned Monday and start on it. */
const agreed = new Map<string, { matchId: string; youngPersonId: string; youngPerson: Person }>();

async function agree(name: string, youngPersonId?: string) {
  const person = youngPersonId
    ? { id: youngPersonId, account: world.youngPerson }
    : await addYoungPersonWithAccount(harness, world.coach, world.providerId, name);
  const matchId = (await propose(harness, world.coach, person.id, placementId)).json.id as string;
  expect((await step(harness, person.account, matchId, 'accept', { sections: [] })).status).toBe(200);
  expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  agreed.set(name, { matchId, youngPersonId: person.id, youngPerson: person.account });
}

function startedInternship(name: string) {
  return agreed.get(name)!;
}

beforeAll(async () => {
  const smtpUrl = await sink.start();
  harness = await createHarness({ clock, env: { SMTP_URL: smtpUrl } });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  placementId = await postPlacement(harness, employer.employerId, employer.staff, {
    startDate: plannedStart,
    places: 5,
  });
  await agree('Ruth', world.youngPersonId);
  for (const name of ['Jordan', 'Priya', 'Sam']) await agree(name);
  await travelTo(harness, clock, '2026-09-14T09:00:00Z', everyone());
  for (const { matchId } of agreed.values()) {
    const started = await step(harness, world.coach, matchId, 'start', { startedOn: plannedStart });
    expect(started.status, started.text).toBe(200);
  }
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});

const planPath = () => `/v1/young-people/${world.youngPersonId}/ehc-plan`;
const plan = {
  outcomes: [
    { text: 'Travel independently to a place of work' },
    { text: 'Communicate with colleagues when she needs help' },
  ],
  lastReviewOn: '2026-03-02',
  nextReviewOn: '2027-03-01',
};

describe('EHC plan outcomes', () => {
  it('the provider’s staff record them; the young person and a delegate read them; others cannot', async () => {
    const saved = await api('PUT', planPath(), world.coach, plan);
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({
      outcomes: [{ text: plan.outcomes[0]!.text }, { text: plan.outcomes[1]!.text }],
      nextReviewOn: '2027-03-01',
      lastReviewOn: '2026-03-02',
      reminderOn: '2027-02-01',
    });
    for (const reader of [world.youngPerson, world.delegate, world.admin]) {
      const read = await api('GET', planPath(), reader);
      expect(read.status).toBe(200);
      expect(read.json.outcomes).toHaveLength(2);
    }
    expect((await api('GET', planPath(), other.coach)).status).toBe(404);
    expect((await api('GET', planPath(), employer.staff)).status).toBe(404);
    expect((await api('PUT', planPath(), world.youngPerson, plan)).status).toBe(403);
    expect((await api('PUT', planPath(), world.delegate, plan)).status).toBe(403);
  });

  it('refuses an outcome id that is not in the plan and a last review in the future, writing nothing', async () => {
    const refused = await api('PUT', planPath(), world.coach, {
      outcomes: [{ id: new ObjectId().toHexString(), text: 'Something else' }],
      lastReviewOn: '2026-12-01',
      nextReviewOn: '2027-03-01',
    });
    expect(refused.status).toBe(422);
    expect(fieldProblems(refused).map((problem) => problem.path)).toEqual(['outcomes.0.id', 'lastReviewOn']);
    expect((await api('GET', planPath(), world.coach)).json.outcomes).toHaveLength(2);
  });
});

describe('review targets serve the plan’s outcomes', () => {
  it('a target must name an outcome of the plan: 422 naming the field, nothing written', async () => {
    const { matchId } = startedInternship('Ruth');
    await travelTo(harness, clock, '2026-10-27T09:00:00Z', everyone());
    const outcomes = (await api('GET', planPath(), world.coach)).json.outcomes as { id: string }[];
    const target = { text: 'Travel to work on your own', measure: 'Five days in a row', dueDate: '2026-12-07' };
    const unnamed = await api('POST', `/v1/placement-matches/${matchId}/reviews`, world.coach, {
      heldOn: '2026-10-26',
      targets: [target],
    });
    expect(unnamed.status).toBe(422);
    expect(fieldProblems(unnamed).map((problem) => problem.path)).toEqual(['targets.0.outcomeId']);
    const stranger = await api('POST', `/v1/placement-matches/${matchId}/reviews`, world.coach, {
      heldOn: '2026-10-26',
      targets: [{ ...target, outcomeId: new ObjectId().toHexString() }],
    });
    expect(stranger.status).toBe(422);
    expect(fieldProblems(stranger)[0]).toMatchObject({
      path: 'targets.0.outcomeId',
      message: expect.stringContaining('not an outcome'),
    });
    expect((await api('GET', `/v1/placement-matches/${matchId}/progress`, world.coach)).json.reviews).toEqual([]);

    const first = await api('POST', `/v1/placement-matches/${matchId}/reviews`, world.coach, {
      heldOn: '2026-10-26',
      targets: [
        { ...target, outcomeId: outcomes[0]!.id },
        {
          text: 'Ask a colleague when unsure',
          measure: 'Asks once a shift',
          dueDate: '2026-12-07',
          outcomeId: outcomes[1]!.id,
        },
      ],
    });
    expect(first.status, first.text).toBe(201);
    await travelTo(harness, clock, '2026-12-08T09:00:00Z', everyone());
    const second = await api('POST', `/v1/placement-matches/${matchId}/reviews`, world.coach, {
      heldOn: '2026-12-07',
      targets: [{ ...target, status: 'achieved', outcomeId: outcomes[0]!.id }],
    });
    expect(second.status, second.text).toBe(201);

    const progress = await api('GET', `/v1/young-people/${world.youngPersonId}/outcome-progress`, world.youngPerson);
    expect(progress.status).toBe(200);
    expect(progress.json.outcomes[0]).toMatchObject({
      text: 'Travel independently to a place of work',
      summary: 'You have done all 1 of your targets for this. Well done.',
      targets: [{ status: 'achieved', inPlainWords: 'You can now travel to work on your own.', setOn: '2026-10-26' }],
    });
    expect(progress.json.outcomes[1]).toMatchObject({
      summary: 'You have done 0 of 1 targets for this.',
      targets: [{ inPlainWords: 'Next you will work on this: ask a colleague when unsure.' }],
    });
    expect((await api('GET', `/v1/young-people/${world.youngPersonId}/outcome-progress`, employer.staff)).status).toBe(
      404,
    );
  });
});

describe('the EHC plan review reminder', () => {
  it('reaches the job coach 4 weeks before the review, once however often the daily run runs', async () => {
    expect(await runDay('2027-01-31T10:00:00Z', 'ehc_review_due')).toEqual([]);
    const due = await runDay('2027-02-01T10:00:00Z', 'ehc_review_due');
    expect(due).toHaveLength(1);
    expect(due[0]!.subject).toContain('EHC plan review');
    expect(await runDay('2027-02-02T10:00:00Z', 'ehc_review_due')).toEqual([]);
    const tasks = await harness.services.outcomes.coachTasks({
      accountId: world.coach.accountId,
      role: 'job_coach',
      providerId: world.providerId,
      actsFor: [],
    });
    expect(tasks).toContainEqual(
      expect.objectContaining({
        kind: 'ehc_review_due',
        dueOn: '2027-03-01',
        path: `/young-people/${world.youngPersonId}/outcomes`,
      }),
    );
  });
});

describe('completion, the employment plan and follow-ups at 6, 9 and 12 months', () => {
  const paidJob = { activity: 'paid_job', hoursPerWeek: 20, payBand: 'at', sameEmployer: true };

  it('the employment plan runs from the last rotation to 60 days after the end; a job offer is recorded when it comes', async () => {
    const { matchId } = startedInternship('Jordan');
    await travelTo(harness, clock, '2027-05-10T09:00:00Z', everyone());
    expect(
      (
        await step(harness, world.coach, matchId, 'rotations', {
          department: 'Housekeeping',
          tasks: ['Laundry'],
          startDate: '2027-04-12',
        })
      ).status,
    ).toBe(201);
    const early = await api('PUT', `/v1/placement-matches/${matchId}/employment-plan`, world.coach, {
      targetJobs: ['Housekeeping assistant'],
      actions: [{ what: 'Write a CV', who: 'Jordan with the job coach', dueOn: '2027-03-01' }],
    });
    expect(early.status).toBe(422);
    expect(fieldProblems(early)[0]).toMatchObject({
      path: 'actions.0.dueOn',
      message: expect.stringContaining('2027-04-12'),
    });
    const saved = await api('PUT', `/v1/placement-matches/${matchId}/employment-plan`, world.coach, {
      targetJobs: ['Housekeeping assistant'],
      actions: [{ what: 'Write a CV', who: 'Jordan with the job coach', dueOn: '2027-05-20' }],
      jobOffer: { employer: 'Hotel', jobTitle: 'Room attendant', offeredOn: '2027-05-07', hoursPerWeek: 20 },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.json).toMatchObject({
      employmentPlanWindow: { from: '2027-04-12' },
      employmentPlan: { jobOffer: { jobTitle: 'Room attendant' } },
    });
    expect(
      (
        await api('PUT', `/v1/placement-matches/${matchId}/employment-plan`, startedInternship('Jordan').youngPerson, {
          targetJobs: ['Anything'],
        })
      ).status,
    ).toBe(403);
  });

  it('records core aims beside the outcome; follow-ups only from their due dates; recorded ones stay', async () => {
    const { matchId, youngPerson } = startedInternship('Priya');
    await travelTo(harness, clock, '2027-07-16T16:00:00Z', everyone());
    const tooSoon = await api('PUT', `/v1/placement-matches/${matchId}/core-aims`, world.coach, { met: true });
    expect(tooSoon.status).toBe(422);
    const completed = await step(harness, world.coach, matchId, 'complete', {
      endedOn: '2027-07-16',
      outcome: {
        type: 'paid_employment',
        hoursPerWeek: 20,
        wageBand: 'national_minimum_or_living_wage',
        employer: 'same',
        contractType: 'permanent',
      },
    });
    expect(completed.status, completed.text).toBe(200);
    const unexplained = await api('PUT', `/v1/placement-matches/${matchId}/core-aims`, world.coach, { met: false });
    expect(unexplained.status).toBe(422);
    expect(fieldProblems(unexplained).map((problem) => problem.path)).toEqual(['missing']);

    const after = await api('GET', `/v1/placement-matches/${matchId}/after`, world.coach);
    expect(
      after.json.followUps.map((followUp: { month: number; dueOn: string }) => [followUp.month, followUp.dueOn]),
    ).toEqual([
      [6, '2028-01-16'],
      [9, '2028-04-16'],
      [12, '2028-07-16'],
    ]);

    await travelTo(harness, clock, '2028-01-15T10:00:00Z', everyone());
    const early = await api('PUT', `/v1/placement-matches/${matchId}/follow-ups/6`, world.coach, {
      ...paidJob,
      checkedOn: '2028-01-15',
    });
    expect(early.status).toBe(422);
    expect(fieldProblems(early)).toEqual([
      expect.objectContaining({ path: 'checkedOn', message: expect.stringContaining('2028-01-16') }),
    ]);
    expect(
      (await api('GET', `/v1/placement-matches/${matchId}/after`, world.coach)).json.followUps[0].recorded,
    ).toBeNull();

    await travelTo(harness, clock, '2028-01-17T10:00:00Z', everyone());
    const unpaid = await api('PUT', `/v1/placement-matches/${matchId}/follow-ups/6`, world.coach, {
      activity: 'paid_job',
      checkedOn: '2028-01-17',
    });
    expect(fieldProblems(unpaid).map((problem) => problem.path)).toEqual(['hoursPerWeek', 'payBand', 'sameEmployer']);
    const sixMonths = await api('PUT', `/v1/placement-matches/${matchId}/follow-ups/6`, world.coach, {
      ...paidJob,
      checkedOn: '2028-01-17',
    });
    expect(sixMonths.status, sixMonths.text).toBe(200);
    expect((await api('PUT', `/v1/placement-matches/${matchId}/follow-ups/7`, world.coach, paidJob)).status).toBe(400);
    expect(
      (
        await api('PUT', `/v1/placement-matches/${matchId}/follow-ups/6`, youngPerson, {
          ...paidJob,
          checkedOn: '2028-01-17',
        })
      ).status,
    ).toBe(403);
    expect((await api('GET', `/v1/placement-matches/${matchId}/after`, employer.staff)).status).toBe(404);

    const aims = await api('PUT', `/v1/placement-matches/${matchId}/core-aims`, world.coach, {
      met: false,
      missing: 'English at Entry 3 not yet achieved',
    });
    expect(aims.status, aims.text).toBe(200);
    expect(aims.json).toMatchObject({
      outcomeType: 'paid_employment',
      coreAims: { met: false, missing: 'English at Entry 3 not yet achieved' },
      followUps: [
        { month: 6, recorded: { activity: 'paid_job', hoursPerWeek: 20, payBand: 'at' } },
        { month: 9 },
        { month: 12 },
      ],
    });

    await travelTo(harness, clock, '2028-07-17T10:00:00Z', everyone());
    const twelve = await api('PUT', `/v1/placement-matches/${matchId}/follow-ups/12`, world.coach, {
      activity: 'further_education',
      checkedOn: '2028-07-17',
    });
    expect(twelve.status, twelve.text).toBe(200);
    expect(twelve.json.state).toBe('followed_up');
    expect(twelve.json.followUps.map((followUp: { recorded: unknown }) => followUp.recorded !== null)).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('reminds the job coach of the 6-month follow-up on its date, once', async () => {
    const { matchId } = startedInternship('Sam');
    await travelTo(harness, clock, '2027-07-16T16:00:00Z', everyone());
    expect(
      (await step(harness, world.coach, matchId, 'complete', { endedOn: '2027-07-16', outcome: { type: 'none' } }))
        .status,
    ).toBe(200);
    const sixMonthMails = (mails: ReceivedMail[]) => mails.filter((mail) => mail.subject.startsWith('6-month'));
    expect(sixMonthMails(await runDay('2028-01-15T10:00:00Z', 'follow_up_due'))).toEqual([]);
    const due = sixMonthMails(await runDay('2028-01-16T10:00:00Z', 'follow_up_due'));
    expect(due.map((mail) => mail.subject)).toEqual(['6-month follow-up due: Sam']);
    expect(sixMonthMails(await runDay('2028-01-17T10:00:00Z', 'follow_up_due'))).toEqual([]);
  });
});

describe('the follow-up recorded by the journey before this change', () => {
  it('becomes the 12-month follow-up, and the migration can run again', async () => {
    const { db } = harness.services;
    const matchId = new ObjectId();
    await db.collection('placement_matches').insertOne(
      {
        _id: matchId,
        youngPersonId: new ObjectId(world.youngPersonId),
        providerId: new ObjectId(world.providerId),
        state: 'followed_up',
        endedOn: '2025-07-18',
        followUp: {
          checkedOn: '2026-07-20',
          stillEmployed: true,
          hoursPerWeek: 24,
          recordedAt: new Date('2026-07-20T10:00:00Z'),
          recordedBy: { accountId: new ObjectId(world.coach.accountId), role: 'job_coach' },
        },
      } as never,
      { bypassDocumentValidation: true },
    );
    await migration.up(db);
    await migration.up(db);
    const migrated = await db.collection('internship_outcomes').findOne({ _id: matchId });
    expect(migrated).toMatchObject({
      youngPersonId: new ObjectId(world.youngPersonId),
      followUps: [{ month: 12, dueOn: '2026-07-18', checkedOn: '2026-07-20', activity: 'paid_job', hoursPerWeek: 24 }],
    });
    expect(migrated!.followUps).toHaveLength(1);
    await db.collection('placement_matches').deleteOne({ _id: matchId });
  });
});

describe('the SEN2 export', () => {
  it('is the provider admin’s: one row per internship with the work-based learning fields, no passport text', async () => {
    const csv = await api('GET', '/v1/reports/sen2.csv', world.admin);
    expect(csv.status, csv.text).toBe(200);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'young_person_id,preferred_name,date_of_birth,local_authority,activity,placement_start_date,placement_leaving_date,attendance_pattern,days_per_week,hours_per_week,last_ehc_plan_review_date',
    );
    const own = lines.find((line) => line.startsWith(world.youngPersonId))!;
    expect(own.split(',').slice(4)).toEqual([
      'supported_internship',
      plannedStart,
      '',
      'full_time',
      '4',
      '20',
      '2026-03-02',
    ]);
    expect(lines).toHaveLength(5);
    for (const refused of [world.coach, world.youngPerson, world.delegate, employer.staff]) {
      expect((await api('GET', '/v1/reports/sen2.csv', refused)).status).toBe(403);
    }
    const filtered = await api('GET', '/v1/reports/sen2.csv?academicYear=2025', world.admin);
    expect(
      filtered.text
        .replace(/^\ufeff/, '')
        .trimEnd()
        .split('\r\n'),
    ).toHaveLength(1);
  });
});
