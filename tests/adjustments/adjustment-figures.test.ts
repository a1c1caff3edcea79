import { type Document, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { call, createHarness, type Harness, type RequestBody } from '../helpers/harness.js';
import { addYoungPersonWithAccount, postPlacement, propose, step, travelTo } from '../helpers/journey-world.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';

const clock = new ManualClock(new Date('2026-08-03T09:00:00Z'));
const today = '2026-10-01';
let harness: Harness;
let world: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
let otherEmployer: EmployerWorld;

const passport: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
  sections: {
    aboutMe: { summary: 'I like routine.' },
    myCondition: { description: 'Autism' },
    whatHelps: {
      adjustments: [
        { category: 'environment', details: 'A quiet place to take my breaks', inPlace: false },
        { category: 'instructions', details: 'Tasks written down, one step at a time', inPlace: false },
        { category: 'hours_and_breaks', details: 'Start at 10 so I miss the busy bus', inPlace: false },
      ],
    },
    accessToWork: null,
    review: null,
  },
};

/** A journey of `provider`'s young person with `host`, accepted sharing what helps: three requests. */
async function journeyWith(provider: ProviderWorld, host: EmployerWorld, name: string) {
  const person = await addYoungPersonWithAccount(harness, provider.coach, provider.providerId, name);
  const saved = await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
    path: { youngPersonId: person.id },
    token: person.account.token,
    body: passport,
  });
  expect(saved.status, saved.text).toBe(200);
  const placementId = await postPlacement(harness, host.employerId, host.staff, { startDate: '2026-09-07' });
  const proposed = await propose(harness, provider.coach, person.id, placementId);
  expect(proposed.status, proposed.text).toBe(201);
  const matchId = proposed.json.id as string;
  const accepted = await step(harness, person.account, matchId, 'accept', { sections: ['whatHelps'] });
  expect(accepted.status, accepted.text).toBe(200);
  const requests = await harness.services.db
    .collection('adjustments')
    .find({ matchId: new ObjectId(matchId) })
    .sort({ requestedAt: 1, _id: 1 })
    .toArray();
  expect(requests).toHaveLength(3);
  return { matchId, requests: requests.map((request) => request._id) };
}

const by = () => ({ accountId: new ObjectId(), role: 'employer' });
const at = new Date('2026-09-01T09:00:00Z');
const agreed = { agreed: { who: 'Priya', byDate: '2026-09-07', payer: 'employer', by: by(), at } };
const inPlace = (on: string) => ({ ...agreed, inPlace: { on, by: by(), at } });
const checked = (on: string, answer: string) => ({ ...inPlace(on), check: { answer, by: by(), at } });

/** Writes a request's history as the service would have left it. */
async function record(id: ObjectId, state: string, fields: Document) {
  await harness.services.db.collection('adjustments').updateOne({ _id: id }, { $set: { state, ...fields } });
}

async function started(matchId: string, startedOn: string) {
  await harness.services.db
    .collection('placement_matches')
    .updateOne({ _id: new ObjectId(matchId) }, { $set: { startedOn } });
}

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * The figures computed again from everything stored, written out longhand: every request of the
 * journeys `journeys` selects, with its journey's first day, the way the definitions read.
 */
async function fullComputation(journeys: Document) {
  const db = harness.services.db;
  const matches = await db.collection('placement_matches').find(journeys).toArray();
  const startOf = new Map(matches.map((match) => [match._id.toHexString(), match.startedOn as string | undefined]));
  const all = await db
    .collection('adjustments')
    .find({ matchId: { $in: matches.map((match) => match._id) } })
    .toArray();
  const requests = all.filter((request) => request.awaitingYoungPerson !== true);
  const agreedOnes = requests.filter((request) => request.agreed);
  const windowOver = agreedOnes.filter((request) => {
    const start = startOf.get(request.matchId.toHexString());
    return start !== undefined && dayNumber(today) - dayNumber(start) > 14;
  });
  const inTime = windowOver.filter(
    (request) =>
      request.inPlace && dayNumber(request.inPlace.on) - dayNumber(startOf.get(request.matchId.toHexString())!) <= 14,
  );
  const checkedOnes = requests.filter((request) => request.check);
  const helpful = checkedOnes.filter((request) => ['yes', 'a_bit'].includes(request.check.answer));
  const percent = (part: number, whole: number) => (whole ? Math.round((part * 1000) / whole) / 10 : null);
  return {
    requests: requests.length,
    agreed: agreedOnes.length,
    notPossible: requests.filter((request) => request.notPossible).length,
    agreedWithFirstTwoWeeksOver: windowOver.length,
    inPlaceWithin14Days: inTime.length,
    inPlaceWithin14DaysPercent: percent(inTime.length, windowOver.length),
    checked: checkedOnes.length,
    foundHelpful: helpful.length,
    foundHelpfulPercent: percent(helpful.length, checkedOnes.length),
  };
}

const everyone = () => [world.admin, world.coach, other.admin, employer.staff, otherEmployer.staff];

