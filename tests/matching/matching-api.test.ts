import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { createSearch } from '../../src/core/search/meili.js';
import { freePort } from '../../src/embedded/process.js';
import { MatchingService } from '../../src/matching/matching.service.js';
import { AdjustmentFiguresReadModel } from '../../src/read-models/adjustment-figures.js';
import { EarlierProposalsReadModel } from '../../src/read-models/earlier-proposals.js';
import { MatchingProfilesReadModel } from '../../src/read-models/matching-profiles.js';
import { call, callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { addYoungPersonWithAccount, propose, step } from '../helpers/journey-world.js';
import {
  type EmployerWorld,
  makeAccount,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
  profileInput,
} from '../helpers/world.js';

let harness: Harness;
let home: ProviderWorld;
let other: ProviderWorld;
let employer: EmployerWorld;
const placements: Record<string, string> = {};
let notSuitedId: string;

const quietEnvironment = { ...placementInput().environment, noise: 'low', standing: 'medium' };

async function post(name: string, overrides: Record<string, unknown>, by: EmployerWorld = employer) {
  const response = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
    path: { employerId: by.employerId },
    token: by.staff.token,
    body: placementInput(overrides),
  });
  if (response.status !== 201) throw new Error(`${name}: ${response.status} ${response.text}`);
  placements[name] = response.json.id;
}

beforeAll(async () => {
  harness = await createHarness();
  home = await makeProvider(harness);
  other = await makeProvider(harness, 'Bradford College');
  employer = await makeEmployer(harness, home.admin);
  // Sam (profileInput): Leeds LS6, 12 km, Monday to Thursday 09:00-15:30, 24 hours, noise up to medium,
  // customer contact up to low, needs written instructions, would like a named buddy.
  await post('kitchen', {});
  await post('shop', {
    title: 'Shop floor assistant',
    description: 'Keep the shelves full and tidy.',
    tasks: ['stock rotation', 'price labelling'],
    sector: 'retail',
    environment: quietEnvironment,
    adjustmentsOffered: ['instructions'],
    rotations: [],
  });
  await post('loud', { title: 'Kitchen porter', environment: { ...placementInput().environment, noise: 'high' } });
  await post('friday', {
    schedule: { days: ['mon', 'tue', 'wed', 'fri'], startTime: '09:30', endTime: '14:30', hoursPerWeek: 20 },
  });
  await post('noInstructions', { adjustmentsOffered: ['colleague_support'] });
  await post('york', {
    site: {
      address: { line1: '1 Museum St', town: 'York', postcode: 'YO1 7DJ' },
      coordinates: { lat: 53.96, lng: -1.085 },
      stepFreeAccess: true,
    },
  });
  await post('draft', { status: 'draft' });
  const lapsed = await makeEmployer(harness, home.admin, { name: 'Lapsed Ltd' });
  await post('unverified', {}, lapsed);
  await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
    path: { employerId: lapsed.employerId },
    token: home.admin.token,
    body: { verified: false },
  });
  const mondays = await call(harness.app, 'POST', '/v1/young-people', {
    token: home.coach.token,
    body: profileInput({
      preferredName: 'Mo',
      availability: { days: ['mon'], earliestStart: '09:00', latestFinish: '15:30', maxHoursPerWeek: 8 },
    }),
  });
  notSuitedId = mondays.json.id;
  await harness.services.searchSync.drain();
});
afterAll(() => harness.close());

const matchesOf = (youngPersonId: string, token?: string, query = '') =>
  call(harness.app, 'GET', '/v1/young-people/{youngPersonId}/matches', {
    path: { youngPersonId },
    rawQuery: query.replace(/^\?/, ''),
    ...(token === undefined ? {} : { token }),
  });

