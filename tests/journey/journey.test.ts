import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import {
  call,
  createHarness,
  errorDetails,
  fieldProblems,
  type Harness,
  type RequestBody,
} from '../helpers/harness.js';
import {
  addYoungPerson,
  addYoungPersonWithAccount,
  postPlacement,
  propose,
  step,
  travelTo,
} from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type Person,
  type ProviderWorld,
} from '../helpers/world.js';

const start = '2026-09-01T09:00:00Z';
const clock = new ManualClock(new Date(start));
/** When this file's placements start: its ManualClock begins before this Monday. */
const plannedStart = '2026-09-14';
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;
/** Open, two places, for the branches that never start. */
let placementId: string;

const passport: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
  sections: {
    aboutMe: { summary: 'I like routine and clear plans.', workWanted: 'Kitchen work', travelLimits: 'One bus' },
    myCondition: { description: 'Autism and anxiety', effectOnWork: 'Loud places make it hard to think' },
    whatHelps: { adjustments: [{ category: 'instructions', details: 'Written checklists' }] },
    accessToWork: { status: 'approved', funds: ['job_coach'] },
    review: { agreedBy: 'My job coach', agreedOn: '2026-06-01', nextReviewDue: '2026-12-01' },
  },
};

const everyone = () => [
  world.coach,
  world.admin,
  world.youngPerson,
  world.delegate,
  other.coach,
  employer.staff,
  otherEmployer.staff,
];

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });
  placementId = await postPlacement(harness, employer.employerId, employer.staff, {
    startDate: plannedStart,
    places: 2,
  });
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: world.youngPersonId },
    token: world.youngPerson.token,
    body: passport,
  });
  expect(saved.status).toBe(200);
});
afterAll(() => harness.close());
beforeEach(() => travelTo(harness, clock, start, everyone()));

/** A young person with an account, proposed for `placement` and (optionally) moved along the first steps. */
async function journeyTo(
  state: 'proposed' | 'awaiting_employer' | 'agreed' | 'in_progress',
  placement = placementId,
  name = 'Alex',
) {
  const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, name);
  const proposed = await propose(harness, world.coach, person.id, placement);
  expect(proposed.status, proposed.text).toBe(201);
  const matchId = proposed.json.id as string;
  if (state !== 'proposed')
    expect((await step(harness, person.account, matchId, 'accept', { sections: ['whatHelps'] })).status).toBe(200);
  if (state === 'agreed' || state === 'in_progress')
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
  if (state === 'in_progress')
    expect(
      (
        await step(harness, world.coach, matchId, 'start', {
          startedOn: '2026-09-01',
          earlyStartReason: 'An induction week at the college first',
        })
      ).status,
    ).toBe(200);
  return { matchId, youngPersonId: person.id, youngPerson: person.account };
}

const getMatch = (person: Person, matchId: string) =>
  call(harness.app, 'GET', '/v1/placement-matches/{matchId}', { path: { matchId }, token: person.token });

