import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { type EmployerWorld, makeEmployer, makeProvider, type Person, type ProviderWorld } from '../helpers/world.js';

let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
let getPaths: string[];

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  const document = (await callUntyped(harness.app, 'GET', '/openapi.json')).json as {
    paths: Record<string, Record<string, unknown>>;
  };
  getPaths = Object.entries(document.paths)
    .filter(([path, operations]) => path.startsWith('/v1/') && 'get' in operations)
    .map(([path]) => path);
});
afterAll(async () => harness?.close());

/** A documented path with its parameters filled: the world's young person where one is named, else an unknown id. */
function concrete(path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'youngPersonId' ? world.youngPersonId : new ObjectId().toHexString(),
  );
}

describe('no copy of an API answer is kept by a browser or proxy', () => {
  it.each([
    ['provider', '/v1/dashboards/provider?format=csv', () => world.admin],
    ['employer', '/v1/dashboards/employer?format=csv', () => employer.staff],
  ])('the %s dashboard as CSV says no-store', async (_, url, who: () => Person) => {
    const response = await callUntyped(harness.app, 'GET', url, { token: who().token });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('every documented GET under /v1 says no-store, to its owner, to staff, to a stranger and to nobody', async () => {
    expect(getPaths.length).toBeGreaterThan(20);
    const callers: (Person | undefined)[] = [world.youngPerson, world.coach, employer.staff, undefined];
    const cacheable: string[] = [];
    for (const path of getPaths)
      for (const caller of callers) {
        const response = await callUntyped(harness.app, 'GET', concrete(path), caller ? { token: caller.token } : {});
        if (response.headers.get('cache-control') !== 'no-store') cacheable.push(`${path} ${response.status}`);
      }
    expect(cacheable).toEqual([]);
  });

  it('a write and a refused write say no-store too', async () => {
    const refused = await callUntyped(harness.app, 'POST', '/v1/young-people', { token: world.coach.token, body: {} });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});
