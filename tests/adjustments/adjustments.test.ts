import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import {
  type CallResult,
  call,
  callUntyped,
  createHarness,
  fieldProblems,
  type Harness,
  type RequestBody,
  type Schema,
} from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-08-03T09:00:00Z'));
const today = '2026-08-03';
const placementStart = '2026-09-07';
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;

const helps = [
  { category: 'environment', details: 'A quiet place to take my breaks' },
  { category: 'instructions', details: 'Tasks written down, one step at a time' },
  { category: 'hours_and_breaks', details: 'Start at 10 so I miss the busy bus' },
] as const;

const passport: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
  sections: {
    aboutMe: { summary: 'I like routine.' },
    myCondition: { description: 'Autism' },
    whatHelps: { adjustments: helps.map((help) => ({ ...help, inPlace: false })) },
    accessToWork: null,
    review: null,
  },
};

type Adjustment = Schema<'Adjustment'>;
type AdjustmentList = Schema<'AdjustmentList'>;

const everyone = () => [
  world.coach,
  world.admin,
  world.youngPerson,
  world.delegate,
  other.coach,
  employer.staff,
  otherEmployer.staff,
];

const list = (person: Person, matchId: string) =>
  callUntyped(harness.app, 'GET', `/v1/placement-matches/${matchId}/adjustments`, {
    token: person.token,
  }) as Promise<CallResult<AdjustmentList>>;
const act = (person: Person, matchId: string, adjustmentId: string, name: string, body: Record<string, unknown>) =>
  callUntyped(harness.app, 'POST', `/v1/placement-matches/${matchId}/adjustments/${adjustmentId}/${name}`, {
    token: person.token,
    body,
  }) as Promise<CallResult<Adjustment>>;

const agree = { answer: 'agreed', who: 'Priya, the supervisor', byDate: placementStart, payer: 'employer' };

/** A young person with a passport, proposed for a new placement of `employer`, accepted sharing what helps. */
async function sharedJourney(name: string, sections: ('aboutMe' | 'whatHelps')[] = ['whatHelps']) {
  const person = await addYoungPersonWithAccount(harness, world.coach, world.providerId, name);
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: person.id },
    token: person.account.token,
    body: passport,
  });
  expect(saved.status, saved.text).toBe(200);
  const placementId = await postPlacement(harness, employer.employerId, employer.staff, { startDate: placementStart });
  const proposed = await propose(harness, world.coach, person.id, placementId);
  expect(proposed.status, proposed.text).toBe(201);
  const matchId = proposed.json.id as string;
  const accepted = await step(harness, person.account, matchId, 'accept', { sections });
  expect(accepted.status, accepted.text).toBe(200);
  return { ...person, matchId, placementId, shareId: accepted.json.youngPersonResponse?.shareId as string | undefined };
}

async function employerAccepts(matchId: string) {
  const accepted = await step(harness, employer.staff, matchId, 'employer-accept', {});
  expect(accepted.status, accepted.text).toBe(200);
}

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });
});
afterAll(() => harness.close());
beforeEach(() => travelTo(harness, clock, `${today}T09:00:00Z`, everyone()));