describe('the whole journey, proposal to 12-month follow-up', () => {
  it('runs through the API with every step timestamped and audited', async () => {
    const fullPlacement = await postPlacement(harness, employer.employerId, employer.staff, {
      startDate: plannedStart,
      places: 2,
      title: 'Kitchen assistant (main site)',
    });
    const proposed = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: {
        youngPersonId: world.youngPersonId,
        placementId: fullPlacement,
        note: 'Sam loves food prep.',
        match: { score: 82, reasons: ['Quiet kitchen', 'One bus away'] },
      },
    });
    expect(proposed.status, proposed.text).toBe(201);
    expect(proposed.json).toMatchObject({
      state: 'proposed',
      youngPerson: { preferredName: 'Sam' },
      placement: { employerName: 'Northern Kitchens Ltd' },
    });
    expect(proposed.json.yourNextSteps.map((s: { action: string }) => s.action)).toEqual(['withdraw']);
    const matchId = proposed.json.id as string;

    // The employer cannot see a proposal the young person has not agreed to.
    expect((await getMatch(employer.staff, matchId)).status).toBe(404);
    expect(
      (await call(harness.app, 'GET', '/v1/placement-matches', { token: employer.staff.token })).json.items.map(
        (m: { id: string }) => m.id,
      ),
    ).not.toContain(matchId);

    const inbox = await call(harness.app, 'GET', '/v1/me/inbox', { token: world.youngPerson.token });
    expect(inbox.json.items).toContainEqual(
      expect.objectContaining({ kind: 'respond_to_proposal', matchId, actions: ['accept', 'decline'] }),
    );

    const accepted = await step(harness, world.youngPerson, matchId, 'accept', {
      sections: ['whatHelps', 'aboutMe'],
      purpose: 'So my supervisor knows what helps me',
    });
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.json).toMatchObject({
      state: 'awaiting_employer',
      youngPersonResponse: { accepted: true, sharedSections: ['aboutMe', 'whatHelps'] },
    });
    const shareId = accepted.json.youngPersonResponse!.shareId as string;

    // The share made at acceptance carries exactly the chosen sections, for this placement, with its purpose.
    const shares = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
    });
    expect(shares.json.items.find((s: { id: string }) => s.id === shareId)).toMatchObject({
      sections: ['aboutMe', 'whatHelps'],
      purpose: 'So my supervisor knows what helps me',
      placementId: fullPlacement,
      employerId: employer.employerId,
      status: 'active',
    });
    const shared = await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
      path: { shareId },
      token: employer.staff.token,
    });
    expect(Object.keys(shared.json.sections).sort()).toEqual(['aboutMe', 'whatHelps']);
    expect(shared.text).not.toContain('Autism');

    const employerView = await getMatch(employer.staff, matchId);
    expect(employerView.status).toBe(200);
    expect(employerView.json.match).toBeUndefined();
    expect(employerView.json.yourNextSteps.map((s: { action: string }) => s.action)).toEqual([
      'employer_accept',
      'employer_decline',
      'arrange_taster',
    ]);
    const employerInbox = await call(harness.app, 'GET', '/v1/me/inbox', { token: employer.staff.token });
    expect(employerInbox.json.items).toContainEqual(expect.objectContaining({ kind: 'employer_decision', matchId }));

    await travelTo(harness, clock, '2026-09-02T10:00:00Z', everyone());
    const taster = await step(harness, employer.staff, matchId, 'taster', {
      kind: 'taster_day',
      date: '2026-09-08',
      place: 'Staff restaurant, 1 Park Row',
      notes: 'Comfortable shoes',
    });
    expect(taster.json).toMatchObject({ state: 'taster_arranged', taster: { kind: 'taster_day', date: '2026-09-08' } });
    const tooSoon = await step(harness, employer.staff, matchId, 'employer-accept');
    expect(tooSoon.status).toBe(422);

    await travelTo(harness, clock, '2026-09-08T15:00:00Z', everyone());
    const agreed = await step(harness, employer.staff, matchId, 'employer-accept', { note: 'A great taster day' });
    expect(agreed.json).toMatchObject({
      state: 'agreed',
      employerDecision: { accepted: true, note: 'A great taster day' },
    });

    await travelTo(harness, clock, '2026-09-14T09:00:00Z', everyone());
    const started = await step(harness, world.coach, matchId, 'start', { startedOn: '2026-09-14' });
    expect(started.json).toMatchObject({ state: 'in_progress', startedOn: '2026-09-14' });
    const placement = await call(harness.app, 'GET', '/v1/placements/{placementId}', {
      path: { placementId: fullPlacement },
      token: world.coach.token,
    });
    expect(placement.json).toMatchObject({ placesFilled: 1, placesFree: 1, status: 'open' });
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId: world.youngPersonId },
          token: world.coach.token,
        })
      ).json.status,
    ).toBe('on_placement');

    const rotation = await step(harness, employer.staff, matchId, 'rotations', {
      department: 'Kitchen',
      tasks: ['food preparation'],
      startDate: '2026-09-14',
      endDate: '2026-12-04',
    });
    expect(rotation.status).toBe(201);
    expect(rotation.json.rotations).toEqual([
      expect.objectContaining({ department: 'Kitchen', startDate: '2026-09-14', endDate: '2026-12-04' }),
    ]);

    await travelTo(harness, clock, '2026-10-07T09:00:00Z', everyone());
    const log = (person: Person, body: RequestBody<'post', '/v1/placement-matches/{matchId}/logs'>) =>
      step(harness, person, matchId, 'logs', body);
    const first = await log(world.coach, {
      weekStarting: '2026-09-14',
      hoursWorked: 20,
      supportHours: 15,
      tasksDone: ['food preparation'],
      independence: [{ task: 'food preparation', rating: 2 }],
    });
    expect(first.status, first.text).toBe(201);
    expect(first.json).toMatchObject({ weekNumber: 1, supportHours: 15 });
    expect((await log(employer.staff, { weekStarting: '2026-09-28', hoursWorked: 20, supportHours: 10 })).status).toBe(
      201,
    );
    expect((await log(employer.staff, { weekStarting: '2026-09-14', hoursWorked: 20, supportHours: 1 })).status).toBe(
      409,
    );
    const tuesdayOfALoggedWeek = await log(world.coach, {
      weekStarting: '2026-09-15',
      hoursWorked: 20,
      supportHours: 1,
    });
    expect(tuesdayOfALoggedWeek.status).toBe(409);
    expect(tuesdayOfALoggedWeek.error?.message).toContain('2026-09-14');

    const progress = await call(harness.app, 'GET', '/v1/placement-matches/{matchId}/progress', {
      path: { matchId },
      token: world.coach.token,
    });
    expect(progress.json.weeks.map((w: { supportHours?: number }) => w.supportHours ?? null)).toEqual([15, null, 10]);
    expect(progress.json.weeksWithoutLog).toEqual(['2026-09-21']);
    expect(progress.json.nextReviewDue).toBe('2026-10-26');
    const coachInbox = await call(harness.app, 'GET', '/v1/me/inbox', { token: world.coach.token });
    expect(coachInbox.json.items).toContainEqual(
      expect.objectContaining({ kind: 'weekly_log_due', matchId, weeksWithoutLog: ['2026-09-21'] }),
    );

    await travelTo(harness, clock, '2026-10-27T09:00:00Z', everyone());
    const reviewInbox = await call(harness.app, 'GET', '/v1/me/inbox', { token: world.coach.token });
    expect(reviewInbox.json.items).toContainEqual(
      expect.objectContaining({ kind: 'review_due', matchId, dueOn: '2026-10-26' }),
    );
    const review = await step(harness, world.coach, matchId, 'reviews', {
      heldOn: '2026-10-26',
      targets: [
        {
          text: 'Prepare the salad bar alone',
          measure: 'Three shifts in a row without prompts',
          dueDate: '2026-12-07',
        },
      ],
    });
    expect(review.status, review.text).toBe(201);
    expect(review.json).toMatchObject({ nextReviewDue: '2026-12-07', targets: [{ status: 'not_started' }] });

    await travelTo(harness, clock, '2027-07-16T16:00:00Z', everyone());
    const outcome: RequestBody<'post', '/v1/placement-matches/{matchId}/complete'>['outcome'] = {
      type: 'paid_employment',
      hoursPerWeek: 20,
      wageBand: 'real_living_wage',
      employer: 'same',
      contractType: 'permanent',
    };
    const completed = await step(harness, world.coach, matchId, 'complete', { endedOn: '2027-07-16', outcome });
    expect(completed.json).toMatchObject({ state: 'completed', endedOn: '2027-07-16', outcome });
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId: world.youngPersonId },
          token: world.coach.token,
        })
      ).json.status,
    ).toBe('completed');
    const early = await step(harness, world.coach, matchId, 'follow-up', {
      checkedOn: '2027-07-16',
      stillEmployed: true,
    });
    expect(early.status).toBe(422);

    await travelTo(harness, clock, '2028-07-20T09:00:00Z', everyone());
    expect((await call(harness.app, 'GET', '/v1/me/inbox', { token: world.coach.token })).json.items).toContainEqual(
      expect.objectContaining({ kind: 'follow_up_due', matchId }),
    );
    const followedUp = await step(harness, world.coach, matchId, 'follow-up', {
      checkedOn: '2028-07-16',
      stillEmployed: true,
      hoursPerWeek: 24,
    });
    expect(followedUp.json).toMatchObject({
      state: 'followed_up',
      followUp: { stillEmployed: true, hoursPerWeek: 24 },
    });

    const history = followedUp.json.history as { action: string; at: string; to: string; by: { role: string } }[];
    expect(history.map((h) => h.action)).toEqual([
      'propose',
      'accept',
      'arrange_taster',
      'employer_accept',
      'start',
      'complete',
      'record_follow_up',
    ]);
    expect(history.map((h) => h.by.role)).toEqual([
      'job_coach',
      'young_person',
      'employer',
      'employer',
      'job_coach',
      'job_coach',
      'job_coach',
    ]);
    expect([...history.map((h) => h.at)].sort()).toEqual(history.map((h) => h.at));
    expect((await getMatch(employer.staff, matchId)).json.followUp).toBeUndefined();

    const audited = await harness.services.audit.find({ targetId: matchId });
    expect(audited.map((e) => e.action).sort()).toEqual(
      [
        'placement_match.propose',
        'placement_match.accept',
        'placement_match.arrange_taster',
        'placement_match.employer_accept',
        'placement_match.start',
        'placement_match.record_rotation',
        'placement_match.log_week',
        'placement_match.log_week',
        'placement_match.record_review',
        'placement_match.complete',
        'placement_match.record_follow_up',
      ].sort(),
    );
    expect(new Set(audited.map((e) => e.subjectId))).toEqual(new Set([world.youngPersonId]));
  });
});

