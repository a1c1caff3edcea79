import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CommandStartedEvent, MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type App, createApp } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { projectRoot } from '../../src/core/project-root.js';
import { createSearch } from '../../src/core/search/meili.js';
import { findMongod } from '../../src/embedded/binaries.js';
import { masterKeyFor, type RunningMeilisearch, startMeilisearch } from '../../src/embedded/meilisearch.js';
import { type RunningMongod, startMongod } from '../../src/embedded/mongod.js';
import { freePort } from '../../src/embedded/process.js';
import { openInfrastructure, prepareDatabase } from '../../src/runtime.js';
import { SearchOutbox } from '../../src/search-sync/outbox.js';
import { reconcileIndexes } from '../../src/search-sync/reconcile.js';
import { createServices, type System } from '../../src/services.js';
import { call, type Harness } from '../helpers/harness.js';
import {
  type EmployerWorld,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
} from '../helpers/world.js';

/**
 * The fault suite: pauses (SIGSTOP) and kills (SIGKILL) real mongod and Meilisearch processes.
 * This file starts its own stores (and, for the crash test, its own service with embedded stores),
 * so pausing them never disturbs the other test files, which share the run's stores.
 */
const timeoutMs = 1500;
/** The deadline's ping of the stores (1 s) plus scheduling on a busy two-core machine. */
const marginMs = 2000;
const figures: Record<string, number> = {};

let dir: string;
let mongod: RunningMongod;
let meili: RunningMeilisearch;
let system: System;
let app: App;
let world: ProviderWorld;
let employer: EmployerWorld;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'faults-'));
  [mongod, meili] = await Promise.all([
    startMongod({
      bin: findMongod({ configured: process.env.MONGOD_BIN, autoInstall: false }).bin,
      dataDir: path.join(dir, 'mongo'),
      cacheSizeGb: 0.25,
    }),
    startMeilisearch({ bin: inject('meiliBin'), dataDir: path.join(dir, 'meili') }),
  ]);
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGODB_URI: mongod.uri,
    MEILI_URL: meili.url,
    MEILI_MASTER_KEY: meili.masterKey,
    MONGO_TIMEOUT_MS: String(timeoutMs),
    MEILI_TIMEOUT_MS: String(timeoutMs),
    TOKEN_KEYS_SECRET: 'test-secret-test-secret-test-secret-0123',
    PASSWORD_ARGON2_MEMORY_KIB: '1024',
  });
  // Command events let a test pause mongod at the moment a commit is sent.
  const monitored = new URL(mongod.uri);
  monitored.searchParams.set('monitorCommands', 'true');
  const infra = await openInfrastructure({
    config,
    logger: createLogger(config.LOG_LEVEL),
    mongoUri: monitored.toString(),
    meiliUrl: meili.url,
    meiliKey: meili.masterKey,
  });
  await prepareDatabase(infra);
  system = await createServices(infra);
  app = createApp(system.services);
  const harness: Harness = { app, services: system, config, clock: system.clock, close: async () => undefined };
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
});

afterAll(async () => {
  for (const pid of [mongod?.process.pid, meili?.process.pid]) {
    if (pid) signal(pid, 'SIGCONT');
  }
  await system?.searchSync.stop();
  await system?.mongo.close();
  await Promise.all([mongod?.stop(), meili?.stop()]);
  rmSync(dir, { recursive: true, force: true });
  console.log(JSON.stringify({ faultFigures: figures }));
});

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** Pauses a real process for the length of `work`, and always lets it go on again. */
async function whilePaused<T>(pid: number, work: () => Promise<T>): Promise<T> {
  signal(pid, 'SIGSTOP');
  try {
    return await work();
  } finally {
    signal(pid, 'SIGCONT');
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: Math.round(performance.now() - started) };
}