describe('GET /v1/young-people/{id}/matches', () => {
  it('proposes only placements that keep every hard limit, best fit first, with reasons', async () => {
    const response = await matchesOf(home.youngPersonId, home.coach.token);
    expect(response.status).toBe(200);
    const ids = response.json.items.map((item: { placement: { id: string } }) => item.placement.id);
    expect(ids.sort()).toEqual([placements.kitchen, placements.shop].sort());
    expect(response.json.total).toBe(2);
    const scores = response.json.items.map((item: { fitScore: number }) => item.fitScore);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const kitchen = response.json.items.find(
      (item: { placement: { id: string } }) => item.placement.id === placements.kitchen,
    );
    expect(kitchen!.placement).toMatchObject({
      title: 'Kitchen assistant',
      town: 'Leeds',
      employer: { name: 'Northern Kitchens Ltd' },
      placesFree: 2,
    });
    expect(kitchen!.reasons).toMatchObject({
      interests: { sectors: ['hospitality_catering'], likedTasks: ['food preparation', 'stock rotation'] },
      adjustments: { met: ['instructions', 'colleague_support'], notMet: [] },
      hardLimitsChecked: expect.arrayContaining([
        'travel_distance',
        'days',
        'daily_hours',
        'hours_per_week',
        'environment',
        'required_adjustments',
      ]),
    });
    expect(kitchen!.reasons.environment.supportNeeded.map((note: { factor: string }) => note.factor)).toContain(
      'noise',
    );
    expect(kitchen!.reasons.distanceKm).toBeGreaterThan(0);
    const shop = response.json.items.find(
      (item: { placement: { id: string } }) => item.placement.id === placements.shop,
    );
    expect(shop!.reasons.adjustments.notMet).toEqual(['colleague_support']);
  });

  it('shows the first choice and the young person’s own words as reasons, with their points', async () => {
    const said = 'I’d like to help in a kitchen and make food for people';
    const patch = await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: home.youngPersonId },
      token: home.coach.token,
      body: { jobsWanted: said },
    });
    expect(patch.status).toBe(200);
    expect(patch.json.jobsWanted).toBe(said);
    await harness.services.searchSync.drain();
    const response = await matchesOf(home.youngPersonId, home.coach.token);
    const kitchen = response.json.items.find(
      (item: { placement: { id: string } }) => item.placement.id === placements.kitchen,
    );
    expect(kitchen!.reasons.interests.firstChoice).toBe(true);
    expect(kitchen!.reasons.jobsWanted).toEqual({
      said,
      matched: ['kitchen', 'food'],
      message:
        'You said: “I’d like to help in a kitchen and make food for people”. This placement has “kitchen” and “food” in its title or tasks.',
    });
    expect(kitchen!.reasons.scoreParts).toMatchObject({ firstChoiceSector: 8, jobsWanted: 8 });
    const shop = response.json.items.find(
      (item: { placement: { id: string } }) => item.placement.id === placements.shop,
    );
    expect(shop!.reasons.interests.firstChoice).toBe(false);
    expect(shop!.reasons.jobsWanted!.matched).toEqual([]);
    await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: home.youngPersonId },
      token: home.coach.token,
      body: { jobsWanted: '' },
    });
    await harness.services.searchSync.drain();
  });

  it('narrows by radius, sector and words', async () => {
    const near = await matchesOf(home.youngPersonId, home.coach.token, '?radiusKm=0.5');
    expect(near.status).toBe(200);
    expect(near.json.items).toEqual([]);
    const retail = await matchesOf(home.youngPersonId, home.coach.token, '?sector=retail');
    expect(retail.json.items.map((item: { placement: { id: string } }) => item.placement.id)).toEqual([
      placements.shop,
    ]);
    const words = await matchesOf(home.youngPersonId, home.coach.token, '?q=shelves');
    expect(words.json.items.map((item: { placement: { id: string } }) => item.placement.id)).toEqual([placements.shop]);
  });

  it('pages through one stable ranking', async () => {
    const all = (await matchesOf(home.youngPersonId, home.coach.token)).json.items.map(
      (item: { placement: { id: string } }) => item.placement.id,
    );
    const first = await matchesOf(home.youngPersonId, home.coach.token, '?limit=1');
    const second = await matchesOf(home.youngPersonId, home.coach.token, '?limit=1&offset=1');
    expect([first.json.items[0]!.placement.id, second.json.items[0]!.placement.id]).toEqual(all);
    expect(second.json).toMatchObject({ total: 2, limit: 1, offset: 1 });
  });

  it('looks no further than the travel limit, even in the corners of the box the nearest-first search asks for', async () => {
    const sam = await harness.services.youngPeopleRepository.byId(home.youngPersonId);
    const { lat, lng } = sam!.coordinates;
    // 11 km north and 11 km east of home: inside the box around Sam's 12 km, but 15.5 km away.
    const corner = { lat: lat + 11 / 111.2, lng: lng + 11 / (111.2 * Math.cos((lat * Math.PI) / 180)) };
    await post('corner', {
      site: {
        address: { line1: '1 Main St', town: 'Harewood', postcode: 'LS17 9LG' },
        coordinates: corner,
        stepFreeAccess: true,
      },
    });
    await harness.services.searchSync.drain();
    try {
      const response = await matchesOf(home.youngPersonId, home.coach.token);
      expect(response.json.items.map((item: { placement: { id: string } }) => item.placement.id).sort()).toEqual(
        [placements.kitchen, placements.shop].sort(),
      );
      expect(response.json.total).toBe(2);
    } finally {
      const closed = await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
        path: { placementId: placements.corner! },
        token: employer.staff.token,
        body: { status: 'closed' },
      });
      expect(closed.status).toBe(200);
      await harness.services.searchSync.drain();
    }
  });

  it('answers from the index, which follows a placement change through the outbox', async () => {
    const patchKitchen = (noise: 'high' | 'medium') =>
      call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
        path: { placementId: placements.kitchen! },
        token: employer.staff.token,
        body: { environment: { ...placementInput().environment, noise } },
      });
    expect((await patchKitchen('high')).status).toBe(200);
    await harness.services.searchSync.drain();
    try {
      const response = await matchesOf(home.youngPersonId, home.coach.token);
      expect(response.json.items.map((item: { placement: { id: string } }) => item.placement.id)).toEqual([
        placements.shop,
      ]);
    } finally {
      expect((await patchKitchen('medium')).status).toBe(200);
      await harness.services.searchSync.drain();
    }
  });

  it('cannot turn a match the index has not caught up with into a proposal: the proposal re-checks the records', async () => {
    const { placementsRepository } = harness.services;
    // Written past the outbox, as a change the index has not caught up with yet.
    await placementsRepository.collection.updateOne(
      { _id: new ObjectId(placements.kitchen) },
      { $set: { 'environment.noise': 'high' } },
    );
    try {
      const stale = await matchesOf(home.youngPersonId, home.coach.token);
      expect(stale.json.items.map((item: { placement: { id: string } }) => item.placement.id)).toContain(
        placements.kitchen,
      );
      const proposal = await call(harness.app, 'POST', '/v1/placement-matches', {
        token: home.coach.token,
        body: { youngPersonId: home.youngPersonId, placementId: placements.kitchen!, note: 'A kitchen near home.' },
      });
      expect(proposal.status).toBe(422);
      expect(proposal.error?.details).toEqual([expect.objectContaining({ path: 'hardLimits.environment' })]);
    } finally {
      await placementsRepository.collection.updateOne(
        { _id: new ObjectId(placements.kitchen) },
        { $set: { 'environment.noise': 'medium' } },
      );
    }
  });

  it('changes nothing', async () => {
    const before = await harness.services.youngPeopleRepository.byId(home.youngPersonId);
    await matchesOf(home.youngPersonId, home.coach.token);
    expect(await harness.services.youngPeopleRepository.byId(home.youngPersonId)).toEqual(before);
    expect(await harness.services.outbox.collection.countDocuments()).toBe(0);
  });

  it('answers the young person, a delegate who may view the profile, and job coaches of their provider', async () => {
    for (const token of [home.youngPerson.token, home.delegate.token, home.coach.token]) {
      expect((await matchesOf(home.youngPersonId, token)).status).toBe(200);
    }
  });

  it('refuses everyone else: 403 to provider admins and delegates without view_profile, 404 to other organisations, 401 without a token', async () => {
    const passportOnly = await makeAccount(harness, {
      role: 'delegate',
      providerId: home.providerId,
      actsFor: [{ youngPersonId: home.youngPersonId, rights: ['view_passport'] }],
    });
    expect((await matchesOf(home.youngPersonId, home.admin.token)).status).toBe(403);
    expect((await matchesOf(home.youngPersonId, passportOnly.token)).status).toBe(403);
    const otherCoach = await matchesOf(home.youngPersonId, other.coach.token);
    expect(otherCoach.status).toBe(404);
    expect(otherCoach.error?.code).toBe('not_found');
    expect((await matchesOf(home.youngPersonId, employer.staff.token)).status).toBe(404);
    expect((await matchesOf(new ObjectId().toHexString(), home.coach.token)).status).toBe(404);
    expect((await matchesOf(home.youngPersonId)).status).toBe(401);
  });

  it('reads the young person early only for a token whose signature holds, and gives a refused caller nothing of it', async () => {
    const matching = harness.services.matching;
    const started: string[] = [];
    const searchedFor: unknown[] = [];
    const startReads = matching.startReads.bind(matching);
    matching.startReads = (id, query) => {
      started.push(id);
      searchedFor.push(query);
      return startReads(id, query);
    };
    try {
      const [header, payload, signature] = home.coach.token.split('.');
      const forged = `${header}.${payload}.${signature!.slice(0, -4)}AAAA`;
      for (const token of [undefined, 'not-a-token-at-all', forged]) {
        expect((await matchesOf(home.youngPersonId, token)).status).toBe(401);
      }
      expect(started).toEqual([]);

      // A signed token of an account disabled since: the reads may start, the answer is a 401 with none of it.
      const coach = await makeAccount(harness, { role: 'job_coach', providerId: home.providerId });
      await harness.services.accounts.collection.updateOne(
        { _id: new ObjectId(coach.accountId) },
        { $set: { status: 'disabled' } },
      );
      const refused = await matchesOf(home.youngPersonId, coach.token);
      expect(refused.status).toBe(401);
      expect(refused.text).not.toContain(placements.kitchen!);
      expect(started).toEqual([home.youngPersonId]);

      // Started early or not, a match answers the same.
      const early = await matchesOf(home.youngPersonId, home.coach.token);
      const late = await harness.services.matching.matchesFor(
        (await harness.services.auth.authenticate(home.coach.token)).actor,
        home.youngPersonId,
        { limit: 20, offset: 0 },
      );
      expect(early.json).toEqual(JSON.parse(JSON.stringify(late)));

      // The pool is searched early for the query the route reads; one it refuses searches nothing.
      searchedFor.length = 0;
      const narrowed = await matchesOf(
        home.youngPersonId,
        home.coach.token,
        'radiusKm=3&sector=hospitality_catering&limit=5',
      );
      expect(narrowed.status).toBe(200);
      expect(searchedFor).toEqual([{ radiusKm: 3, sector: 'hospitality_catering', limit: 5, offset: 0 }]);
      const narrowedLate = await harness.services.matching.matchesFor(
        (await harness.services.auth.authenticate(home.coach.token)).actor,
        home.youngPersonId,
        { radiusKm: 3, sector: 'hospitality_catering', limit: 5, offset: 0 },
      );
      expect(narrowed.json).toEqual(JSON.parse(JSON.stringify(narrowedLate)));
      searchedFor.length = 0;
      const wrong = await matchesOf(home.youngPersonId, home.coach.token, 'radiusKm=far');
      expect(wrong.status).toBe(400);
      expect(searchedFor).toEqual([undefined]);
    } finally {
      matching.startReads = startReads;
    }
  });

  it('says which query parameter is wrong', async () => {
    for (const [query, path] of [
      ['?limit=0', 'limit'],
      ['?radiusKm=far', 'radiusKm'],
      ['?sector=space', 'sector'],
      ['?colour=blue', 'colour'],
    ] as const) {
      const response = await matchesOf(home.youngPersonId, home.coach.token, query);
      expect(response.status).toBe(400);
      expect(response.error?.code).toBe('validation_failed');
      expect(response.error?.details).toEqual([expect.objectContaining({ path, in: 'query' })]);
    }
  });
});

