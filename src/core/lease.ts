import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import type { Clock } from './clock.js';
import { type CollectionSpec, isDuplicateKey } from './db/mongo.js';

interface LeaseDoc {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export const leasesCollection: CollectionSpec = {
  name: 'leases',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'owner', 'expiresAt'],
    properties: { _id: { bsonType: 'string' }, owner: { bsonType: 'string' }, expiresAt: { bsonType: 'date' } },
  },
  indexes: [],
};

export interface LeaseOptions {
  db: Db;
  /** What the lease is for; one document per name, so one holder per name across every instance. */
  name: string;
  clock: Clock;
  /** How long the lease lasts unless renewed; a holder that dies gives it up after this. */
  ttlMs: number;
  /** The collection of the lease document: `leases`, unless the lease must work before the migrations made it. */
  collection?: string;
}

/**
 * A named lease in MongoDB: of all the instances of the service, only its holder does the job. The
 * document's `_id` is the name, so two instances taking it at once cannot both succeed: one writes it,
 * the other's upsert meets the unique `_id` and is refused (on a replica set as on one server, since
 * writes are acknowledged by the majority). An expired lease is taken over the same way.
 */
export class Lease {
  /** Who holds it when this instance does; each `Lease` object is one holder. */
  readonly owner = randomUUID();
  readonly #leases: Collection<LeaseDoc>;

  constructor(private readonly options: LeaseOptions) {
    this.#leases = options.db.collection<LeaseDoc>(options.collection ?? leasesCollection.name);
  }

  get name(): string {
    return this.options.name;
  }

  /** Takes the lease when it is free or has expired, or extends it when this holder has it; false otherwise. */
  async acquire(): Promise<boolean> {
    const now = this.options.clock.now();
    try {
      await this.#leases.updateOne(
        { _id: this.options.name, $or: [{ expiresAt: { $lte: now } }, { owner: this.owner }] },
        { $set: { owner: this.owner, expiresAt: this.#expiry(now) } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // Another holder has it: the upsert tried to insert a second document of the same name.
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /**
   * Tries to take the lease until `waitMs` has passed, every `pollMs`; `onWait` hears each refusal.
   * For work every instance needs done before it goes on (migrations, a first signing key).
   */
  async acquireWithin(options: { waitMs: number; pollMs?: number; onWait?: () => void }): Promise<boolean> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      if (await this.acquire()) return true;
      if (Date.now() >= deadline) return false;
      options.onWait?.();
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 250));
    }
  }

  /** Extends the lease if this holder still has it; false when it expired and someone else took it. */
  async renew(): Promise<boolean> {
    const result = await this.#leases.updateOne(
      { _id: this.options.name, owner: this.owner },
      { $set: { expiresAt: this.#expiry(this.options.clock.now()) } },
    );
    return result.matchedCount === 1;
  }

  /** Gives the lease up at once, if this holder has it, so another instance need not wait for it to expire. */
  async release(): Promise<void> {
    await this.#leases.deleteOne({ _id: this.options.name, owner: this.owner });
  }

  /**
   * Runs `work` while holding the lease (taken beforehand), renewing it every third of its time, and
   * releases it afterwards, whether the work succeeded or not. `onRenewFailure` hears a renewal that failed.
   */
  async hold<T>(work: () => Promise<T>, onRenewFailure: (error: unknown) => void): Promise<T> {
    try {
      return await whileRenewing(work, () => this.renew(), this.options.ttlMs / 3, onRenewFailure);
    } finally {
      await this.release();
    }
  }

  #expiry(now: Date): Date {
    return new Date(now.getTime() + this.options.ttlMs);
  }
}

/**
 * Runs `work`, calling `renew` every `everyMs` until it ends: how a holder keeps a lease, or a worker
 * its claim on outbox events, for as long as the work takes.
 */
export async function whileRenewing<T>(
  work: () => Promise<T>,
  renew: () => Promise<unknown>,
  everyMs: number,
  onRenewFailure: (error: unknown) => void,
): Promise<T> {
  const timer = setInterval(() => {
    renew().catch(onRenewFailure);
  }, everyMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