/** Polls until the outbox is empty and every index agrees with MongoDB; returns how long that took. */
async function untilConsistent(
  db: System['db'],
  search: System['search'],
  outbox: SearchOutbox,
  withinMs: number,
): Promise<number> {
  const started = performance.now();
  for (;;) {
    const pending = await outbox.collection.countDocuments();
    if (pending === 0) {
      const report = await reconcileIndexes(db, search, outbox, { repair: false });
      if (report.indexes.every((i) => i.missing.length + i.stale.length + i.extra.length + i.inFlight === 0))
        return Math.round(performance.now() - started);
    }
    if (performance.now() - started > withinMs)
      throw new Error(`indexes still disagree with MongoDB after ${withinMs} ms (${pending} events waiting)`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe('faults: a paused mongod', () => {
  it('answers 503 naming MongoDB within MONGO_TIMEOUT_MS and a small margin, for reads and writes, and the refused write never lands', async () => {
    const kept = await call(app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput({ title: 'Acknowledged before the pause' }),
    });
    expect(kept.status).toBe(201);
    const outcomes = await whilePaused(mongod.process.pid, async () => {
      const read = await timed(() => call(app, 'GET', '/v1/young-people', { token: world.coach.token }));
      const write = await timed(() =>
        call(app, 'POST', '/v1/employers/{employerId}/placements', {
          path: { employerId: employer.employerId },
          token: employer.staff.token,
          body: placementInput({ title: 'Refused during the pause' }),
        }),
      );
      // Held a while longer than the deadline, as in a real outage, so abandoned work could try to finish late.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      return { read, write };
    });
    for (const { result, ms } of [outcomes.read, outcomes.write]) {
      expect(result.status, result.text).toBe(503);
      expect(result.error).toMatchObject({ code: 'dependency_unavailable', details: { dependency: 'mongodb' } });
      expect(ms).toBeLessThan(timeoutMs + marginMs);
    }
    // Paused before its transaction reached the commit: the 503 can say nothing was saved.
    expect(outcomes.write.result.error?.message).toContain('nothing was changed');
    figures.mongoPausedReadMs = outcomes.read.ms;
    figures.mongoPausedWriteMs = outcomes.write.ms;

    // Back again: the acknowledged write is there, the refused one never lands, even after its work resumed.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    expect(
      (
        await call(app, 'GET', '/v1/placements/{placementId}', {
          path: { placementId: kept.json.id },
          token: employer.staff.token,
        })
      ).status,
    ).toBe(200);
    expect(await system.db.collection('placements').countDocuments({ title: 'Refused during the pause' })).toBe(0);
    expect((await call(app, 'GET', '/v1/young-people', { token: world.coach.token })).status).toBe(200);
  }, 60_000);
});

describe('faults: mongod paused while a commit is on its way', () => {
  it('answers 503 saying the change may have been saved, and the same Idempotency-Key sent again makes no second record', async () => {
    const title = 'Saved while MongoDB was paused';
    const send = () =>
      call(app, 'POST', '/v1/employers/{employerId}/placements', {
        path: { employerId: employer.employerId },
        token: employer.staff.token,
        headers: { 'Idempotency-Key': 'b2a1c3e4-placement-paused-commit' },
        body: placementInput({ title }),
      });
    // Paused the moment the placement's transaction sends its commit: mongod has it and applies it when it runs again.
    let insertedPlacement = false;
    let paused = false;
    const pauseAtCommit = (event: CommandStartedEvent) => {
      if (event.commandName === 'insert' && event.command.insert === 'placements') insertedPlacement = true;
      if (event.commandName === 'commitTransaction' && insertedPlacement && !paused) {
        paused = true;
        signal(mongod.process.pid!, 'SIGSTOP');
      }
    };
    system.mongo.on('commandStarted', pauseAtCommit);
    let refused: Awaited<ReturnType<typeof send>>;
    try {
      refused = await send();
    } finally {
      system.mongo.off('commandStarted', pauseAtCommit);
      signal(mongod.process.pid!, 'SIGCONT');
    }
    expect(paused).toBe(true);
    expect(refused.status, refused.text).toBe(503);
    expect(refused.error).toMatchObject({
      code: 'dependency_unavailable',
      details: { dependency: 'mongodb', saved: 'unknown' },
    });
    expect(refused.error?.message).toContain('may have been saved');

    // The commit mongod received lands once it runs again; the client, told so, sends the same request again.
    const placements = system.db.collection('placements');
    await expect.poll(() => placements.countDocuments({ title }), { timeout: 10_000 }).toBe(1);
    const again = await send();
    expect(again.status, again.text).toBe(409);
    expect(await placements.countDocuments({ title })).toBe(1);
  }, 60_000);
});

describe('faults: a paused Meilisearch', () => {
  it('answers search with 503 naming Meilisearch in time, keeps taking writes, and catches the index up after it returns', async () => {
    system.searchSync.start();
    await untilConsistent(system.db, system.search, system.outbox, 30_000);
    const written: string[] = [];
    const search = await whilePaused(meili.process.pid, async () => {
      const answer = await timed(() =>
        call(app, 'GET', '/v1/placements', { query: { q: 'kitchen' }, token: world.coach.token }),
      );
      for (let i = 0; i < 5; i++) {
        const created = await call(app, 'POST', '/v1/employers/{employerId}/placements', {
          path: { employerId: employer.employerId },
          token: employer.staff.token,
          body: placementInput({ title: `Written while search was paused ${i}` }),
        });
        expect(created.status, created.text).toBe(201);
        written.push(created.json.id);
      }
      return answer;
    });
    expect(search.result.status, search.result.text).toBe(503);
    expect(search.result.error).toMatchObject({
      code: 'dependency_unavailable',
      details: { dependency: 'meilisearch' },
    });
    expect(search.ms).toBeLessThan(timeoutMs + marginMs);
    figures.meiliPausedSearchMs = search.ms;
    figures.meiliPausedRecoveryMs = await untilConsistent(system.db, system.search, system.outbox, 30_000);
    expect(
      await system.db.collection('placements').countDocuments({ _id: { $in: written.map((id) => new ObjectId(id)) } }),
    ).toBe(5);
  }, 90_000);

  it('loses nothing when Meilisearch is killed mid-write and started again on the same data', async () => {
    const written: string[] = [];
    const writes = (async () => {
      for (let i = 0; i < 20; i++) {
        const created = await call(app, 'POST', '/v1/employers/{employerId}/placements', {
          path: { employerId: employer.employerId },
          token: employer.staff.token,
          body: placementInput({ title: `Written around a crash ${i}` }),
        });
        if (created.status === 201) written.push(created.json.id);
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 300));
    signal(meili.process.pid, 'SIGKILL');
    await meili.process.exited;
    await writes;
    meili = await startMeilisearch({ bin: inject('meiliBin'), dataDir: path.join(dir, 'meili'), port: meili.port });
    figures.meiliKilledRecoveryMs = await untilConsistent(system.db, system.search, system.outbox, 30_000);
    expect(written).toHaveLength(20);
  }, 90_000);
});

/** The service as `npm start` runs it, with embedded stores on `dataDir`; resolves once /health/ready answers 200. */
async function startService(dataDir: string, port: number, logName: string): Promise<ChildProcess> {
  const log = createWriteStream(path.join(dataDir, logName));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: projectRoot,
    env: {
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('MEILI_') && !name.startsWith('MONGODB_')),
      ),
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: String(port),
      DATA_DIR: dataDir,
      MEILI_BIN: inject('meiliBin'),
      MONGO_TIMEOUT_MS: String(timeoutMs),
      MEILI_TIMEOUT_MS: String(timeoutMs),
      SEARCH_RECONCILE_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the service exited with ${child.exitCode}; see ${path.join(dataDir, logName)}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return child;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  child.kill('SIGKILL');
  throw new Error('the service did not become ready within 120 s');
}

const pidIn = (file: string) => Number(readFileSync(file, 'utf8').trim());

describe('faults: SIGKILL of the whole tree (service, mongod, Meilisearch) mid-write', () => {
  it('keeps every acknowledged write, and the outbox drains and the indexes equal MongoDB within 30 s of the restart', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'faults-service-'));
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let service: ChildProcess | undefined;
    try {
      service = await startService(dataDir, port, 'first.log');
      const signIn = await fetch(`${base}/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'employer@demo.example', password: 'kettle-orchard-lantern' }),
      });
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
      const me = (await (await fetch(`${base}/v1/me`, { headers })).json()) as { account: { employerId: string } };
      const employerId = me.account.employerId;
      const ownPlacements = (await (
        await fetch(`${base}/v1/employers/${employerId}/placements?limit=20`, { headers })
      ).json()) as { items: { id: string }[] };

      /** What the service acknowledged: placement id -> the title it confirmed. */
      const acknowledged = new Map<string, string>();
      let stop = false;
      const writer = async (lane: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const existing = ownPlacements.items[(lane + i) % ownPlacements.items.length];
            const title = `Crash lane ${lane} write ${i}`;
            const response =
              i % 2 === 0 || !existing
                ? await fetch(`${base}/v1/employers/${employerId}/placements`, {
                    method: 'POST',
                    headers,
                    body: JSON.stringify(placementInput({ title, status: 'draft' })),
                  })
                : await fetch(`${base}/v1/placements/${existing.id}`, {
                    method: 'PATCH',
                    headers,
                    body: JSON.stringify({ title }),
                  });
            if (response.ok) acknowledged.set(((await response.json()) as { id: string }).id, title);
          } catch {
            return; // The service is gone.
          }
        }
      };
      const lanes = Promise.all([0, 1, 2, 3].map(writer));
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const tree = [
        service.pid!,
        pidIn(path.join(dataDir, 'mongo', 'mongod.pid')),
        pidIn(path.join(dataDir, 'meili', 'meilisearch.pid')),
      ];
      for (const pid of tree) signal(pid, 'SIGKILL');
      stop = true;
      await lanes;
      figures.writesAcknowledgedBeforeKill = acknowledged.size;
      expect(acknowledged.size).toBeGreaterThan(0);

      service = await startService(dataDir, port, 'second.log');
      const readyAt = performance.now();
      const mongo = new MongoClient(readFileSync(path.join(dataDir, 'mongo', 'endpoint'), 'utf8').trim(), {
        serverSelectionTimeoutMS: 5000,
      });
      try {
        const db = mongo.db('internships');
        const titles = new Map(
          (
            await db
              .collection('placements')
              .find(
                { _id: { $in: [...acknowledged.keys()].map((id) => new ObjectId(id)) } },
                { projection: { title: 1 } },
              )
              .toArray()
          ).map((doc) => [doc._id.toHexString(), doc.title as string]),
        );
        // Every acknowledged write is there. A created placement has exactly its title; an updated one has
        // the last acknowledged title or a later one whose answer was lost in the crash.
        const updated = new Set(ownPlacements.items.map((item) => item.id));
        for (const [id, title] of acknowledged) {
          expect(titles.get(id), `acknowledged ${id} is missing`).toBeDefined();
          if (updated.has(id)) expect(titles.get(id)).toMatch(/^Crash lane/);
          else expect(titles.get(id)).toBe(title);
        }
        const meiliDir = path.join(dataDir, 'meili');
        const search = createSearch(
          readFileSync(path.join(meiliDir, 'endpoint'), 'utf8').trim(),
          masterKeyFor(meiliDir),
          '',
          5000,
        );
        const outbox = new SearchOutbox(db, system.clock);
        figures.recoveryToConsistentIndexMs =
          Math.round(performance.now() - readyAt) + (await untilConsistent(db, search, outbox, 30_000));
        expect(figures.recoveryToConsistentIndexMs).toBeLessThan(30_000);
      } finally {
        await mongo.close();
      }
    } finally {
      if (service && service.exitCode === null) {
        const exited = new Promise((resolve) => service!.once('exit', resolve));
        service.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);
});