const candidatesOf = (placementId: string, token?: string) =>
  call(harness.app, 'GET', '/v1/placements/{placementId}/candidates', {
    path: { placementId },
    ...(token === undefined ? {} : { token }),
  });

describe('GET /v1/placements/{id}/candidates', () => {
  it('lists young people on the caller’s caseload whose limits the placement keeps, with names from the record', async () => {
    const response = await candidatesOf(placements.kitchen!, home.coach.token);
    expect(response.status).toBe(200);
    expect(response.json.placement).toMatchObject({ id: placements.kitchen, status: 'open', placesFree: 2 });
    expect(response.json.items.map((item: { youngPerson: { id: string } }) => item.youngPerson.id)).toEqual([
      home.youngPersonId,
    ]);
    expect(response.json.items[0]).toMatchObject({
      youngPerson: { id: home.youngPersonId, preferredName: 'Sam' },
      reasons: {
        interests: { sectors: ['hospitality_catering'] },
        adjustments: { met: ['instructions', 'colleague_support'] },
      },
    });
    expect(response.json.items[0]!.reasons.hardLimitsChecked).not.toContain('placement_open');
    expect(response.json.items.map((item: { youngPerson: { id: string } }) => item.youngPerson.id)).not.toContain(
      notSuitedId,
    );
  });

  it('shows each provider only its own caseload', async () => {
    const admin = await candidatesOf(placements.kitchen!, home.admin.token);
    expect(admin.status).toBe(200);
    expect(admin.json.items.map((item: { youngPerson: { id: string } }) => item.youngPerson.id)).toEqual([
      home.youngPersonId,
    ]);
    const elsewhere = await candidatesOf(placements.kitchen!, other.coach.token);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.json.items.map((item: { youngPerson: { id: string } }) => item.youngPerson.id)).toEqual([
      other.youngPersonId,
    ]);
  });

  it('leaves out young people whose limits the placement breaks', async () => {
    const response = await candidatesOf(placements.loud!, home.coach.token);
    expect(response.status).toBe(200);
    expect(response.json.items).toEqual([]);
  });

  it('looks no further than the widest travel limit, even in the corners of the box the search asks for', async () => {
    // Records which young people the service reads, to show the corners are dropped before the read.
    class RecordingProfiles extends MatchingProfilesReadModel {
      readonly read: string[] = [];
      override async byIds(ids: string[]) {
        this.read.push(...ids);
        return super.byIds(ids);
      }
    }
    const profiles = new RecordingProfiles({ youngPeople: harness.services.youngPeopleRepository });
    const app = createApp({
      ...harness.services.services,
      matching: new MatchingService({
        search: harness.services.search,
        profiles,
        placements: harness.services.placements,
        earlierProposals: new EarlierProposalsReadModel({ matches: harness.services.journeysRepository }),
        employerRecords: new AdjustmentFiguresReadModel({
          matches: harness.services.journeysRepository,
          adjustments: harness.services.adjustmentsRepository,
          clock: harness.services.clock,
        }),
      }),
    });
    const sam = await harness.services.youngPeopleRepository.byId(home.youngPersonId);
    const { lat, lng } = sam!.coordinates;
    const kmEast = 1 / (111.2 * Math.cos((lat * Math.PI) / 180));
    const site = (name: string, coordinates: { lat: number; lng: number }) =>
      post(name, {
        site: {
          address: { line1: '1 High St', town: 'Elsewhere', postcode: 'YO1 7DJ' },
          coordinates,
          stepFreeAccess: true,
        },
      });
    // 75 km south and 75 km west of Sam: inside the box around 102 km, but 106 km away.
    await site('candidateCorner', { lat: lat - 75 / 111.2, lng: lng - 75 * kmEast });
    // 60 km south: within 102 km, so Sam is read, but beyond Sam's own 12 km.
    await site('candidateSouth', { lat: lat - 60 / 111.2, lng });
    await harness.services.searchSync.drain();
    const candidates = async (placementId: string) => {
      const response = await callUntyped(app, 'GET', `/v1/placements/${placementId}/candidates`, {
        token: home.coach.token,
      });
      expect(response.status).toBe(200);
      return (response.json as { items: { youngPerson: { id: string } }[] }).items.map((item) => item.youngPerson.id);
    };
    try {
      expect(await candidates(placements.candidateCorner!)).toEqual([]);
      expect(profiles.read).not.toContain(home.youngPersonId);
      expect(await candidates(placements.candidateSouth!)).toEqual([]);
      expect(profiles.read).toContain(home.youngPersonId);
    } finally {
      for (const name of ['candidateCorner', 'candidateSouth']) {
        const closed = await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
          path: { placementId: placements[name]! },
          token: employer.staff.token,
          body: { status: 'closed' },
        });
        expect(closed.status).toBe(200);
      }
      await harness.services.searchSync.drain();
    }
  });

  it('is for provider staff only: employers, young people and delegates get 403', async () => {
    const stranger = await makeEmployer(harness, home.admin, { name: 'Another Employer' });
    for (const token of [employer.staff.token, stranger.staff.token, home.youngPerson.token, home.delegate.token]) {
      const response = await candidatesOf(placements.kitchen!, token);
      expect(response.status).toBe(403);
      expect(response.error?.code).toBe('forbidden');
    }
  });

  it('hides a placement that is not published (404) and needs a token (401)', async () => {
    expect((await candidatesOf(placements.draft!, home.coach.token)).status).toBe(404);
    expect((await candidatesOf(new ObjectId().toHexString(), home.coach.token)).status).toBe(404);
    expect((await candidatesOf(placements.kitchen!)).status).toBe(401);
  });
});