describe('weekly logs', () => {
  it('take any day of the week, and a log can be corrected: the earlier version is kept and the change audited', async () => {
    const ownPlacement = await postPlacement(harness, employer.employerId, employer.staff, { startDate: plannedStart });
    const { matchId } = await journeyTo('in_progress', ownPlacement, 'Robin');
    await travelTo(harness, clock, '2026-09-24T09:00:00Z', everyone());
    const wednesday = await step(harness, world.coach, matchId, 'logs', {
      weekStarting: '2026-09-09',
      hoursWorked: 20,
      supportHours: 15,
      notes: 'Settling in',
    });
    expect(wednesday.status, wednesday.text).toBe(201);
    expect(wednesday.json).toMatchObject({
      weekStarting: '2026-09-07',
      weekNumber: 2,
      version: 1,
      earlierVersions: [],
    });

    const correct = (week: string, body: RequestBody<'put', '/v1/placement-matches/{matchId}/logs/{week}'>) =>
      call(harness.app, 'PUT', '/v1/placement-matches/{matchId}/logs/{week}', {
        path: { matchId, week },
        token: employer.staff.token,
        body,
      });
    const corrected = await correct('2026-09-11', { hoursWorked: 18, supportHours: 12 });
    expect(corrected.status, corrected.text).toBe(200);
    expect(corrected.json).toMatchObject({
      weekStarting: '2026-09-07',
      hoursWorked: 18,
      supportHours: 12,
      version: 2,
      recordedBy: { role: 'employer' },
      earlierVersions: [
        { version: 1, hoursWorked: 20, supportHours: 15, notes: 'Settling in', recordedBy: { role: 'job_coach' } },
      ],
    });
    expect(corrected.json.notes).toBeUndefined();
    const progress = await call(harness.app, 'GET', '/v1/placement-matches/{matchId}/progress', {
      path: { matchId },
      token: world.coach.token,
    });
    expect(progress.json.logs).toEqual([expect.objectContaining({ supportHours: 12, version: 2 })]);
    const audited = await harness.services.audit.find({ targetId: matchId });
    expect(audited.find((entry) => entry.action === 'placement_match.correct_log')?.details).toMatchObject({
      weekStarting: '2026-09-07',
      correction: { fromVersion: 1, toVersion: 2 },
      before: { hoursWorked: 20, supportHours: 15 },
      after: { hoursWorked: 18, supportHours: 12 },
    });

    expect((await correct('2026-09-16', { hoursWorked: 18, supportHours: 12 })).status).toBe(404);
    expect((await correct('2026-02-30', { hoursWorked: 18, supportHours: 12 })).status).toBe(400);
    const byOtherEmployer = await call(harness.app, 'PUT', '/v1/placement-matches/{matchId}/logs/{week}', {
      path: { matchId, week: '2026-09-07' },
      token: otherEmployer.staff.token,
      body: { hoursWorked: 1, supportHours: 1 },
    });
    expect(byOtherEmployer.status).toBe(404);
    const byYoungPerson = await call(harness.app, 'PUT', '/v1/placement-matches/{matchId}/logs/{week}', {
      path: { matchId, week: '2026-09-07' },
      token: world.admin.token,
      body: { hoursWorked: 1, supportHours: 1 },
    });
    expect(byYoungPerson.status).toBe(403);
  });
});

