import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MeilisearchApiError } from 'meilisearch';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { ManualClock } from '../../src/core/clock.js';
import { Lease } from '../../src/core/lease.js';
import { applyIndexConfigs, createSearch, loadIndexConfigs, type Search } from '../../src/core/search/meili.js';
import { startMeilisearch } from '../../src/embedded/meilisearch.js';
import { freePort } from '../../src/embedded/process.js';
import { toPlacement } from '../../src/placements/placements.repository.js';
import { candidateSearchDoc, isSearchablePlacement } from '../../src/search-sync/documents.js';
import { SearchIndexer } from '../../src/search-sync/indexer.js';
import { SearchOutbox } from '../../src/search-sync/outbox.js';
import { compareIndex, fingerprint, reconcileIndexes } from '../../src/search-sync/reconcile.js';
import { rebuildIndexes, rebuildSuffix } from '../../src/search-sync/reindex.js';
import { backoffMs, SearchSyncWorker } from '../../src/search-sync/worker.js';
import { createServices, type System } from '../../src/services.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
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
  await harness.services.searchSync.drain();
});
afterAll(() => harness.close());

const index = (search: Search, name: 'placements' | 'candidates') => search.client.index(search.indexUid(name));

/** The document with this id, or undefined when the index does not hold it. */
async function documentIn(
  search: Search,
  name: 'placements' | 'candidates',
  id: string,
): Promise<Record<string, any> | undefined> {
  try {
    return await index(search, name).getDocument(id);
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === 'document_not_found') return undefined;
    throw error;
  }
}

async function postPlacement(app = harness.app, token = employer.staff.token, overrides: Record<string, unknown> = {}) {
  const response = await call(app, 'POST', '/v1/employers/{employerId}/placements', {
    path: { employerId: employer.employerId },
    token,
    body: placementInput(overrides),
  });
  expect(response.status).toBe(201);
  return response.json.id as string;
}