const browse = (query: string, token?: string) =>
  call(harness.app, 'GET', '/v1/placements', {
    rawQuery: query.replace(/^\?/, ''),
    ...(token === undefined ? {} : { token }),
  });

describe('GET /v1/placements', () => {
  it('shows open placements of verified employers to any signed-in caller, with facet counts', async () => {
    for (const token of [home.youngPerson.token, employer.staff.token, other.coach.token]) {
      const response = await browse('', token);
      expect(response.status).toBe(200);
      const ids = response.json.items.map((item: { id: string }) => item.id);
      expect(ids).toEqual(expect.arrayContaining([placements.kitchen, placements.shop, placements.york]));
      expect(ids).not.toContain(placements.draft);
      expect(ids).not.toContain(placements.unverified);
    }
    const { json } = await browse('', home.youngPerson.token);
    expect(json.total).toBe(6);
    expect(json.matching).toBe(6);
    expect(json.facets.sector).toEqual({ hospitality_catering: 5, retail: 1 });
    expect(json.facets.hoursBand).toEqual({ '16_to_20': 6 });
    expect(json.facets.adjustmentsOffered).toMatchObject({ instructions: 5, colleague_support: 5 });
    expect(json.facets.disabilityConfident).toEqual({ employer: 6 });
  });

  it('filters by sector, adjustments, hours band and Disability Confident level', async () => {
    const retail = await browse('?sector=retail', home.coach.token);
    expect(retail.json.items.map((item: { id: string }) => item.id)).toEqual([placements.shop]);
    expect(retail.json.facets.sector).toEqual({ retail: 1 });
    const both = await browse('?adjustments=instructions,colleague_support', home.coach.token);
    for (const item of both.json.items)
      expect(item.adjustmentsOffered).toEqual(expect.arrayContaining(['instructions', 'colleague_support']));
    expect(both.json.total).toBe(4);
    expect((await browse('?hoursBand=over_30', home.coach.token)).json.total).toBe(0);
    expect((await browse('?disabilityConfident=leader,committed', home.coach.token)).json.total).toBe(0);
  });

  it('searches words and sorts by distance from a point, within a radius', async () => {
    const words = await browse('?q=shelves', home.coach.token);
    expect(words.json.items.map((item: { id: string }) => item.id)).toEqual([placements.shop]);
    const near = await browse('?near=53.7997,-1.5492&radiusKm=5', home.coach.token);
    const ids = near.json.items.map((item: { id: string }) => item.id);
    expect(ids).not.toContain(placements.york);
    expect(ids).toHaveLength(5);
    const everywhere = await browse('?near=53.7997,-1.5492', home.coach.token);
    const distances = everywhere.json.items.map((item) => item.distanceKm);
    expect(distances).toEqual([...distances].sort((a, b) => a! - b!));
    expect(everywhere.json.items.at(-1)!.id).toBe(placements.york);
  });

  it('says which query parameter is wrong, and needs a token', async () => {
    for (const [query, path] of [
      ['?near=leeds', 'near'],
      ['?sector=retail,space', 'sector'],
      ['?adjustments=', 'adjustments'],
    ] as const) {
      const response = await browse(query, home.coach.token);
      expect(response.status, query).toBe(400);
      expect(response.error?.details, query).toEqual([expect.objectContaining({ path, in: 'query' })]);
    }
    // A rule the schema cannot state across two query parameters is a 422, described on the field.
    const outsideTheUk = await browse('?near=10,-1.5', home.coach.token);
    expect(outsideTheUk.status).toBe(422);
    expect(outsideTheUk.error?.details).toEqual([expect.objectContaining({ path: 'near', in: 'query' })]);
    const radiusAlone = await browse('?radiusKm=5', home.coach.token);
    expect(radiusAlone.status).toBe(422);
    expect(radiusAlone.error?.details).toEqual([expect.objectContaining({ path: 'radiusKm', in: 'query' })]);
    expect((await browse('')).status).toBe(401);
  });
});