describe('declining and withdrawing', () => {
  it('the young person can say no: the employer never sees it, and a new proposal can follow once the coach confirms it', async () => {
    const { matchId, youngPersonId, youngPerson } = await journeyTo('proposed');
    const declined = await step(harness, youngPerson, matchId, 'decline', { reason: 'Too far from home' });
    expect(declined.json).toMatchObject({
      state: 'declined_by_young_person',
      youngPersonResponse: { accepted: false, reason: 'Too far from home' },
      yourNextSteps: [],
    });
    expect((await getMatch(employer.staff, matchId)).status).toBe(404);
    expect((await getMatch(world.coach, matchId)).json.youngPersonResponse!.reason).toBe('Too far from home');
    expect((await propose(harness, world.coach, youngPersonId, placementId)).status).toBe(409);
    const again = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: world.coach.token,
      body: { youngPersonId, placementId, note: 'Closer to home now.', confirmRepeat: true },
    });
    expect(again.status, again.text).toBe(201);
  });

  it('the employer can decline with a reason, which ends the passport share', async () => {
    const { matchId, youngPerson } = await journeyTo('awaiting_employer');
    const shareId = (await getMatch(youngPerson, matchId)).json.youngPersonResponse!.shareId!;
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(200);
    expect((await step(harness, employer.staff, matchId, 'employer-decline', {})).status).toBe(400);
    const declined = await step(harness, employer.staff, matchId, 'employer-decline', {
      reason: 'No supervisor free this term',
    });
    expect(declined.json).toMatchObject({
      state: 'declined_by_employer',
      employerDecision: { accepted: false, reason: 'No supervisor free this term' },
    });
    expect((await getMatch(youngPerson, matchId)).json.employerDecision!.reason).toBe('No supervisor free this term');
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(404);
  });

  it('the employer can decline after a taster', async () => {
    const { matchId } = await journeyTo('awaiting_employer');
    expect(
      (
        await step(harness, employer.staff, matchId, 'taster', {
          kind: 'informal_interview',
          date: '2026-09-03',
          place: 'Reception',
        })
      ).status,
    ).toBe(200);
    const declined = await step(harness, employer.staff, matchId, 'employer-decline', {
      reason: 'The kitchen was too loud for them',
    });
    expect(declined.json.state).toBe('declined_by_employer');
    expect(declined.json.history.map((h: { action: string }) => h.action)).toEqual([
      'propose',
      'accept',
      'arrange_taster',
      'employer_decline',
    ]);
  });

  it('the coach can withdraw a proposal before the young person answers', async () => {
    const { matchId, youngPerson } = await journeyTo('proposed');
    const withdrawn = await step(harness, world.coach, matchId, 'withdraw', {
      reason: 'Placement no longer suits their travel',
    });
    expect(withdrawn.json).toMatchObject({
      state: 'withdrawn',
      withdrawal: { party: 'job_coach', fromState: 'proposed', reason: 'Placement no longer suits their travel' },
    });
    expect((await call(harness.app, 'GET', '/v1/me/inbox', { token: youngPerson.token })).json.items).toEqual([]);
  });

  it('the young person can withdraw while the employer decides, which ends the share', async () => {
    const { matchId, youngPerson } = await journeyTo('awaiting_employer');
    const shareId = (await getMatch(youngPerson, matchId)).json.youngPersonResponse!.shareId!;
    const withdrawn = await step(harness, youngPerson, matchId, 'withdraw', {
      reason: 'I found a placement nearer home',
    });
    expect(withdrawn.json).toMatchObject({
      state: 'withdrawn',
      withdrawal: { party: 'young_person', fromState: 'awaiting_employer' },
    });
    expect(
      (
        await call(harness.app, 'GET', '/v1/shared-passports/{shareId}', {
          path: { shareId },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(404);
  });

  it('the employer can withdraw an offer before the start', async () => {
    const { matchId } = await journeyTo('agreed');
    const withdrawn = await step(harness, employer.staff, matchId, 'withdraw', { reason: 'The department is closing' });
    expect(withdrawn.json).toMatchObject({
      state: 'withdrawn',
      withdrawal: { party: 'employer', fromState: 'agreed', reason: 'The department is closing' },
    });
  });

  it('the young person can leave during the internship: the place comes back, and the employer does not see their reason', async () => {
    const onePlace = await postPlacement(harness, employer.employerId, employer.staff, {
      startDate: plannedStart,
      places: 1,
    });
    const { matchId, youngPersonId, youngPerson } = await journeyTo('in_progress', onePlace);
    expect(
      (
        await call(harness.app, 'GET', '/v1/placements/{placementId}', {
          path: { placementId: onePlace },
          token: world.coach.token,
        })
      ).json,
    ).toMatchObject({ placesFilled: 1, status: 'filled' });
    const withdrawn = await step(harness, youngPerson, matchId, 'withdraw', { reason: 'My anxiety got worse' });
    expect(withdrawn.json).toMatchObject({
      state: 'withdrawn',
      withdrawal: { party: 'young_person', fromState: 'in_progress' },
    });
    expect(
      (
        await call(harness.app, 'GET', '/v1/placements/{placementId}', {
          path: { placementId: onePlace },
          token: world.coach.token,
        })
      ).json,
    ).toMatchObject({ placesFilled: 0, status: 'open' });
    expect(
      (
        await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId },
          token: world.coach.token,
        })
      ).json.status,
    ).toBe('active');
    expect((await getMatch(world.coach, matchId)).json.withdrawal!.reason).toBe('My anxiety got worse');
    const seenByEmployer = await getMatch(employer.staff, matchId);
    expect(seenByEmployer.json.withdrawal).toMatchObject({ party: 'young_person' });
    expect(seenByEmployer.json.withdrawal!.reason).toBeUndefined();
  });
});

