import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcileIndexes } from '../../src/search-sync/reconcile.js';
import type { Harness } from '../helpers/harness.js';
import { postPlacement } from '../helpers/journey-world.js';
import { makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';
import { clusterHarness, createYoungPerson, getJson, Load, type Outcome, summarise } from './clients.js';
import { Cluster } from './cluster.js';

/**
 * The "Failover" and "Restart of Meilisearch": three instances on a three-member replica
 * set under steady mixed load through the proxy, while the primary steps down, is killed, an
 * instance is killed mid-request, and Meilisearch restarts.
 */
const cluster = new Cluster({ env: { SEARCH_RECONCILE_INTERVAL_SECONDS: '0' } });
let harness: Harness & { running: Awaited<ReturnType<typeof clusterHarness>>['running'] };
let world: ProviderWorld;
let placementId: string;
const acknowledged: string[] = [];

beforeAll(async () => {
  await cluster.start();
  await cluster.startInstances(3);
  harness = await clusterHarness(cluster);
  world = await makeProvider(harness);
  const employer = await makeEmployer(harness, world.admin);
  placementId = await postPlacement(harness, employer.employerId, employer.staff);
}, 300_000);

afterAll(async () => {
  // The stores go whatever the test's own connections do: a close that hangs must not leave them running.
  await Promise.race([harness?.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 20_000))]);
  await cluster.stop();
}, 120_000);

function mixedLoad(): Load {
  const { coach } = world;
  return new Load(cluster.proxyUrl, [
    createYoungPerson(coach.token),
    getJson('read', `/v1/young-people/${world.youngPersonId}`, coach.token),
    getJson('search', `/v1/young-people/${world.youngPersonId}/matches`, coach.token),
    getJson('read', `/v1/placements/${placementId}`, coach.token),
  ]);
}

/** Every answer is a success or a 503 in the envelope with Retry-After: never a hang, a 500 or a dropped connection. */
function expectOnlyCleanRefusals(outcomes: Outcome[]): void {
  const unclean = outcomes.filter(
    (o) =>
      !(o.status >= 200 && o.status < 400) &&
      !(o.status === 503 && o.code === 'dependency_unavailable' && o.retryAfter),
  );
  // What the instances logged about them, so that a failure says what went wrong inside.
  const logged =
    unclean.length === 0 ? [] : cluster.logLines().filter((line) => line.level === 'error' || line.level === 'fatal');
  expect(
    unclean.map((o) => `${o.kind} ${o.status} ${o.code} after ${o.ms}ms`),
    JSON.stringify(logged),
  ).toEqual([]);
}

async function expectAcknowledgedWritesKept(outcomes: Outcome[]): Promise<{ acknowledged: number; lost: number }> {
  const ids = outcomes.flatMap((o) => (o.kind === 'write' && o.status === 201 && o.id ? [o.id] : []));
  acknowledged.push(...ids);
  const found = await harness.services.db
    .collection('young_people')
    .find(
      { _id: { $in: ids.map((id) => new ObjectId(id)) } },
      { projection: { _id: 1 }, readConcern: { level: 'majority' } },
    )
    .toArray();
  const lost = ids.length - found.length;
  expect(lost).toBe(0);
  return { acknowledged: ids.length, lost };
}

/** Seconds from `since` until every later request was answered normally. */
function secondsToRecover(outcomes: Outcome[], since: number): number {
  const lastBad = Math.max(
    since,
    ...outcomes
      .filter((o) => o.startedAt >= since && !(o.status >= 200 && o.status < 400))
      .map((o) => o.startedAt + o.ms),
  );
  return Math.round((lastBad - since) / 100) / 10;
}