describe('search sync: every write reaches the index after drain()', () => {
  it('creates, updates and deletes a placement document', async () => {
    const { services } = harness;
    const id = await postPlacement();
    expect(await documentIn(services.search, 'placements', id)).toBeUndefined();
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'placements', id)).toMatchObject({
      id,
      title: 'Kitchen assistant',
      status: 'open',
      employerVerified: true,
    });

    const patched = await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
      path: { placementId: id },
      token: employer.staff.token,
      body: { title: 'Cafe assistant', environment: { ...placementInput().environment, noise: 'high' } },
    });
    expect(patched.status).toBe(200);
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'placements', id)).toMatchObject({
      title: 'Cafe assistant',
      environment: { noise: 3 },
    });

    await services.placementsRepository.collection.deleteOne({ _id: new ObjectId(id) });
    await services.outbox.enqueue('placement', id);
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'placements', id)).toBeUndefined();
    expect(await services.outbox.collection.countDocuments()).toBe(0);
  });

  it('re-syncs every placement of an employer when it is renamed or loses its verification', async () => {
    const { services } = harness;
    const ids = [await postPlacement(), await postPlacement()];
    await services.searchSync.drain();
    const renamed = await call(harness.app, 'PATCH', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: { name: 'Leeds Kitchens Co-op' },
    });
    expect(renamed.status).toBe(200);
    await services.searchSync.drain();
    for (const id of ids)
      expect(await documentIn(services.search, 'placements', id)).toMatchObject({
        employerName: 'Leeds Kitchens Co-op',
      });

    const withdrawn = await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId: employer.employerId },
      token: world.admin.token,
      body: { verified: false },
    });
    expect(withdrawn.status).toBe(200);
    await services.searchSync.drain();
    // A placement of an employer that is not verified can be neither matched nor browsed: out of the index.
    for (const id of ids) expect(await documentIn(services.search, 'placements', id)).toBeUndefined();
    await call(harness.app, 'PUT', '/v1/employers/{employerId}/verification', {
      path: { employerId: employer.employerId },
      token: world.admin.token,
      body: { verified: true },
    });
    await services.searchSync.drain();
    for (const id of ids)
      expect(await documentIn(services.search, 'placements', id)).toMatchObject({ employerVerified: true });
  });

  it('indexes only placements that can still be matched or browsed: not drafts, closed or ended ones', async () => {
    const { services } = harness;
    const draft = await postPlacement(harness.app, employer.staff.token, { status: 'draft' });
    const open = await postPlacement();
    const ended = await postPlacement();
    await services.placementsRepository.collection.updateOne(
      { _id: new ObjectId(ended) },
      { $set: { startDate: '2024-09-02', durationWeeks: 36 } },
    );
    await services.outbox.enqueue('placement', [ended]);
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'placements', draft)).toBeUndefined();
    expect(await documentIn(services.search, 'placements', ended)).toBeUndefined();
    expect(await documentIn(services.search, 'placements', open)).toMatchObject({ id: open, status: 'open' });

    const closed = await services.placementsRepository.collection.updateOne(
      { _id: new ObjectId(open) },
      { $set: { status: 'closed' } },
    );
    expect(closed.modifiedCount).toBe(1);
    await services.outbox.enqueue('placement', [open]);
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'placements', open)).toBeUndefined();
  });

  it('updates a young person’s candidate document and removes it when they are erased', async () => {
    const { services } = harness;
    const created = await call(harness.app, 'POST', '/v1/young-people', {
      token: world.coach.token,
      body: profileInput({ preferredName: 'Alex' }),
    });
    const id = created.json.id as string;
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'candidates', id)).toMatchObject({
      id,
      providerId: world.providerId,
      maxHoursPerWeek: 24,
    });

    await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: id },
      token: world.coach.token,
      body: {
        availability: { days: ['mon', 'tue'], earliestStart: '10:00', latestFinish: '14:00', maxHoursPerWeek: 8 },
      },
    });
    await services.searchSync.drain();
    const updated = await documentIn(services.search, 'candidates', id);
    expect(updated).toMatchObject({ days: ['mon', 'tue'], maxHoursPerWeek: 8, earliestStartMinutes: 600 });
    expect(JSON.stringify(updated)).not.toContain('Alex');

    const erased = await call(harness.app, 'DELETE', '/v1/young-people/{youngPersonId}', {
      path: { youngPersonId: id },
      token: world.admin.token,
    });
    expect(erased.status).toBe(200);
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'candidates', id)).toBeUndefined();
  });

  it('holds only young people who can be proposed: one who withdraws leaves the candidates index and comes back when active', async () => {
    const { services } = harness;
    const created = await call(harness.app, 'POST', '/v1/young-people', {
      token: world.coach.token,
      body: profileInput({ preferredName: 'Robin' }),
    });
    const id = created.json.id as string;
    const setStatus = async (status: 'active' | 'withdrawn') => {
      const patched = await call(harness.app, 'PATCH', '/v1/young-people/{youngPersonId}', {
        path: { youngPersonId: id },
        token: world.coach.token,
        body: { status },
      });
      expect(patched.status).toBe(200);
      await services.searchSync.drain();
    };
    await services.searchSync.drain();
    expect(await documentIn(services.search, 'candidates', id)).toMatchObject({ id, status: 'active' });
    await setStatus('withdrawn');
    expect(await documentIn(services.search, 'candidates', id)).toBeUndefined();
    // Reconciliation expects the same: nothing missing or extra for them.
    const check = await reconcileIndexes(services.db, services.search, services.outbox, { repair: false });
    const candidates = check.indexes.find((i) => i.name === 'candidates')!;
    expect([...candidates.missing, ...candidates.extra, ...candidates.stale]).not.toContain(id);
    await setStatus('active');
    expect(await documentIn(services.search, 'candidates', id)).toMatchObject({ id, status: 'active' });
  });

  it('is idempotent: replayed events leave the same documents', async () => {
    const { services } = harness;
    const id = await postPlacement();
    await services.searchSync.drain();
    const before = await documentIn(services.search, 'placements', id);
    const { total } = await index(services.search, 'placements')
      .getStats()
      .then((stats) => ({ total: stats.numberOfDocuments }));
    await services.outbox.enqueue('placement', [id, id, id]);
    await services.outbox.enqueue('employer', employer.employerId);
    await services.outbox.enqueue('young_person', [world.youngPersonId, world.youngPersonId]);
    const outcome = await services.searchSync.drain();
    expect(outcome).toMatchObject({ claimed: 6, synced: 6, failed: 0 });
    expect(await documentIn(services.search, 'placements', id)).toEqual(before);
    expect((await index(services.search, 'placements').getStats()).numberOfDocuments).toBe(total);
    expect(await documentIn(services.search, 'candidates', world.youngPersonId)).toEqual(
      candidateSearchDoc((await services.youngPeopleRepository.byId(world.youngPersonId))!),
    );
  });

  it('never gives one event to two workers at once', async () => {
    const { services } = harness;
    await services.outbox.enqueue(
      'placement',
      Array.from({ length: 20 }, () => new ObjectId().toHexString()),
    );
    const claimedBy = new Map<string, string>();
    for (let round = 0; claimedBy.size < 20 && round < 10; round++) {
      const claims = await Promise.all([services.outbox.claimDue(15, 60_000), services.outbox.claimDue(15, 60_000)]);
      for (const claim of claims) {
        for (const event of claim.events) {
          expect(claimedBy.has(event._id.toHexString())).toBe(false);
          claimedBy.set(event._id.toHexString(), claim.claimId);
        }
      }
    }
    expect(claimedBy.size).toBe(20);
    await services.outbox.collection.deleteMany({});
  });

  it('syncs again a record that changed while its document was on the way', async () => {
    const { services } = harness;
    const id = await postPlacement();
    /**
     * The race between two workers, played out: this worker writes its document, but meanwhile
     * the placement was renamed and another worker already used up the event for that change,
     * so this worker's older document landed last. Only its check after the write can notice.
     */
    class OvertakenIndexer extends SearchIndexer {
      overtaken = false;
      override async syncPlacements(ids: string[]) {
        const versions = await super.syncPlacements(ids);
        if (!this.overtaken) {
          this.overtaken = true;
          await services.placementsRepository.update(id, { title: 'Barista' }, new Date(Date.now() + 1000));
        }
        return versions;
      }
    }
    const indexer = new OvertakenIndexer(
      services.search,
      services.placementsRepository,
      services.employersRepository,
      services.youngPeopleRepository,
    );
    const worker = new SearchSyncWorker({ outbox: services.outbox, indexer, logger: services.logger });
    const outcome = await worker.drain();
    expect(outcome.claimed).toBe(2);
    expect(await documentIn(services.search, 'placements', id)).toMatchObject({ title: 'Barista' });
    expect(await services.outbox.collection.countDocuments()).toBe(0);
  });
});