describe('the job coach’s contact on a journey (issue 10, item 13)', () => {
  it('is on the view of one journey for its parties; the employer has it only while the journey is active', async () => {
    const { matchId, youngPerson } = await journeyTo('in_progress');
    const coachAccount = await harness.services.accounts.byId(world.coach.accountId);
    const contact = { id: world.coach.accountId, name: coachAccount!.name, email: coachAccount!.email };
    for (const reader of [employer.staff, youngPerson, world.coach, world.admin]) {
      expect((await getMatch(reader, matchId)).json.jobCoach).toEqual(contact);
    }
    const list = await call(harness.app, 'GET', '/v1/placement-matches', { token: employer.staff.token });
    expect(list.json.items.find((item) => item.id === matchId)!.jobCoach).toBeUndefined();
    const withdrawn = await journeyTo('agreed');
    expect((await step(harness, employer.staff, withdrawn.matchId, 'withdraw', { reason: 'Closing' })).status).toBe(
      200,
    );
    expect((await getMatch(employer.staff, withdrawn.matchId)).json.jobCoach).toBeUndefined();
    expect((await getMatch(world.coach, withdrawn.matchId)).json.jobCoach).toEqual(contact);
  });
});

describe('who may take a step (403) and when (409)', () => {
  it('refuses the wrong side with 403', async () => {
    const { matchId, youngPersonId, youngPerson } = await journeyTo('proposed');
    const profileOnly = await makeAccount(harness, {
      role: 'delegate',
      providerId: world.providerId,
      actsFor: [{ youngPersonId, rights: ['view_profile'] }],
    });
    expect((await getMatch(profileOnly, matchId)).status).toBe(200);
    expect((await step(harness, world.coach, matchId, 'accept', { sections: [] })).status).toBe(403);
    expect((await step(harness, profileOnly, matchId, 'accept', { sections: [] })).status).toBe(403);
    expect((await step(harness, world.admin, matchId, 'withdraw', { reason: 'x' })).status).toBe(403);
    expect((await step(harness, youngPerson, matchId, 'withdraw', { reason: 'x' })).status).toBe(403);
    await step(harness, youngPerson, matchId, 'accept', { sections: [] });
    await step(harness, employer.staff, matchId, 'employer-accept');
    const byYoungPerson = await step(harness, youngPerson, matchId, 'start', { startedOn: '2026-09-01' });
    expect(byYoungPerson.status).toBe(403);
    expect(byYoungPerson.error?.details).toEqual({ action: 'start', allowedParties: ['job_coach', 'employer'] });
    expect(
      (await step(harness, employer.staff, matchId, 'complete', { endedOn: '2026-09-01', outcome: { type: 'none' } }))
        .status,
    ).toBe(403);
  });

  it('hides a match from people outside it (404)', async () => {
    const { matchId } = await journeyTo('proposed');
    expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(404);
    expect((await getMatch(other.coach, matchId)).status).toBe(404);
    expect((await step(harness, otherEmployer.staff, matchId, 'withdraw', { reason: 'x' })).status).toBe(404);
  });

  it('answers a step the state does not allow with 409, the current state and the allowed next steps', async () => {
    const { matchId, youngPerson } = await journeyTo('awaiting_employer');
    const again = await step(harness, youngPerson, matchId, 'accept', { sections: [] });
    expect(again.status).toBe(409);
    expect(errorDetails(again).state).toBe('awaiting_employer');
    expect((errorDetails(again).allowedNextSteps as { action: string }[]).map((s) => s.action)).toEqual([
      'employer_accept',
      'employer_decline',
      'arrange_taster',
      'withdraw',
    ]);
    expect((errorDetails(again).allowedNextSteps as unknown[])[0]).toMatchObject({ by: ['employer'] });

    await step(harness, employer.staff, matchId, 'employer-accept');
    const tooEarly = await step(harness, world.coach, matchId, 'complete', {
      endedOn: '2026-09-01',
      outcome: { type: 'none' },
    });
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.error?.details).toMatchObject({ state: 'agreed' });
    expect((errorDetails(tooEarly).allowedNextSteps as { action: string }[]).map((s) => s.action)).toEqual([
      'start',
      'withdraw',
    ]);
    expect(
      (
        await step(harness, world.coach, matchId, 'logs', {
          weekStarting: '2026-08-31',
          hoursWorked: 10,
          supportHours: 5,
        })
      ).status,
    ).toBe(409);

    await step(harness, world.coach, matchId, 'withdraw', { reason: 'Moved away' });
    const afterEnd = await step(harness, world.coach, matchId, 'withdraw', { reason: 'again' });
    expect(afterEnd.status).toBe(409);
    expect(afterEnd.error?.details).toEqual({ state: 'withdrawn', allowedNextSteps: [] });
  });

  it('lets a delegate answer proposals, but share passport sections only with the sharing right', async () => {
    const id = await addYoungPerson(harness, world.coach, 'Robin');
    const responder = await makeAccount(harness, {
      role: 'delegate',
      providerId: world.providerId,
      actsFor: [{ youngPersonId: id, rights: ['respond_to_proposals'] }],
    });
    const matchId = (await propose(harness, world.coach, id, placementId)).json.id;
    const inbox = await call(harness.app, 'GET', '/v1/me/inbox', { token: responder.token });
    expect(inbox.json.items.map((i: { matchId: string }) => i.matchId)).toEqual([matchId]);
    const sharing = await step(harness, responder, matchId, 'accept', { sections: ['whatHelps'] });
    expect(sharing.status).toBe(403);
    expect(fieldProblems(sharing)[0]!.path).toBe('sections');
    const agreeing = await step(harness, responder, matchId, 'accept', { sections: [] });
    expect(agreeing.json).toMatchObject({
      state: 'awaiting_employer',
      youngPersonResponse: { sharedSections: [], by: { role: 'delegate' } },
    });
    expect(agreeing.json.youngPersonResponse!.shareId).toBeUndefined();
  });

  it('shares nothing when no section is chosen', async () => {
    const before = await harness.services.db.collection('passport_shares').countDocuments({});
    const { matchId, youngPerson } = await journeyTo('proposed');
    const accepted = await step(harness, youngPerson, matchId, 'accept', { sections: [] });
    expect(accepted.json.youngPersonResponse).toMatchObject({ sharedSections: [] });
    expect(await harness.services.db.collection('passport_shares').countDocuments({})).toBe(before);
  });
});

