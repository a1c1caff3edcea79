import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { findMongod } from '../../src/embedded/binaries.js';
import { type RunningMeilisearch, startMeilisearch } from '../../src/embedded/meilisearch.js';
import { type RunningMongod, startMongod } from '../../src/embedded/mongod.js';
import { reconcileIndexes } from '../../src/search-sync/reconcile.js';
import { dumpDatabase, restoreDatabase } from '../helpers/dump.js';
import { call, createHarness, type Harness } from '../helpers/harness.js';
import { makeEmployer, makeProvider, password, placementInput } from '../helpers/world.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'backup-restore-'));
const stopping: { stop(): Promise<void> }[] = [];
const harnesses: Harness[] = [];

afterAll(async () => {
  for (const harness of harnesses.reverse()) await harness.close();
  for (const store of stopping.reverse()) await store.stop();
  rmSync(scratch, { recursive: true, force: true });
});

async function meilisearch(dir: string, importDump?: string): Promise<RunningMeilisearch> {
  const meili = await startMeilisearch({
    bin: inject('meiliBin'),
    dataDir: path.join(scratch, dir),
    maxIndexingMemory: '256MiB',
    maxIndexingThreads: 1,
    ...(importDump ? { importDump } : {}),
  });
  stopping.push(meili);
  return meili;
}

describe('backup and restore (docs/operations.md)', () => {
  it('restores a backup of both stores into an empty deployment that signs in, reads and searches as before', async () => {
    // The deployment to back up: its own Meilisearch, so that its dump directory is known.
    const sourceMeili = await meilisearch('source-meili');
    const source = await createHarness({
      env: { MEILI_URL: sourceMeili.url, MEILI_MASTER_KEY: sourceMeili.masterKey },
    });
    harnesses.push(source);
    const world = await makeProvider(source);
    const employer = await makeEmployer(source, world.admin);
    const placement = await call(source.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput({ title: 'Library assistant' }),
    });
    expect(placement.status).toBe(201);
    await source.services.searchSync.drain();
    const tokenFromBefore = world.coach.token;

    // Back up: the database in mongodump's layout, then a Meilisearch dump (POST /dumps).
    const mongoDump = path.join(scratch, 'mongo-dump');
    const collections = await dumpDatabase(source.services.db, mongoDump);
    expect(collections).toEqual(
      expect.arrayContaining(['accounts', 'young_people', 'placements', 'schema_migrations']),
    );
    const dumpTask = await source.services.search.client.createDump().waitTask({ timeout: 60_000 });
    expect(dumpTask.status).toBe('succeeded');
    const meiliDump = path.join(scratch, 'source-meili', 'dumps', `${dumpTask.details?.dumpUid}.dump`);

    // Restore into an empty deployment: a new mongod and a new Meilisearch started from the dump.
    const mongod: RunningMongod = await startMongod({
      bin: findMongod({ configured: process.env.MONGOD_BIN, autoInstall: false }).bin,
      dataDir: path.join(scratch, 'restored-mongo'),
      cacheSizeGb: 0.25,
    });
    stopping.push(mongod);
    const restoredMeili = await meilisearch('restored-meili', meiliDump);
    const { MongoClient } = await import('mongodb');
    const client = new MongoClient(mongod.uri);
    try {
      await restoreDatabase(client.db(source.config.MONGODB_DB), mongoDump);
    } finally {
      await client.close();
    }

    // The service starts on the restored stores (same database, index prefix and keys secret)...
    const restored = await createHarness({
      env: {
        MONGODB_URI: mongod.uri,
        MONGODB_DB: source.config.MONGODB_DB,
        MEILI_URL: restoredMeili.url,
        MEILI_MASTER_KEY: restoredMeili.masterKey,
        MEILI_INDEX_PREFIX: source.config.MEILI_INDEX_PREFIX,
      },
    });
    harnesses.push(restored);

    // ...a token signed before the backup still verifies, and a password sign-in works...
    const before = await call(restored.app, 'GET', '/v1/young-people/{youngPersonId}', {
      token: tokenFromBefore,
      path: { youngPersonId: world.youngPersonId },
    });
    expect(before.status).toBe(200);
    const signedIn = await call(restored.app, 'POST', '/v1/auth/token', {
      body: { email: world.coach.email, password },
    });
    expect(signedIn.status).toBe(200);
    const read = await call(restored.app, 'GET', '/v1/young-people/{youngPersonId}', {
      token: signedIn.json.accessToken,
      path: { youngPersonId: world.youngPersonId },
    });
    expect(read.status).toBe(200);
    expect(read.json).toEqual(before.json);

    // ...and search answers from the restored index, which agrees with the restored records.
    expect(await restored.services.outbox.collection.countDocuments()).toBe(0);
    const search = await call(restored.app, 'GET', '/v1/placements', {
      token: world.youngPerson.token,
      rawQuery: 'q=library',
    });
    expect(search.status).toBe(200);
    expect(search.json.items.map((item: { id: string }) => item.id)).toEqual([placement.json.id]);
    const check = await reconcileIndexes(restored.services.db, restored.services.search, restored.services.outbox, {
      repair: false,
    });
    for (const index of check.indexes) {
      expect(index.expected, index.name).toBeGreaterThan(0);
      expect([index.missing, index.stale, index.extra], index.name).toEqual([[], [], []]);
    }
  }, 240_000);
});