describe('search sync: a worker that dies', () => {
  it('leaves its events to another worker within the short lease, while a live worker keeps renewing its own', async () => {
    const { services } = harness;
    const clock = new ManualClock();
    const outbox = new SearchOutbox(services.db, clock);
    await outbox.enqueue('young_person', world.youngPersonId);
    const dead = await outbox.claimDue(10, 10_000);
    expect(dead.events).toHaveLength(1);
    // The worker holding it died (SIGKILL): nobody renews or completes its claim.
    clock.advance(9_000);
    expect((await outbox.claimDue(10, 10_000)).events).toHaveLength(0);
    clock.advance(1_000);
    const takeover = await outbox.claimDue(10, 10_000);
    expect(takeover.events.map((event) => event.entityId)).toEqual([world.youngPersonId]);
    // A live worker renews: its events stay its own past the first lease.
    clock.advance(8_000);
    await outbox.renew(takeover, 10_000);
    clock.advance(8_000);
    expect((await outbox.claimDue(10, 10_000)).events).toHaveLength(0);
    await outbox.complete(takeover, takeover.events);
    expect(await services.outbox.collection.countDocuments()).toBe(0);
  });

  it('waits at most a few seconds between retries, so the index catches up soon after Meilisearch returns', async () => {
    const { defaultSyncWorkerOptions } = await import('../../src/search-sync/worker.js');
    expect(defaultSyncWorkerOptions.lockMs).toBeLessThanOrEqual(10_000);
    expect(backoffMs(50, defaultSyncWorkerOptions)).toBeLessThanOrEqual(10_000);
  });
});

