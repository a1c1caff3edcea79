import http from 'node:http';
import { MeilisearchApiError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearch, isSearchUnavailable, searchIndex } from '../../src/core/search/meili.js';
import { freePort } from '../../src/embedded/process.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { makeEmployer, makeProvider, placementInput } from '../helpers/world.js';

let harness: Harness;

beforeAll(async () => {
  harness = await createHarness();
  const provider = await makeProvider(harness);
  const employer = await makeEmployer(harness, provider.admin);
  for (const title of ['Kitchen assistant', 'Shop floor assistant', 'Ward helper']) {
    const response = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput({ title }),
    });
    expect(response.status).toBe(201);
  }
  await harness.services.searchSync.drain();
});
afterAll(() => harness.close());

const uid = () => harness.services.search.indexUid('placements');

describe('searchIndex: one search over kept-alive node:http', () => {
  it('answers as the client does', async () => {
    const params = {
      q: 'assistant',
      filter: ['status = "open"'],
      sort: ['_geoPoint(53.8, -1.55):asc'],
      attributesToRetrieve: ['id', 'title', '_geo'],
      limit: 2,
    };
    const { client } = harness.services.search;
    const ours = await searchIndex(client, uid(), params);
    const theirs = await client.index(uid()).search(params.q, params);
    expect(ours.hits).toEqual(theirs.hits);
    expect(ours.hits).toHaveLength(2);
    expect(ours.estimatedTotalHits).toBe(theirs.estimatedTotalHits);
  });

  it('throws the client’s API error for a bad request, which is not an outage', async () => {
    const error = await searchIndex(harness.services.search.client, uid(), { filter: ['nosuchfield = 1'] }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MeilisearchApiError);
    expect((error as MeilisearchApiError).response.status).toBe(400);
    expect((error as MeilisearchApiError).cause).toMatchObject({ code: 'invalid_search_filter' });
    expect(isSearchUnavailable(error)).toBe(false);
  });

  it('counts a refused connection and a timeout as Meilisearch unavailable', async () => {
    const refused = createSearch(`http://127.0.0.1:${await freePort()}`, 'key', 'x_', 500);
    expect(isSearchUnavailable(await searchIndex(refused.client, 'x_placements', {}).catch((e: unknown) => e))).toBe(
      true,
    );
    const silent = http.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const address = silent.address() as { port: number };
      const slow = createSearch(`http://127.0.0.1:${address.port}`, 'key', 'x_', 200);
      const started = performance.now();
      const error = await searchIndex(slow.client, 'x_placements', {}).catch((e: unknown) => e);
      expect(isSearchUnavailable(error)).toBe(true);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