describe('from share to requests', () => {
  it('makes one request per shared help, in the young person’s words, and none again when shared again', async () => {
    const journey = await sharedJourney('Ana');
    const first = await list(employer.staff, journey.matchId);
    expect(first.status, first.text).toBe(200);
    expect(first.json.items.map((item) => [item.kind, item.text, item.state])).toEqual([
      ['environment', 'A quiet place to take my breaks', 'requested'],
      ['instructions', 'Tasks written down, one step at a time', 'requested'],
      ['hours_and_breaks', 'Start at 10 so I miss the busy bus', 'requested'],
    ]);
    expect(first.json.items[0]!.allowedActions).toEqual(['agree', 'decline']);

    // Sharing directly again, for the same placement, adds nothing.
    const again = await call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
      path: { youngPersonId: journey.id },
      token: journey.account.token,
      body: {
        employerId: employer.employerId,
        placementId: journey.placementId,
        sections: ['whatHelps'],
        purpose: 'Again, for the supervisor',
        expiresInDays: 30,
      },
    });
    expect(again.status, again.text).toBe(201);
    expect((await list(employer.staff, journey.matchId)).json.items).toHaveLength(3);
  });

  it('makes no request when "what helps me at work" is not shared', async () => {
    const journey = await sharedJourney('Ben', ['aboutMe']);
    expect((await list(world.coach, journey.matchId)).json.items).toEqual([]);
  });

  it('lets the coach add a request and reword one; the employer sees them only once the young person agrees', async () => {
    const journey = await sharedJourney('Cal');
    const added = (await callUntyped(harness.app, 'POST', `/v1/placement-matches/${journey.matchId}/adjustments`, {
      token: world.coach.token,
      body: { kind: 'equipment', text: 'Ear defenders in the laundry' },
    })) as CallResult<Adjustment>;
    expect(added.status, added.text).toBe(201);
    expect(added.json).toMatchObject({ awaitingYoungPerson: true, source: 'job_coach' });
    expect((await list(employer.staff, journey.matchId)).json.items).toHaveLength(3);

    const items = (await list(world.coach, journey.matchId)).json.items;
    const suggested = await act(world.coach, journey.matchId, items[1]!.id, 'suggestion', {
      parts: [
        { kind: 'instructions', text: 'A written list of tasks' },
        { kind: 'instructions', text: 'Shown once, then I try' },
      ],
    });
    expect(suggested.status, suggested.text).toBe(200);
    // The original stands beside the suggestion until the young person decides; the employer sees neither change.
    const mine = (await list(journey.account, journey.matchId)).json.items[1]!;
    expect(mine.text).toBe('Tasks written down, one step at a time');
    expect(mine.suggestion?.parts.map((part) => part.text)).toEqual([
      'A written list of tasks',
      'Shown once, then I try',
    ]);
    expect((await list(employer.staff, journey.matchId)).json.items[1]!.suggestion).toBeNull();

    // The employer cannot answer a request still waiting for the young person: to them it does not exist.
    expect((await act(employer.staff, journey.matchId, added.json.id, 'answer', agree)).status).toBe(404);

    expect(
      (await act(journey.account, journey.matchId, added.json.id, 'suggestion/decision', { decision: 'agree' })).status,
    ).toBe(200);
    const split = await act(journey.account, journey.matchId, items[1]!.id, 'suggestion/decision', {
      decision: 'agree',
    });
    expect(split.status, split.text).toBe(200);
    expect(split.json.text).toBe('A written list of tasks');
    const after = (await list(employer.staff, journey.matchId)).json.items.map((item) => item.text);
    expect(after).toEqual([
      'A quiet place to take my breaks',
      'A written list of tasks',
      'Start at 10 so I miss the busy bus',
      'Ear defenders in the laundry',
      'Shown once, then I try',
    ]);
  });
});