describe('proposals', () => {
  it('are only for open placements and young people looking for one, once at a time', async () => {
    const paused = await postPlacement(harness, employer.employerId, employer.staff, {
      startDate: plannedStart,
      status: 'paused',
    });
    const id = await addYoungPerson(harness, world.coach, 'Jo');
    const refused = await propose(harness, world.coach, id, paused);
    expect(refused.status).toBe(422);
    expect(fieldProblems(refused)[0]!.path).toBe('placementId');
    const first = await propose(harness, world.coach, id, placementId);
    const second = await propose(harness, world.coach, id, placementId);
    expect(second.status).toBe(409);
    expect(second.error?.details).toEqual({ matchId: first.json.id, state: 'proposed' });
  });

  it('are made by a job coach of the young person’s own provider only', async () => {
    expect((await propose(harness, other.coach, world.youngPersonId, placementId)).status).toBe(404);
    expect((await propose(harness, world.admin, world.youngPersonId, placementId)).status).toBe(403);
    expect((await propose(harness, world.youngPerson, world.youngPersonId, placementId)).status).toBe(403);
  });
});

describe('over-booking', () => {
  it('starts exactly one internship when ten starts race for a one-place placement', async () => {
    const onePlace = await postPlacement(harness, employer.employerId, employer.staff, {
      startDate: plannedStart,
      places: 1,
      title: 'Porter',
    });
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, i) => addYoungPerson(harness, world.coach, `Racer ${i + 1}`)),
    );
    const responder = await makeAccount(harness, {
      role: 'delegate',
      providerId: world.providerId,
      actsFor: ids.map((youngPersonId) => ({ youngPersonId, rights: ['respond_to_proposals' as const] })),
    });
    const matchIds: string[] = [];
    for (const id of ids) {
      const matchId = (await propose(harness, world.coach, id, onePlace)).json.id as string;
      expect((await step(harness, responder, matchId, 'accept', { sections: [] })).status).toBe(200);
      expect((await step(harness, employer.staff, matchId, 'employer-accept')).status).toBe(200);
      matchIds.push(matchId);
    }
    const results = await Promise.all(
      matchIds.map((matchId) =>
        step(harness, world.coach, matchId, 'start', {
          startedOn: '2026-09-01',
          earlyStartReason: 'An induction week at the college first',
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409, 409, 409]);
    const placement = await call(harness.app, 'GET', '/v1/placements/{placementId}', {
      path: { placementId: onePlace },
      token: world.coach.token,
    });
    expect(placement.json).toMatchObject({ places: 1, placesFilled: 1, placesFree: 0, status: 'filled' });
    const states = await call(harness.app, 'GET', '/v1/placement-matches', {
      query: { placementId: onePlace, limit: 20 },
      token: world.coach.token,
    });
    expect(states.json.items.filter((m: { state: string }) => m.state === 'in_progress')).toHaveLength(1);
    expect(states.json.items.filter((m: { state: string }) => m.state === 'agreed')).toHaveLength(9);
    expect(
      await harness.services.db
        .collection('young_people')
        .countDocuments({ preferredName: /^Racer/, status: 'on_placement' }),
    ).toBe(1);
  });
});

