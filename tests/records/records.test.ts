import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '../../src/young-people/young-people.service.js';
import { call, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';
import {
  type EmployerWorld,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
  profileInput,
} from '../helpers/world.js';

let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
});
afterAll(() => harness.close());

/** Sends any body: most of these tests are of what the API refuses. */
const create = (body: unknown, token = world.coach.token) =>
  call(harness.app, 'POST', '/v1/young-people', { token, untypedBody: body });
const paths = (response: Parameters<typeof fieldProblems>[0]) =>
  fieldProblems(response)
    .map((d) => d.path)
    .sort();

describe('young people', () => {
  it('are created on the coach’s caseload, placed on the map from the postcode, and assigned to the coach', async () => {
    const response = await create(profileInput({ homePostcode: ' ls6 2ab ' }));
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      providerId: world.providerId,
      jobCoachId: world.coach.accountId,
      homePostcode: 'LS6 2AB',
      locationSource: 'sector',
      ageAtPlannedStart: 18,
      status: 'active',
      hasAccount: false,
    });
    expect(response.json.coordinates.lat).toBeCloseTo(53.82, 1);
    expect(response.json.coordinates.lng).toBeCloseTo(-1.57, 1);
  });

  it('accept explicit coordinates instead of the postcode centroid', async () => {
    const response = await create(profileInput({ coordinates: { lat: 53.8, lng: -1.55 } }));
    expect(response.json).toMatchObject({ coordinates: { lat: 53.8, lng: -1.55 }, locationSource: 'given' });
  });

  it('refuse an age outside 16 to 24 at the planned start with a clear 422', async () => {
    const tooOld = await create(profileInput({ dateOfBirth: '2000-01-01' }));
    expect(tooOld.status).toBe(422);
    expect(fieldProblems(tooOld)[0]).toMatchObject({
      path: 'dateOfBirth',
      message: expect.stringContaining('age of 26'),
    });
    const tooYoung = await create(profileInput({ dateOfBirth: '2011-01-01' }));
    expect(tooYoung.status).toBe(422);
  });

  it('accept an age exception only from a provider admin, with a reason', async () => {
    const body = profileInput({
      dateOfBirth: '2001-05-01',
      eligibilityExceptionReason: 'Agreed by the local authority panel',
    });
    expect((await create(body)).status).toBe(403);
    const response = await create(body, world.admin.token);
    expect(response.status).toBe(201);
    expect(response.json.eligibilityException!.reason).toBe('Agreed by the local authority panel');
  });

  it('refuse a young person with no EHC plan unless a provider admin records an exception, and count exceptions on the dashboard', async () => {
    const noPlan = await create(profileInput({ ehcPlan: 'none' }));
    expect(noPlan.status).toBe(422);
    expect(paths(noPlan)).toEqual(['ehcPlan']);
    const before = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.admin.token });
    const admitted = await create(
      profileInput({
        ehcPlan: 'none',
        eligibilityExceptionReason: 'On SEN support; the local authority pilot admits them',
      }),
      world.admin.token,
    );
    expect(admitted.status, admitted.text).toBe(201);
    const after = await call(harness.app, 'GET', '/v1/dashboards/provider', { token: world.admin.token });
    expect(after.json.eligibilityExceptions.withoutEhcPlan).toBe(before.json.eligibilityExceptions.withoutEhcPlan + 1);
    const changed = await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
      body: { ehcPlan: 'none' },
    });
    expect(changed.status).toBe(422);
    expect(paths(changed)).toEqual(['ehcPlan']);
  });

  it('refuse an unknown postcode with 422, and a malformed one with 400', async () => {
    const unknown = await create(profileInput({ homePostcode: 'ZE9 9ZZ' }));
    expect(unknown.status).toBe(422);
    expect(paths(unknown)).toEqual(['homePostcode']);
    const malformed = await create(profileInput({ homePostcode: 'not a postcode' }));
    expect(malformed.status).toBe(400);
    expect(paths(malformed)).toEqual(['homePostcode']);
  });

  it('name every field that is wrong, including nested ones and unknown fields', async () => {
    const response = await create({
      ...profileInput(),
      availability: { days: ['monday'], earliestStart: '15:00', latestFinish: '09:00', maxHoursPerWeek: 90 },
      travel: { independence: 'alone', modes: [], maxJourneyMinutes: 45, maxDistanceKm: 12 },
      interests: ['astronaut'],
      favouriteColour: 'blue',
    });
    expect(response.status).toBe(400);
    expect(paths(response)).toEqual([
      'availability.days.0',
      'availability.maxHoursPerWeek',
      'favouriteColour',
      'interests.0',
      'travel.independence',
      'travel.modes',
    ]);
  });

  it('never let a query operator reach the database', async () => {
    const injected = await create({ ...profileInput(), preferredName: { $gt: '' }, homePostcode: { $ne: null } });
    expect(injected.status).toBe(400);
    expect(paths(injected)).toEqual(['homePostcode', 'preferredName']);
    const list = await call(harness.app, 'GET', '/v1/young-people', {
      rawQuery: 'status[$ne]=withdrawn&q[$regex]=.*',
      token: world.coach.token,
    });
    expect(list.status).toBe(400);
    const search = await call(harness.app, 'GET', '/v1/young-people', {
      query: { q: encodeURIComponent('.*') },
      token: world.coach.token,
    });
    expect(search.status).toBe(200);
    expect(search.json.items).toEqual([]);
  });

  it('cap the size of every list and string', async () => {
    const response = await create(
      profileInput({ strengths: Array.from({ length: 21 }, (_, i) => `strength ${i}`), preferredName: 'x'.repeat(81) }),
    );
    expect(response.status).toBe(400);
    expect(paths(response)).toEqual(['preferredName', 'strengths']);
  });

  it('keep fields that a patch leaves out', async () => {
    const before = await call(harness.app, 'GET', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: world.youngPersonId },
      token: world.coach.token,
    });
    const patched = await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: world.youngPersonId },
      token: world.youngPerson.token,
      body: { skills: ['till work'] },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.skills).toEqual(['till work']);
    expect(patched.json.conditionsForSuccess).toEqual(before.json.conditionsForSuccess);
    expect(patched.json.interests).toEqual(before.json.interests);
  });

  it('refuse a job coach from another provider as the assigned coach', async () => {
    const other = await makeProvider(harness, 'Elsewhere');
    const response = await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: world.youngPersonId },
      token: world.admin.token,
      body: { jobCoachId: other.coach.accountId },
    });
    expect(response.status).toBe(422);
    expect(paths(response)).toEqual(['jobCoachId']);
  });

  it('compute age in whole years on the planned start date', () => {
    expect(ageOn('2008-09-07', '2026-09-07')).toBe(18);
    expect(ageOn('2008-09-08', '2026-09-07')).toBe(17);
    expect(ageOn('2002-02-29', '2026-02-28')).toBe(23);
  });
});