describe('the employer’s answer, in place, the check and the review', () => {
  it('goes through every step, and refuses each step out of turn with nothing written', async () => {
    const journey = await sharedJourney('Dee');
    const [quiet, written, late] = (await list(employer.staff, journey.matchId)).json.items;

    // Putting in place before the employer agreed anything, or checking: 409.
    const early = await act(journey.account, journey.matchId, quiet!.id, 'check', { answer: 'yes' });
    expect(early.status).toBe(409);
    expect(early.error?.message).toMatch(/not in place yet/);

    // Answers: the fields an answer needs are named.
    const incomplete = await act(employer.staff, journey.matchId, quiet!.id, 'answer', { answer: 'agreed' });
    expect(incomplete.status).toBe(400);
    expect(fieldProblems(incomplete).map((p) => p.path)).toEqual(['who', 'byDate', 'payer']);
    const atwWithoutLine = await act(employer.staff, journey.matchId, quiet!.id, 'answer', {
      ...agree,
      payer: 'access_to_work',
    });
    expect(fieldProblems(atwWithoutLine).map((p) => p.path)).toEqual(['accessToWorkLine']);
    const noReason = await act(employer.staff, journey.matchId, late!.id, 'answer', { answer: 'not_possible' });
    expect(fieldProblems(noReason).map((p) => p.path)).toEqual(['reason']);

    // Only the employer answers; an employer who is not this journey's does not see it.
    expect((await act(world.coach, journey.matchId, quiet!.id, 'answer', agree)).status).toBe(403);
    expect((await act(journey.account, journey.matchId, quiet!.id, 'answer', agree)).status).toBe(403);
    const stranger = await act(otherEmployer.staff, journey.matchId, quiet!.id, 'answer', agree);
    expect(stranger.status).toBe(404);

    expect((await act(employer.staff, journey.matchId, quiet!.id, 'answer', agree)).json.state).toBe('agreed');
    expect(
      (
        await act(employer.staff, journey.matchId, written!.id, 'answer', {
          ...agree,
          payer: 'access_to_work',
          accessToWorkLine: 'Job coach support',
        })
      ).json.agreed,
    ).toMatchObject({ payer: 'access_to_work', accessToWorkLine: 'Job coach support' });
    const declined = await act(employer.staff, journey.matchId, late!.id, 'answer', {
      answer: 'not_possible',
      reason: 'The laundry opens at 8 and needs everyone then.',
      alternative: 'Start at 8:30 with a lift from a colleague.',
    });
    expect(declined.json).toMatchObject({ state: 'not_possible', notPossible: { alternative: expect.any(String) } });

    // A second answer to an answered request: 409, and the first answer stands.
    const second = await act(employer.staff, journey.matchId, late!.id, 'answer', agree);
    expect(second.status).toBe(409);
    expect(second.error?.message).toMatch(/already been answered/);
    expect((await list(world.coach, journey.matchId)).json.items[2]!.state).toBe('not_possible');

    // In place: not while the placement is not agreed; then not before the day it was agreed.
    const notAgreed = await act(employer.staff, journey.matchId, quiet!.id, 'in-place', { inPlaceOn: today });
    expect(notAgreed.status).toBe(409);
    await travelTo(harness, clock, '2026-08-10T09:00:00Z', [...everyone(), journey.account]);
    await employerAccepts(journey.matchId);
    const beforeAgreed = await act(employer.staff, journey.matchId, quiet!.id, 'in-place', { inPlaceOn: '2026-08-09' });
    expect(beforeAgreed.status).toBe(422);
    expect(fieldProblems(beforeAgreed)).toEqual([
      expect.objectContaining({
        path: 'inPlaceOn',
        message: expect.stringContaining('before the placement was agreed on 2026-08-10'),
      }),
    ]);
    expect((await list(world.coach, journey.matchId)).json.items[0]!.state).toBe('agreed');
    const inPlace = await act(employer.staff, journey.matchId, quiet!.id, 'in-place', { inPlaceOn: '2026-08-10' });
    expect(inPlace.json).toMatchObject({ state: 'in_place', inPlace: { on: '2026-08-10' } });

    // The check: the young person's, once.
    expect((await act(employer.staff, journey.matchId, quiet!.id, 'check', { answer: 'yes' })).status).toBe(403);
    const checked = await act(journey.account, journey.matchId, quiet!.id, 'check', {
      answer: 'a_bit',
      why: 'It is quiet, but people come in.',
    });
    expect(checked.json).toMatchObject({ state: 'checked', check: { answer: 'a_bit' } });
    const twice = await act(journey.account, journey.matchId, quiet!.id, 'check', { answer: 'yes' });
    expect(twice.status).toBe(409);
    expect(twice.error?.message).toMatch(/already been checked/);
    // The employer never reads the young person's answer.
    expect((await list(employer.staff, journey.matchId)).json.items[0]!.check).toBeNull();

    // The coach's observation and the review: change sends it back to the employer.
    expect(
      (await act(world.coach, journey.matchId, quiet!.id, 'observation', { note: 'Used it twice today.' })).json
        .observations,
    ).toHaveLength(1);
    const kept = await act(world.coach, journey.matchId, quiet!.id, 'review', {
      decision: 'keep',
      heldOn: '2026-08-10',
    });
    expect(kept.json).toMatchObject({ state: 'checked', reviews: [{ decision: 'keep' }] });
    const changed = await act(world.coach, journey.matchId, quiet!.id, 'review', {
      decision: 'change',
      heldOn: '2026-08-10',
      note: 'A sign on the door',
    });
    expect(changed.json).toMatchObject({ state: 'requested', agreed: null, inPlace: null, check: null });
    const stopped = await act(world.coach, journey.matchId, late!.id, 'review', {
      decision: 'stop',
      heldOn: '2026-08-10',
    });
    expect(stopped.json.state).toBe('stopped');
    expect(
      (await act(employer.staff, journey.matchId, quiet!.id, 'review', { decision: 'keep', heldOn: today })).status,
    ).toBe(403);
  });
});