describe('matching when Meilisearch is down', () => {
  it('answers 503 naming Meilisearch on all three endpoints', async () => {
    const { services } = harness;
    const deadSearch = createSearch(`http://127.0.0.1:${await freePort()}`, 'key', services.search.prefix, 500);
    const app = createApp({
      ...services.services,
      matching: new MatchingService({
        search: deadSearch,
        profiles: new MatchingProfilesReadModel({ youngPeople: services.youngPeopleRepository }),
        placements: services.placements,
        earlierProposals: new EarlierProposalsReadModel({ matches: services.journeysRepository }),
        employerRecords: new AdjustmentFiguresReadModel({
          matches: services.journeysRepository,
          adjustments: services.adjustmentsRepository,
          clock: services.clock,
        }),
      }),
    });
    for (const path of [
      `/v1/young-people/${home.youngPersonId}/matches`,
      `/v1/placements/${placements.kitchen}/candidates`,
      '/v1/placements',
    ]) {
      const response = await callUntyped(app, 'GET', path, { token: home.coach.token });
      expect(response.status, path).toBe(503);
      expect(response.error).toMatchObject({
        code: 'dependency_unavailable',
        details: { dependency: 'meilisearch' },
      });
      expect(response.headers.get('retry-after')).toBe('5');
    }
  });
});