describe('employers', () => {
  it('keep contacts and Disability Confident level when a patch changes something else', async () => {
    const patched = await call(harness.app, 'PATCH', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: { description: 'Hosts two interns a year.' },
    });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ description: 'Hosts two interns a year.', disabilityConfident: 'employer' });
    expect(patched.json.contacts).toHaveLength(1);
  });

  it('move on the map when the postcode changes', async () => {
    const patched = await call(harness.app, 'PATCH', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: { address: { line1: '2 Deansgate', town: 'Manchester', postcode: 'M3 2BW' } },
    });
    expect(patched.json.coordinates.lat).toBeCloseTo(53.48, 1);
  });

  it('record every change in the audit log', async () => {
    const entries = await harness.services.audit.find({ action: 'employer.update', targetId: employer.employerId });
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries[0]?.details).toEqual({ fields: ['address'] });
  });
});

describe('placements', () => {
  it('are created with an environment profile, adjustments offered and free places', async () => {
    const response = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput(),
    });
    expect(response.status).toBe(201);
    expect(response.json).toMatchObject({
      status: 'open',
      places: 2,
      placesFilled: 0,
      placesFree: 2,
      employer: { name: 'Northern Kitchens Ltd', verified: true },
    });
    expect(response.json.environment.noise).toBe('medium');
  });

  it('need every environment factor rated, and times in order', async () => {
    const environment = { ...placementInput().environment, noise: 'deafening' } as Record<string, string>;
    delete environment.pace;
    const response = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      untypedBody: {
        ...placementInput({ schedule: { days: ['mon'], startTime: '15:00', endTime: '09:00', hoursPerWeek: 6 } }),
        environment,
      },
    });
    expect(response.status).toBe(400);
    expect(paths(response)).toEqual(['environment.noise', 'environment.pace', 'schedule.endTime']);
  });

  it('cannot have fewer places than interns already placed', async () => {
    const created = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput(),
    });
    await harness.services.placementsRepository.collection.updateOne(
      { _id: new (await import('mongodb')).ObjectId(created.json.id) },
      { $set: { placesFilled: 2 } },
    );
    const response = await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
      path: { placementId: created.json.id },
      token: employer.staff.token,
      body: { places: 1 },
    });
    expect(response.status).toBe(422);
    expect(paths(response)).toEqual(['places']);
  });

  it('keep their schedule when a patch changes only the title', async () => {
    const created = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput(),
    });
    const patched = await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
      path: { placementId: created.json.id },
      token: employer.staff.token,
      body: { title: 'Kitchen porter' },
    });
    expect(patched.json).toMatchObject({
      title: 'Kitchen porter',
      schedule: created.json.schedule,
      rotations: created.json.rotations,
      site: created.json.site,
    });
  });
});

describe('storage rules', () => {
  it('reject a document that breaks a collection validator even if the application tried to write it', async () => {
    await expect(
      harness.services.db.collection('young_people').insertOne({ preferredName: 'No provider' }),
    ).rejects.toThrow(/validation/i);
    await expect(
      harness.services.db.collection('placements').updateOne({}, { $set: { placesFilled: -1 } }),
    ).rejects.toThrow(/validation/i);
  });

  it('keep emails unique', async () => {
    await expect(
      harness.services.accounts.insert({ email: world.coach.email, name: 'Twin', role: 'job_coach', status: 'active' }),
    ).rejects.toThrow(/duplicate key/);
  });
});
