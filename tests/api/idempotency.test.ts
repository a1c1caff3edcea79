import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, callUntyped, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';
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
afterAll(async () => harness?.close());

function postPlacement(title: string, key?: string) {
  return call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
    path: { employerId: employer.employerId },
    token: employer.staff.token,
    ...(key === undefined ? {} : { headers: { 'Idempotency-Key': key } }),
    body: placementInput({ title }),
  });
}

const count = (title: string) => harness.services.db.collection('placements').countDocuments({ title });

describe('Idempotency-Key on a POST', () => {
  it('carries out the first request and refuses a repeat with 409, making one record', async () => {
    const first = await postPlacement('Kitchen porter', 'key-kitchen-porter-1');
    expect(first.status, first.text).toBe(201);
    const repeat = await postPlacement('Kitchen porter', 'key-kitchen-porter-1');
    expect(repeat.status, repeat.text).toBe(409);
    expect(repeat.error?.message).toContain('already saved');
    expect(await count('Kitchen porter')).toBe(1);
  });

  it('keeps keys apart per caller and per request: another key, or no key, makes another record', async () => {
    expect((await postPlacement('Barista', 'key-barista-1')).status).toBe(201);
    expect((await postPlacement('Barista', 'key-barista-2')).status).toBe(201);
    expect((await postPlacement('Barista')).status).toBe(201);
    expect(await count('Barista')).toBe(3);
    const otherCaller = await call(harness.app, 'POST', '/v1/young-people', {
      token: world.coach.token,
      headers: { 'Idempotency-Key': 'key-barista-1' },
      body: profileInput({ preferredName: 'Kai' }),
    });
    expect(otherCaller.status, otherCaller.text).toBe(201);
  });

  it('lets a request that was refused run again with the same key, since nothing was saved', async () => {
    const refused = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      headers: { 'Idempotency-Key': 'key-refused-then-fixed' },
      untypedBody: { ...placementInput({ title: 'Gardener' }), hoursPerWeek: -1 },
    });
    expect(refused.status).toBe(400);
    expect((await postPlacement('Gardener', 'key-refused-then-fixed')).status).toBe(201);
    expect(await count('Gardener')).toBe(1);
  });

  it('answers 400 naming the header when the key is not 1 to 200 visible characters', async () => {
    for (const key of ['', 'has space', 'x'.repeat(201)]) {
      const response = await postPlacement('Cleaner', key);
      expect(response.status, key).toBe(400);
      expect(fieldProblems(response)[0]).toMatchObject({ path: 'Idempotency-Key', in: 'header' });
    }
    expect(await count('Cleaner')).toBe(0);
  });

  it('documents the header and the 409 on every signed-in POST', async () => {
    const document = (await callUntyped(harness.app, 'GET', '/openapi.json')).json as {
      paths: Record<
        string,
        Record<string, { security?: unknown[]; parameters?: { name: string }[]; responses: object }>
      >;
    };
    const missing = Object.entries(document.paths).flatMap(([path, operations]) => {
      const post = operations.post;
      if (!post?.security?.length) return [];
      const documented = post.parameters?.some((p) => p.name === 'Idempotency-Key') && '409' in post.responses;
      return documented ? [] : [path];
    });
    expect(missing).toEqual([]);
  });
});
