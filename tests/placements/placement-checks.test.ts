import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, fieldProblems, type Harness, type RequestBody } from '../helpers/harness.js';
import {
  type EmployerWorld,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
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

const create = (body: RequestBody<'post', '/v1/employers/{employerId}/placements'>, by: EmployerWorld = employer) =>
  call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
    path: { employerId: by.employerId },
    token: by.staff.token,
    body,
  });
const patch = (id: string, body: RequestBody<'patch', '/v1/placements/{placementId}'>, by: EmployerWorld = employer) =>
  call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
    path: { placementId: id },
    token: by.staff.token,
    body,
  });
const paths = (response: Parameters<typeof fieldProblems>[0]) =>
  fieldProblems(response)
    .map((d) => d.path)
    .sort();

describe('a placement that cannot be true is refused with 422', () => {
  it('refuses a start date in the past, more hours than its days and times hold, and rotations longer than the placement', async () => {
    const response = await create(
      placementInput({
        startDate: '2020-01-01',
        schedule: { days: ['mon', 'tue'], startTime: '09:00', endTime: '12:00', hoursPerWeek: 30 },
        durationWeeks: 36,
        rotations: [
          { department: 'Kitchen', tasks: [], weeks: 32 },
          { department: 'Stores', tasks: [], weeks: 32 },
        ],
      }),
    );
    expect(response.status).toBe(422);
    expect(paths(response)).toEqual(['rotations', 'schedule.hoursPerWeek', 'startDate']);
    const messages = Object.fromEntries(
      fieldProblems(response).map((d: { path: string; message: string }) => [d.path, d.message]),
    );
    expect(messages['schedule.hoursPerWeek']).toBe('is 30, but 2 days a week from 09:00 to 12:00 hold at most 6 hours');
    expect(messages.rotations).toBe("add up to 64 weeks, more than the placement's 36 weeks");
    expect(await harness.services.db.collection('placements').countDocuments({ startDate: '2020-01-01' })).toBe(0);
  });

  it('refuses to open a draft that cannot be true, and a patch that would make an open one impossible', async () => {
    const draft = await create(placementInput({ status: 'draft' }));
    expect(draft.status).toBe(201);
    await harness.services.placementsRepository.collection.updateOne(
      { _id: new ObjectId(draft.json.id) },
      { $set: { startDate: '2020-01-01' } },
    );
    const opened = await patch(draft.json.id, { status: 'open' });
    expect(opened.status).toBe(422);
    expect(paths(opened)).toEqual(['startDate']);

    const open = await create(placementInput());
    const squeezed = await patch(open.json.id, {
      schedule: { days: ['mon'], startTime: '09:30', endTime: '14:30', hoursPerWeek: 20 },
    });
    expect(squeezed.status).toBe(422);
    expect(paths(squeezed)).toEqual(['schedule.hoursPerWeek']);
    const shortened = await patch(open.json.id, { durationWeeks: 8 });
    expect(shortened.status).toBe(422);
    expect(paths(shortened)).toEqual(['rotations']);
    const unchanged = await call(harness.app, 'GET', '/v1/placements/{placementId}', {
      path: { placementId: open.json.id },
      token: employer.staff.token,
    });
    expect(unchanged.json).toMatchObject({ durationWeeks: 36, schedule: open.json.schedule });
  });

  it('gives one precise error for a start time like "9:30", and none about the end time', async () => {
    const response = await create(
      placementInput({ schedule: { days: ['mon'], startTime: '9:30', endTime: '14:30', hoursPerWeek: 5 } }),
    );
    expect(response.status).toBe(400);
    expect(response.error?.details).toEqual([
      { path: 'schedule.startTime', in: 'body', message: 'must be a time like 09:30' },
    ]);
  });
});

describe('a full placement', () => {
  it('cannot be opened without a free place, and is not browsable while full', async () => {
    const created = await create(placementInput({ title: 'Full house porter', places: 1 }));
    const id = created.json.id as string;
    await harness.services.placementsRepository.collection.updateOne(
      { _id: new ObjectId(id) },
      { $set: { placesFilled: 1, status: 'filled' } },
    );
    const reopened = await patch(id, { status: 'open' });
    expect(reopened.status).toBe(422);
    expect(reopened.error?.details).toEqual([
      { path: 'status', in: 'body', message: 'cannot be open: all 1 place is filled' },
    ]);

    const more = await patch(id, { status: 'open', places: 2 });
    expect(more.status, more.text).toBe(200);
    expect(more.json).toMatchObject({ status: 'open', placesFree: 1 });

    // A full placement left open by older data is still not listed as open by browse.
    await harness.services.placementsRepository.collection.updateOne(
      { _id: new ObjectId(id) },
      { $set: { placesFilled: 2 } },
    );
    await harness.services.outbox.enqueue('placement', id);
    await harness.services.searchSync.drain();
    const browse = await call(harness.app, 'GET', '/v1/placements', {
      query: { q: 'porter' },
      token: world.coach.token,
    });
    expect(browse.status).toBe(200);
    expect(browse.json.items.map((item: { id: string }) => item.id)).not.toContain(id);
  });
});

describe('withdrawing an employer’s verification', () => {
  it('pauses its open placements with a reason, and leaves them paused when verification returns', async () => {
    const lapsing = await makeEmployer(harness, world.admin, { name: 'Lapsing Ltd' });
    const open = await create(placementInput({ title: 'Stores assistant' }), lapsing);
    const draft = await create(placementInput({ title: 'Stores draft', status: 'draft' }), lapsing);
    const withdrawn = await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId: lapsing.employerId },
      token: world.admin.token,
      body: { verified: false },
    });
    expect(withdrawn.status).toBe(200);

    const paused = await call(harness.app, 'GET', '/v1/placements/{placementId}', {
      path: { placementId: open.json.id },
      token: lapsing.staff.token,
    });
    expect(paused.json.status).toBe('paused');
    expect(paused.json.statusReason).toMatch(
      /^Paused on \d{4}-\d{2}-\d{2} because a provider withdrew the employer's verification/,
    );
    expect(
      (
        await call(harness.app, 'GET', '/v1/placements/{placementId}', {
          path: { placementId: draft.json.id },
          token: lapsing.staff.token,
        })
      ).json,
    ).toMatchObject({ status: 'draft' });
    const audit = await harness.services.db
      .collection('audit_events')
      .findOne({ action: 'employer.unverify', 'target.id': lapsing.employerId });
    expect(audit?.details.pausedPlacements).toEqual([open.json.id]);

    await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId: lapsing.employerId },
      token: world.admin.token,
      body: { verified: true },
    });
    const stillPaused = await call(harness.app, 'GET', '/v1/placements/{placementId}', {
      path: { placementId: open.json.id },
      token: lapsing.staff.token,
    });
    expect(stillPaused.json.status).toBe('paused');

    const reopened = await patch(open.json.id, { status: 'open' }, lapsing);
    expect(reopened.status, reopened.text).toBe(200);
    expect(reopened.json.status).toBe('open');
    expect(reopened.json.statusReason).toBeUndefined();
  });
});
