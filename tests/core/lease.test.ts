import type { Db, MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { applyCollectionSpecs, createMongoClient } from '../../src/core/db/mongo.js';
import { Lease, leasesCollection } from '../../src/core/lease.js';
import { uniqueName } from '../helpers/harness.js';

let mongo: MongoClient;
let db: Db;
beforeAll(async () => {
  mongo = createMongoClient(inject('mongoUri'), 5000);
  await mongo.connect();
  db = mongo.db(uniqueName('lease'));
  await applyCollectionSpecs(db, [leasesCollection]);
});
afterAll(async () => {
  await db.dropDatabase();
  await mongo.close();
});

describe('the lease in MongoDB', () => {
  it('goes to exactly one of three instances taking it at the same moment, again and again', async () => {
    const clock = new ManualClock();
    for (let round = 0; round < 20; round += 1) {
      const name = `race-${round}`;
      const instances = [1, 2, 3].map(() => new Lease({ db, name, clock, ttlMs: 60_000 }));
      const taken = await Promise.all(instances.map((lease) => lease.acquire()));
      expect(taken.filter(Boolean)).toHaveLength(1);
      const holder = instances[taken.indexOf(true)]!;
      expect(await db.collection('leases').findOne({ _id: name as never })).toMatchObject({ owner: holder.owner });
    }
  });

  it('is renewed only by its holder, and taken over by one of the others once it expires', async () => {
    const clock = new ManualClock();
    const [first, second, third] = [1, 2, 3].map(() => new Lease({ db, name: 'expiry', clock, ttlMs: 60_000 }));
    expect(await first!.acquire()).toBe(true);
    clock.advance(50_000);
    expect(await first!.renew()).toBe(true);
    expect(await second!.renew()).toBe(false);
    clock.advance(50_000);
    expect(await second!.acquire()).toBe(false);
    clock.advance(10_001);
    const taken = await Promise.all([second!.acquire(), third!.acquire()]);
    expect(taken.filter(Boolean)).toHaveLength(1);
    expect(await first!.renew()).toBe(false);
    expect(await first!.acquire()).toBe(false);
  });

  it('is free for another at once when its holder releases it, and a release by another changes nothing', async () => {
    const clock = new ManualClock();
    const [first, second] = [1, 2].map(() => new Lease({ db, name: 'release', clock, ttlMs: 60_000 }));
    expect(await first!.acquire()).toBe(true);
    await second!.release();
    expect(await second!.acquire()).toBe(false);
    await first!.release();
    expect(await second!.acquire()).toBe(true);
  });

  it('is held while the work runs, renewed as it goes, and released after it, even when the work fails', async () => {
    const clock = new ManualClock();
    const lease = new Lease({ db, name: 'hold', clock, ttlMs: 300 });
    const other = new Lease({ db, name: 'hold', clock, ttlMs: 300 });
    expect(await lease.acquire()).toBe(true);
    const renewals: Date[] = [];
    await lease.hold(
      async () => {
        for (let tick = 0; tick < 4; tick += 1) {
          clock.advance(200);
          await new Promise((resolve) => setTimeout(resolve, 250));
          const doc = await db.collection<{ _id: string; expiresAt: Date }>('leases').findOne({ _id: 'hold' });
          renewals.push(doc!.expiresAt);
          expect(await other.acquire()).toBe(false);
        }
      },
      (error) => {
        throw error;
      },
    );
    expect(new Set(renewals.map((date) => date.getTime())).size).toBeGreaterThan(1);
    expect(await other.acquire()).toBe(true);
    await other.release();

    expect(await lease.acquire()).toBe(true);
    await expect(
      lease.hold(
        async () => Promise.reject(new Error('disk full')),
        () => undefined,
      ),
    ).rejects.toThrow('disk full');
    expect(await other.acquire()).toBe(true);
  });

  it('waits for a holder to let go when asked to', async () => {
    const clock = new ManualClock();
    const [first, second] = [1, 2].map(() => new Lease({ db, name: 'wait', clock, ttlMs: 60_000 }));
    expect(await first!.acquire()).toBe(true);
    let waits = 0;
    const waiting = second!.acquireWithin({ waitMs: 5000, pollMs: 20, onWait: () => (waits += 1) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await first!.release();
    expect(await waiting).toBe(true);
    expect(waits).toBeGreaterThan(0);
    expect(await first!.acquireWithin({ waitMs: 50, pollMs: 10 })).toBe(false);
  });
});
