import http from 'node:http';
import { MeilisearchApiError } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSearch, isSearchUnavailable, searchIndex, searchIndexes } from '../../src/core/search/meili.js';
import { freePort } from '../../src/embedded/process.js';
import { CrowdedPools, type SearchQuery, searchPlacementPool } from '../../src/matching/placement-pool.js';
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

describe('searchIndexes: several searches in one request', () => {
  it('answers each as searchIndex does, in the order sent, and fails as it does', async () => {
    const { client } = harness.services.search;
    const first = { q: 'kitchen', attributesToRetrieve: ['id', 'title'], limit: 2 };
    const second = { q: '', filter: ['status = "open"'], attributesToRetrieve: ['id'], limit: 3 };
    const [a, b] = await searchIndexes(client, [
      { indexUid: uid(), ...first },
      { indexUid: uid(), ...second },
    ]);
    expect(a?.hits).toEqual((await searchIndex(client, uid(), first)).hits);
    expect(b?.hits).toEqual((await searchIndex(client, uid(), second)).hits);
    const error = await searchIndexes(client, [{ indexUid: uid(), filter: ['nosuchfield = 1'] }]).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(MeilisearchApiError);
    expect(isSearchUnavailable(error)).toBe(false);
  });
});

describe('searchPlacementPool: a crowded pool’s searches go together next time', () => {
  it('sends them in one request once the first search needed the next, with the same hits', async () => {
    // A proxy in front of Meilisearch that counts the requests of each kind.
    const sent: string[] = [];
    const { host, apiKey } = harness.services.search.client.config;
    const proxy = http.createServer((request, response) => {
      sent.push(request.url ?? '');
      const onward = http.request(new URL(request.url ?? '/', host), {
        method: request.method,
        headers: request.headers,
      });
      onward.on('response', (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      });
      request.pipe(onward);
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = proxy.address() as { port: number };
      const { client } = createSearch(`http://127.0.0.1:${port}`, apiKey, '', 5_000);
      const common = { indexUid: uid(), filter: ['status = "open"'], attributesToRetrieve: ['id', '_geo'] };
      // Three placements fit; the first search brings back one, so the second is needed.
      const crowdedSearches: SearchQuery[] = [
        { ...common, q: '', limit: 1, sort: ['_geoPoint(53.8, -1.55):asc'], nearestFirst: true },
        { ...common, q: '', limit: 3 },
      ];
      const crowded = new CrowdedPools();
      const ids = async (searches: SearchQuery[]) =>
        (await searchPlacementPool(client, searches, crowded)).map((hit) => hit.id).sort();
      const alone = await ids(crowdedSearches);
      expect(alone).toHaveLength(3);
      expect(sent.filter((url) => url.endsWith('/search'))).toHaveLength(2);
      sent.length = 0;
      expect(await ids(crowdedSearches)).toEqual(alone);
      expect(sent).toEqual(['/multi-search']);
      // Once the first search holds every placement that fits, the next is sent alone again.
      sent.length = 0;
      const roomy = crowdedSearches.map((search) => ({ ...search, limit: 10 }));
      await ids(roomy);
      await ids(roomy);
      expect(sent).toEqual(['/multi-search', `/indexes/${uid()}/search`]);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