describe('privacy', () => {
  it('shows each role what the policy allows, and hides the words from the employer once the share is withdrawn', async () => {
    const journey = await sharedJourney('Eve');
    const [quiet] = (await list(employer.staff, journey.matchId)).json.items;
    await travelTo(harness, clock, '2026-08-10T09:00:00Z', [...everyone(), journey.account]);
    await employerAccepts(journey.matchId);
    await act(employer.staff, journey.matchId, quiet!.id, 'answer', agree);
    await act(employer.staff, journey.matchId, quiet!.id, 'in-place', { inPlaceOn: '2026-08-10' });

    expect((await list(world.coach, journey.matchId)).status).toBe(200);
    // A provider admin sees that there are adjustments and where they are, not the words (as with the passport).
    const admin = await list(world.admin, journey.matchId);
    expect(admin.status).toBe(200);
    expect(admin.json.items[0]).toMatchObject({ text: null, state: 'in_place' });
    expect((await list(journey.account, journey.matchId)).status).toBe(200);
    expect((await list(other.coach, journey.matchId)).status).toBe(404);
    expect((await list(otherEmployer.staff, journey.matchId)).status).toBe(404);
    // Sam's delegate does not act for this young person.
    expect((await list(world.delegate, journey.matchId)).status).toBe(404);

    const withdrawn = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}/passport/shares/{shareId}', {
      path: { youngPersonId: journey.id, shareId: journey.shareId! },
      token: journey.account.token,
    });
    expect(withdrawn.status, withdrawn.text).toBe(200);

    const seen = await list(employer.staff, journey.matchId);
    expect(seen.json.textHidden).toBe(true);
    expect(seen.json.items[0]).toMatchObject({
      text: null,
      kind: null,
      state: 'in_place',
      inPlace: { on: '2026-08-10' },
    });
    expect(seen.json.items[1]).toMatchObject({ text: null, kind: null, state: 'requested' });
    expect(seen.text).not.toContain('quiet place');
    expect((await list(world.coach, journey.matchId)).json.items[0]!.text).toBe('A quiet place to take my breaks');
    expect((await list(journey.account, journey.matchId)).json.textHidden).toBe(false);
  });

  it('exports the requests to the young person and erases them with the young person', async () => {
    const journey = await sharedJourney('Fay');
    const exported = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/export', {
      path: { youngPersonId: journey.id },
      token: journey.account.token,
    });
    expect(exported.status, exported.text).toBe(200);
    const part = (exported.json as Record<string, unknown>).adjustments as { text: string }[];
    expect(part.map((request) => request.text)).toContain('A quiet place to take my breaks');

    const erased = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: journey.id },
      token: world.admin.token,
    });
    expect(erased.status, erased.text).toBe(200);
    const adjustments = harness.services.db.collection('adjustments');
    expect(await adjustments.countDocuments({ youngPersonId: new ObjectId(journey.id) })).toBe(0);
    // Other young people's requests stay.
    expect(await adjustments.countDocuments({})).toBeGreaterThan(0);
  });

  it('keeps the words out of the audit trail and the search indexes', async () => {
    const journey = await sharedJourney('Gus');
    const entries = JSON.stringify(await harness.services.db.collection('audit_events').find({}).toArray());
    expect(entries).toContain('adjustment.request');
    expect(entries).not.toContain('quiet place');
    await harness.services.searchSync.drain();
    const { results: indexes } = await harness.services.search.client.getIndexes({ limit: 100 });
    for (const index of indexes.filter((i) => i.uid.startsWith(harness.services.search.prefix))) {
      const { results } = await harness.services.search.client.index(index.uid).getDocuments({ limit: 10_000 });
      expect(JSON.stringify(results)).not.toContain('quiet place');
    }
    expect(journey.matchId).toBeTruthy();
  });
});