async function outboxCaughtUp(withinMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    const left = await harness.services.outbox.collection.countDocuments({});
    if (left === 0) return Math.round((Date.now() - started) / 100) / 10;
    if (Date.now() - started > withinMs)
      throw new Error(`${left} search outbox events still waiting after ${withinMs / 1000}s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function indexesEqualMongo(): Promise<void> {
  const report = await reconcileIndexes(harness.services.db, harness.services.search, harness.services.outbox, {
    repair: false,
  });
  for (const index of report.indexes) {
    expect({
      name: index.name,
      missing: index.missing,
      extra: index.extra,
      stale: index.stale,
      inFlight: index.inFlight,
    }).toEqual({
      name: index.name,
      missing: [],
      extra: [],
      stale: [],
      inFlight: 0,
    });
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, probe: () => Promise<T | undefined>, withinMs: number): Promise<{ value: T }> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return { value };
    if (Date.now() - started > withinMs) throw new Error(`${what} did not happen within ${withinMs / 1000}s`);
    await pause(250);
  }
}

describe('a failover of the MongoDB primary under load', () => {
  for (const how of ['step-down', 'SIGKILL'] as const) {
    it(`${how}: keeps every acknowledged write, answers 503 with Retry-After meanwhile, and recovers within 15 s`, async () => {
      const load = mixedLoad();
      load.start(6);
      await pause(3000);
      const failedAt = Date.now();
      const { old, next } = how === 'step-down' ? await cluster.stepDown() : await cluster.killPrimary();
      const electedAt = Date.now();
      await pause(20_000);
      await load.stop();
      const outcomes = load.outcomes;
      expectOnlyCleanRefusals(outcomes);
      const recover = secondsToRecover(outcomes, electedAt);
      expect(recover).toBeLessThanOrEqual(15);
      const writes = await expectAcknowledgedWritesKept(outcomes);
      const outbox = await outboxCaughtUp(30_000);
      // Nothing a dead primary had not replicated (and so was rolled back) reached the index.
      await indexesEqualMongo();
      console.log(
        `cluster ${how}: ${JSON.stringify({
          ...summarise(outcomes),
          ...writes,
          electionSeconds: Math.round((electedAt - failedAt) / 100) / 10,
          secondsToRecoverAfterNewPrimary: recover,
          outboxCaughtUpSeconds: outbox,
          from: old.port,
          to: next.port,
        })}`,
      );
      if (how === 'SIGKILL') await cluster.restartMember(old);
    }, 180_000);
  }
});

describe('an instance killed mid-request', () => {
  it('leaves the others answering, and its claimed work is taken over within the lease time', async () => {
    const outbox = harness.services.outbox.collection;
    // With Meilisearch frozen, each instance's search worker claims the events due when it polls
    // and then waits on Meilisearch, holding them: so the instance killed holds a claim for certain.
    cluster.freezeMeilisearch();
    const load = mixedLoad();
    load.start(6);
    let heldAtKill: { claimId: string; ids: string[]; lockedUntil: number }[] = [];
    try {
      const { value } = await until(
        'every instance holding a claim on search events',
        async () => {
          const claims = await outbox
            .aggregate<{ _id: string; ids: unknown[]; lockedUntil: Date }>([
              { $match: { claimId: { $exists: true } } },
              { $group: { _id: '$claimId', ids: { $push: '$_id' }, lockedUntil: { $max: '$lockedUntil' } } },
            ])
            .toArray();
          return claims.length >= 3 ? claims : undefined;
        },
        30_000,
      );
      heldAtKill = value.map((claim) => ({
        claimId: claim._id,
        ids: claim.ids.map(String),
        lockedUntil: claim.lockedUntil.getTime(),
      }));
    } finally {
      const victim = cluster.live()[0]!;
      await cluster.stopInstance(victim, 'SIGKILL');
      cluster.thawMeilisearch();
    }
    const killedAt = Date.now();
    await pause(3000);
    await load.stop();
    const leaseMs = 10_000;
    const heldIds = heldAtKill.flatMap((claim) => claim.ids);
    await until(
      'every event held at the kill to be carried out',
      async () =>
        (await outbox.countDocuments({ _id: { $in: heldIds.map((id) => new ObjectId(id)) } })) === 0 ? true : undefined,
      leaseMs + 15_000,
    );
    const takenOverAfter = Math.round((Date.now() - killedAt) / 100) / 10;
    await outboxCaughtUp(15_000);
    const after = load.outcomes.filter((o) => o.startedAt > killedAt + 1000);
    // The requests the victim was answering are cut (a 502 from the proxy); every later one is answered.
    expectOnlyCleanRefusals(after);
    const cut = load.outcomes.filter((o) => o.status === 502).length;
    const writes = await expectAcknowledgedWritesKept(load.outcomes);
    // Every claim held at the kill was carried out (the outbox is empty): the live instances' at once,
    // the victim's once its lease ran out, since nobody renewed it.
    const lastLeaseEnd = Math.max(...heldAtKill.map((claim) => claim.lockedUntil));
    // Within the lease the victim had left, plus a poll and one back-off of the workers that waited on Meilisearch.
    expect(takenOverAfter).toBeLessThanOrEqual((lastLeaseEnd - killedAt) / 1000 + 6);
    console.log(
      `cluster instance-kill: ${JSON.stringify({
        ...summarise(load.outcomes),
        ...writes,
        cutByTheKill: cut,
        claimsHeldAtKill: heldAtKill.length,
        eventsHeldAtKill: heldAtKill.reduce((sum, claim) => sum + claim.ids.length, 0),
        leaseSeconds: leaseMs / 1000,
        victimLeaseLeftAtKillSeconds: Math.round((lastLeaseEnd - killedAt) / 100) / 10,
        allClaimsCarriedOutWithinSeconds: takenOverAfter,
      })}`,
    );
    await cluster.startInstances(1);
  }, 180_000);
});

describe('a restart of Meilisearch under load', () => {
  it('answers searches 503 for the outage, goes on writing, and the index catches up', async () => {
    const load = mixedLoad();
    load.start(6);
    await pause(2000);
    const stoppedAt = Date.now();
    await cluster.restartMeilisearch(6000);
    const backAt = Date.now();
    await pause(10_000);
    await load.stop();
    const outcomes = load.outcomes;
    expectOnlyCleanRefusals(outcomes);
    const during = outcomes.filter((o) => o.startedAt > stoppedAt + 500 && o.startedAt + o.ms < backAt - 500);
    const searchesRefused = during.filter((o) => o.kind === 'search' && o.status === 503).length;
    expect(searchesRefused).toBeGreaterThan(0);
    expect(during.filter((o) => o.kind === 'write' && o.status === 201).length).toBeGreaterThan(0);
    const writes = await expectAcknowledgedWritesKept(outcomes);
    const outbox = await outboxCaughtUp(30_000);
    await indexesEqualMongo();
    console.log(
      `cluster meilisearch-restart: ${JSON.stringify({
        ...summarise(outcomes),
        ...writes,
        searchesRefusedDuringOutage: searchesRefused,
        writesDuringOutage: during.filter((o) => o.kind === 'write' && o.status === 201).length,
        secondsToRecover: secondsToRecover(outcomes, backAt),
        outboxCaughtUpSeconds: outbox,
      })}`,
    );
  }, 180_000);
});