describe('personal data', () => {
  it('exports the journey with logs and reviews, and erasure deletes them', async () => {
    const { matchId, youngPersonId, youngPerson } = await journeyTo('in_progress', placementId, 'Erin');
    await travelTo(harness, clock, '2026-09-09T09:00:00Z', everyone().concat(youngPerson));
    expect(
      (
        await step(harness, world.coach, matchId, 'logs', {
          weekStarting: '2026-08-31',
          hoursWorked: 16,
          supportHours: 12,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await step(harness, world.coach, matchId, 'reviews', {
          heldOn: '2026-09-08',
          targets: [{ text: 'Arrive on time', measure: 'Five days out of five', dueDate: '2026-10-01' }],
        })
      ).status,
    ).toBe(201);

    const exported = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
      path: { youngPersonId },
      token: youngPerson.token,
    });
    expect(exported.status).toBe(200);
    // The contract types the export as a loose record, one part per feature; this is the journey's part.
    const journey = exported.json.placementJourney as {
      matches: { id: string }[];
      weeklyLogs: unknown[];
      reviews: unknown[];
    };
    expect(journey.matches.map((m) => m.id)).toEqual([matchId]);
    expect(journey.weeklyLogs).toHaveLength(1);
    expect(journey.reviews).toHaveLength(1);

    expect(
      (
        await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
          path: { youngPersonId },
          token: world.admin.token,
        })
      ).status,
    ).toBe(200);
    const { db } = harness.services;
    const byPerson = { youngPersonId: new ObjectId(youngPersonId) };
    expect(await db.collection('placement_matches').countDocuments(byPerson)).toBe(0);
    expect(await db.collection('internship_weekly_logs').countDocuments(byPerson)).toBe(0);
    expect(await db.collection('internship_reviews').countDocuments(byPerson)).toBe(0);
  });
});