describe('back into the passport', () => {
  it('adds a help that helped as known to work, only by the owner and once, and the next employer sees it', async () => {
    const journey = await sharedJourney('Hal');
    const [quiet, written] = (await list(employer.staff, journey.matchId)).json.items;
    await travelTo(harness, clock, '2026-08-10T09:00:00Z', [...everyone(), journey.account]);
    await employerAccepts(journey.matchId);
    for (const item of [quiet!, written!]) {
      await act(employer.staff, journey.matchId, item.id, 'answer', agree);
      await act(employer.staff, journey.matchId, item.id, 'in-place', { inPlaceOn: '2026-08-10' });
    }
    await act(journey.account, journey.matchId, quiet!.id, 'check', { answer: 'yes' });
    await act(journey.account, journey.matchId, written!.id, 'check', { answer: 'no', why: 'Too small to read' });
    const add = (person: Person, id: string) =>
      callUntyped(harness.app, 'POST', `/v1/placement-matches/${journey.matchId}/adjustments/${id}/passport`, {
        token: person.token,
      }) as Promise<CallResult<Adjustment>>;

    expect((await list(journey.account, journey.matchId)).json.items[0]!.mayAddToPassport).toBe(true);
    expect((await add(world.coach, quiet!.id)).status).toBe(403);
    expect((await add(employer.staff, quiet!.id)).status).toBe(403);
    const unhelpful = await add(journey.account, written!.id);
    expect(unhelpful.status).toBe(409);
    expect(unhelpful.error?.message).toMatch(/said helps/);
    const added = await add(journey.account, quiet!.id);
    expect(added.status, added.text).toBe(200);
    expect(added.json).toMatchObject({ addedToPassport: true, mayAddToPassport: false });
    expect((await add(journey.account, quiet!.id)).status).toBe(409);

    const passport = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/passport', {
      path: { youngPersonId: journey.id },
      token: journey.account.token,
    });
    const helpsNow = passport.json.sections.whatHelps?.adjustments ?? [];
    expect(helpsNow.find((help) => help.details === 'A quiet place to take my breaks')?.workedAt).toEqual([
      { employer: 'Northern Kitchens Ltd', month: '2026-08' },
    ]);
    expect(helpsNow.filter((help) => help.workedAt)).toHaveLength(1);

    // The next employer: the request and the shared passport both say it is known to work.
    const nextPlacement = await postPlacement(harness, otherEmployer.employerId, otherEmployer.staff, {
      startDate: '2026-10-05',
    });
    const proposed = await propose(harness, world.coach, journey.id, nextPlacement);
    const accepted = await step(harness, journey.account, proposed.json.id as string, 'accept', {
      sections: ['whatHelps'],
    });
    expect(accepted.status, accepted.text).toBe(200);
    const next = await list(otherEmployer.staff, proposed.json.id as string);
    expect(next.json.items.map((item) => item.knownToWork)).toEqual([
      [{ employer: 'Northern Kitchens Ltd', month: '2026-08' }],
      [],
      [],
    ]);
  });
});