beforeAll(async () => {
  harness = await createHarness({ clock });
  world = await makeProvider(harness);
  other = await makeProvider(harness, 'Other College');
  employer = await makeEmployer(harness, world.admin);
  otherEmployer = await makeEmployer(harness, world.admin, { name: 'Other Employer Ltd' });

  // Started 24 days before today: whether each was in place in its first 14 days is known.
  const settled = await journeyWith(world, employer, 'Ana');
  await started(settled.matchId, '2026-09-07');
  await record(settled.requests[0]!, 'checked', checked('2026-09-21', 'a_bit')); // day 14: in time, helpful
  await record(settled.requests[1]!, 'checked', checked('2026-09-22', 'no')); // day 15: late, not helpful
  await record(settled.requests[2]!, 'not_possible', { notPossible: { reason: 'No room', by: by(), at } });

  // Started 11 days before today: its first 14 days are not over, so it is in neither side of the share.
  const recent = await journeyWith(world, employer, 'Ben');
  await started(recent.matchId, '2026-09-20');
  await record(recent.requests[0]!, 'in_place', inPlace('2026-09-21'));
  await record(recent.requests[1]!, 'agreed', agreed);

  // Not started: agreed and checked count; in time cannot be known. One added by the coach waits for the young person.
  const notStarted = await journeyWith(world, employer, 'Cal');
  await record(notStarted.requests[0]!, 'checked', checked('2026-09-01', 'yes'));
  await record(notStarted.requests[1]!, 'stopped', { ...agreed, reviews: [] });
  await record(notStarted.requests[2]!, 'requested', { awaitingYoungPerson: true });

  // Another employer's: in place before the first day counts as in time; "not sure" is not helpful.
  const elsewhere = await journeyWith(world, otherEmployer, 'Dee');
  await started(elsewhere.matchId, '2026-09-07');
  await record(elsewhere.requests[0]!, 'checked', checked('2026-09-01', 'not_sure'));
  await record(elsewhere.requests[1]!, 'in_place', inPlace('2026-09-08'));

  // Another provider's young person with the same employer: never in this provider's figures.
  const otherProvider = await journeyWith(other, employer, 'Eve');
  await started(otherProvider.matchId, '2026-09-07');
  await record(otherProvider.requests[0]!, 'checked', checked('2026-09-08', 'yes'));

  await travelTo(harness, clock, `${today}T09:00:00Z`, everyone());
});
afterAll(() => harness.close());

describe('adjustment figures', () => {
  it('on the provider dashboard equal a full computation over the stored history, with each defined', async () => {
    const response = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.admin.token });
    expect(response.status, response.text).toBe(200);
    const expected = await fullComputation({ providerId: new ObjectId(world.providerId) });
    expect(response.json.adjustments).toEqual(expected);
    expect(expected).toEqual({
      requests: 11,
      agreed: 8,
      notPossible: 1,
      agreedWithFirstTwoWeeksOver: 4,
      inPlaceWithin14Days: 3,
      inPlaceWithin14DaysPercent: 75,
      checked: 4,
      foundHelpful: 2,
      foundHelpfulPercent: 50,
    });
    for (const figure of Object.keys(expected))
      expect(response.json.definitions[`adjustments.${figure}`], figure).toMatch(/\w/);
  });

  it('follow the academic year filter, and an empty year has no percentages', async () => {
    const year = await call(harness.app, 'GET', '/v1/dashboards/provider', {
      token: world.admin.token,
      query: { academicYear: 2020 },
    });
    expect(year.status, year.text).toBe(200);
    expect(year.json.adjustments).toMatchObject({ requests: 0, inPlaceWithin14DaysPercent: null });
  });

  it('give each employer only their own, on their dashboard and in its CSV', async () => {
    const own = await call(harness.app, 'GET', '/v1/dashboards/employer', { token: employer.staff.token });
    expect(own.status, own.text).toBe(200);
    expect(own.json.adjustments).toEqual(
      await fullComputation({ employerId: new ObjectId(employer.employerId), visibleToEmployer: true }),
    );
    const theirs = await call(harness.app, 'GET', '/v1/dashboards/employer', { token: otherEmployer.staff.token });
    expect(theirs.json.adjustments).toEqual(
      await fullComputation({ employerId: new ObjectId(otherEmployer.employerId), visibleToEmployer: true }),
    );
    expect(theirs.json.adjustments).toMatchObject({
      requests: 3,
      agreedWithFirstTwoWeeksOver: 2,
      inPlaceWithin14Days: 2,
    });
    const csv = await harness.app.request('/v1/dashboards/employer?format=csv', {
      headers: { authorization: `Bearer ${otherEmployer.staff.token}` },
    });
    expect(await csv.text()).toContain('adjustments,,All placements,adjustments.inPlaceWithin14Days,2,');
  });
});

describe('an employer’s record among a match’s reasons', () => {
  it('counts every agreed adjustment whose first two weeks are over, of any provider, and nothing else', async () => {
    const noRecord = await makeEmployer(harness, world.admin, { name: 'New Employer Ltd' });
    await postPlacement(harness, noRecord.employerId, noRecord.staff, { startDate: '2026-11-02' });
    await harness.services.searchSync.drain();
    const response = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/matches', {
      path: { youngPersonId: world.youngPersonId },
      query: { limit: 50 },
      token: world.coach.token,
    });
    expect(response.status, response.text).toBe(200);
    const recordOf = (employerId: string) =>
      response.json.items
        .filter((item) => item.placement.employer.id === employerId)
        .map((item) => item.reasons.employerAdjustments ?? null);
    // Ana's two (one on day 14, one on day 15) and the other provider's Eve's one (the day after the start).
    expect(recordOf(employer.employerId)).toContainEqual({ agreed: 3, inPlaceWithinTwoWeeks: 2 });
    expect(recordOf(otherEmployer.employerId)).toContainEqual({ agreed: 2, inPlaceWithinTwoWeeks: 2 });
    expect(recordOf(noRecord.employerId)).toEqual([null]);
  });
});