describe('placements proposed before', () => {
  it('are tagged with what happened, sorted last, and proposed again only with confirmRepeat', async () => {
    const kim = await addYoungPersonWithAccount(harness, home.coach, home.providerId, 'Kim');
    const before = await matchesOf(kim.id, home.coach.token);
    const bestFirst = before.json.items.map((item: { placement: { id: string } }) => item.placement.id);
    expect(bestFirst).toHaveLength(2);
    expect(before.json.items.every((item: object) => !('earlierProposal' in item))).toBe(true);
    const [best, next] = bestFirst as [string, string];
    const proposed = await propose(harness, home.coach, kim.id, best);
    expect(proposed.status, proposed.text).toBe(201);
    expect(
      (await step(harness, kim.account, proposed.json.id, 'decline', { reason: 'The kitchen is too hot' })).status,
    ).toBe(200);

    const after = await matchesOf(kim.id, home.coach.token);
    expect(after.json.items.map((item: { placement: { id: string } }) => item.placement.id)).toEqual([next, best]);
    expect(after.json.items[1]?.earlierProposal).toEqual({
      matchId: proposed.json.id,
      state: 'declined_by_young_person',
      underWay: false,
      at: expect.any(String),
      reason: 'The kitchen is too hot',
    });

    const again = await propose(harness, home.coach, kim.id, best);
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain('confirmRepeat');
    expect(again.error?.details).toMatchObject({
      earlierProposal: { matchId: proposed.json.id, state: 'declined_by_young_person' },
    });
    const confirmed = await call(harness.app, 'POST', '/v1/placement-matches', {
      token: home.coach.token,
      body: { youngPersonId: kim.id, placementId: best, note: 'A cooler kitchen now.', confirmRepeat: true },
    });
    expect(confirmed.status, confirmed.text).toBe(201);
    const underWay = await matchesOf(kim.id, home.coach.token);
    expect(underWay.json.items[1]?.earlierProposal).toMatchObject({
      matchId: confirmed.json.id,
      state: 'proposed',
      underWay: true,
    });
  });
});