describe('search reconciliation', () => {
  it('fingerprints a document by its content, whatever the order of its keys', () => {
    expect(fingerprint({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(fingerprint({ b: { d: 'x', c: [1, 2] }, a: 1 }));
    expect(fingerprint({ a: 1, b: undefined })).toBe(fingerprint({ a: 1 }));
    expect(fingerprint({ a: [1, 2] })).not.toBe(fingerprint({ a: [2, 1] }));
  });

  it('sorts disagreements into missing, out of date and left over', () => {
    const expected = new Map([
      ['1', 'x'],
      ['2', 'y'],
      ['3', 'z'],
    ]);
    const indexed = new Map([
      ['2', 'y'],
      ['3', 'old'],
      ['4', 'w'],
    ]);
    expect(compareIndex(expected, indexed)).toEqual({ missing: ['1'], stale: ['3'], extra: ['4'] });
  });

  it('finds documents that disagree with MongoDB, reports them, and repairs them through the outbox', async () => {
    const { services } = harness;
    await postPlacement();
    const staleId = await postPlacement();
    const missingId = await postPlacement();
    await services.searchSync.drain();
    const clean = await reconcileIndexes(services.db, services.search, services.outbox, { repair: true });
    expect(clean.repaired).toBe(0);
    expect(clean.indexes.every((i) => i.missing.length + i.stale.length + i.extra.length === 0)).toBe(true);

    // Drift as a lost or late Meilisearch task leaves it: an old document, a missing one, and one of a record that is gone.
    const placements = index(services.search, 'placements');
    const goneId = new ObjectId().toHexString();
    await placements
      .addDocuments([
        { ...(await documentIn(services.search, 'placements', staleId)), title: 'An old title', status: 'open' },
        { ...(await documentIn(services.search, 'placements', staleId)), id: goneId },
      ])
      .waitTask();
    await placements.deleteDocument(missingId).waitTask();
    await index(services.search, 'candidates').deleteDocument(world.youngPersonId).waitTask();

    const check = await reconcileIndexes(services.db, services.search, services.outbox, { repair: true });
    const placementReport = check.indexes.find((i) => i.name === 'placements')!;
    expect(placementReport).toMatchObject({ missing: [missingId], stale: [staleId], extra: [goneId], inFlight: 0 });
    expect(check.indexes.find((i) => i.name === 'candidates')).toMatchObject({ missing: [world.youngPersonId] });
    expect(check.repaired).toBe(4);
    // Already queued: a second check counts them as on their way rather than queueing them twice.
    expect((await reconcileIndexes(services.db, services.search, services.outbox, { repair: true })).repaired).toBe(0);

    await services.searchSync.drain();
    expect(await documentIn(services.search, 'placements', staleId)).toMatchObject({ title: 'Kitchen assistant' });
    expect(await documentIn(services.search, 'placements', missingId)).toBeTruthy();
    expect(await documentIn(services.search, 'placements', goneId)).toBeUndefined();
    const after = await reconcileIndexes(services.db, services.search, services.outbox, { repair: false });
    expect(after.indexes.map((i) => i.missing.length + i.stale.length + i.extra.length + i.inFlight)).toEqual([0, 0]);
  });

  it('runs on one instance at a time: the lease in MongoDB', async () => {
    const { services } = harness;
    const clock = new ManualClock();
    const lease = () => new Lease({ db: services.db, name: 'test-lease', clock, ttlMs: 60_000 });
    const first = lease();
    const second = lease();
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    expect(await first.acquire()).toBe(true);
    clock.advance(60_001);
    expect(await second.acquire()).toBe(true);
    expect(await first.acquire()).toBe(false);
  });
});

describe('search sync: retries with back-off', () => {
  it('doubles the delay after each failure, up to a cap', () => {
    const options = { baseBackoffMs: 1000, maxBackoffMs: 60_000 };
    expect([1, 2, 3, 4, 6, 7, 20].map((attempts) => backoffMs(attempts, options))).toEqual([
      1000, 2000, 4000, 8000, 32_000, 60_000, 60_000,
    ]);
  });

  it('keeps the event with its attempts and reason when Meilisearch cannot be reached, and does not retry it early', async () => {
    const { services } = harness;
    const clock = new ManualClock();
    const deadSearch = createSearch(`http://127.0.0.1:${await freePort()}`, 'key', services.search.prefix, 500);
    const indexer = new SearchIndexer(
      deadSearch,
      services.placementsRepository,
      services.employersRepository,
      services.youngPeopleRepository,
    );
    const outbox = new SearchOutbox(services.db, clock);
    const worker = new SearchSyncWorker({ outbox, indexer, logger: services.logger });
    await outbox.enqueue('young_person', world.youngPersonId);
    expect(await worker.drain()).toMatchObject({ claimed: 1, failed: 1 });
    const event = await services.outbox.collection.findOne({ entityId: world.youngPersonId });
    expect(event).toMatchObject({ attempts: 1, lastError: 'MeilisearchRequestError' });
    expect(event!.nextAttemptAt.getTime()).toBe(clock.now().getTime() + 1000);
    expect(event!.lockedUntil).toBeUndefined();
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    clock.advance(1000);
    expect(await worker.drain()).toMatchObject({ claimed: 1, failed: 1 });
    expect(await services.outbox.collection.findOne({ entityId: world.youngPersonId })).toMatchObject({ attempts: 2 });
    await services.outbox.collection.deleteMany({});
  });
});

describe('search sync: a Meilisearch outage', () => {
  it('lets writes succeed while Meilisearch is down and catches the index up when it returns', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meili-outage-'));
    let meili = await startMeilisearch({ bin: inject('meiliBin'), dataDir: dir });
    const clock = new ManualClock();
    try {
      const search = createSearch(meili.url, meili.masterKey, harness.services.search.prefix, 1000);
      await applyIndexConfigs(search, await loadIndexConfigs());
      const { config, mongo, db, logger } = harness.services;
      const services: System = await createServices({ config, mongo, db, logger, search, clock });
      const app = createApp(services.services);
      const placementId = await postPlacement(app);
      await services.searchSync.drain();
      expect(await documentIn(search, 'placements', placementId)).toMatchObject({ title: 'Kitchen assistant' });

      await meili.stop();
      const patched = await call(app, 'PATCH', '/v1/placements/{placementId}', {
        path: { placementId },
        token: employer.staff.token,
        body: { title: 'Written while search was down' },
      });
      expect(patched.status).toBe(200);
      const created = await call(app, 'POST', '/v1/young-people', {
        token: world.coach.token,
        body: profileInput({ preferredName: 'Jo' }),
      });
      expect(created.status).toBe(201);
      const youngPersonId = created.json.id as string;
      const failed = await services.searchSync.drain();
      expect(failed).toMatchObject({ claimed: 2, synced: 0, failed: 2 });
      expect(await services.outbox.collection.countDocuments({ attempts: 1 })).toBe(2);

      meili = await startMeilisearch({ bin: inject('meiliBin'), dataDir: dir, port: meili.port });
      // Nothing is retried before its back-off has passed...
      expect(await services.searchSync.drain()).toMatchObject({ claimed: 0 });
      clock.advance(61_000);
      // ...and then everything written during the outage arrives.
      expect(await services.searchSync.drain()).toMatchObject({ claimed: 2, synced: 2, failed: 0 });
      expect(await documentIn(search, 'placements', placementId)).toMatchObject({
        title: 'Written while search was down',
      });
      expect(await documentIn(search, 'candidates', youngPersonId)).toMatchObject({ id: youngPersonId });
      expect(await services.outbox.collection.countDocuments()).toBe(0);
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('reindex', () => {
  it('rebuilds every index from MongoDB into new ones and swaps them in while search keeps answering', async () => {
    const { services } = harness;
    const kept = await postPlacement();
    await services.searchSync.drain();
    // A record the index never heard of, and a document whose record is gone.
    const missed = await postPlacement();
    await services.outbox.collection.deleteMany({ entityId: missed });
    await index(services.search, 'placements')
      .addDocuments([{ id: new ObjectId().toHexString(), title: 'Ghost placement' }])
      .waitTask();
    const changedMeanwhile = await postPlacement();
    await services.searchSync.drain();

    let answeredDuringRebuild = 0;
    const summary = await rebuildIndexes(services.db, services.search, await loadIndexConfigs(), {
      batchSize: 2,
      onProgress: async ({ index: name, done }) => {
        if (name !== 'placements' || done === 0) return;
        // The live index still answers, with its old contents, while the new one fills.
        const live = await index(services.search, 'placements').search('Ghost');
        expect(live.hits.map((hit) => hit.title)).toContain('Ghost placement');
        answeredDuringRebuild += 1;
        if (answeredDuringRebuild === 1) {
          await call(harness.app, 'PATCH', '/v1/placements/{placementId}', {
            path: { placementId: changedMeanwhile },
            token: employer.staff.token,
            body: { title: 'Renamed during the rebuild' },
          });
          await services.searchSync.drain();
        }
      },
    });

    expect(answeredDuringRebuild).toBeGreaterThan(1);
    // Drafts, closed and ended placements (from earlier tests) are not indexed.
    const placements = (await services.placementsRepository.collection.find().toArray()).map(toPlacement);
    const employers = new Map(
      (await services.employersRepository.byIds([...new Set(placements.map((p) => p.employerId))])).map((e) => [
        e.id,
        e,
      ]),
    );
    const placementCount = placements.filter((p) =>
      isSearchablePlacement(p, employers.get(p.employerId)!, new Date()),
    ).length;
    expect(summary.indexes).toEqual([
      {
        name: 'candidates',
        documents: await services.youngPeopleRepository.collection.countDocuments({ status: 'active' }),
      },
      { name: 'placements', documents: placementCount },
    ]);
    expect(summary.resynced).toBeGreaterThanOrEqual(1);
    expect((await index(services.search, 'placements').getStats()).numberOfDocuments).toBe(placementCount);
    expect(await documentIn(services.search, 'placements', missed)).toMatchObject({ id: missed });
    expect(await documentIn(services.search, 'placements', kept)).toMatchObject({ id: kept });
    expect(await documentIn(services.search, 'placements', changedMeanwhile)).toMatchObject({
      title: 'Renamed during the rebuild',
    });
    expect((await index(services.search, 'placements').search('Ghost')).hits).toEqual([]);
    const { results } = await services.search.client.getIndexes({ limit: 1000 });
    expect(
      results
        .filter((i) => i.uid.startsWith(services.search.prefix))
        .map((i) => i.uid)
        .sort(),
    ).toEqual([services.search.indexUid('candidates'), services.search.indexUid('placements')].sort());
    expect(results.some((i) => i.uid.endsWith(rebuildSuffix))).toBe(false);
    const settings = await index(services.search, 'placements').getSettings();
    expect(settings.filterableAttributes).toContain('environment.noise');
  });
});
