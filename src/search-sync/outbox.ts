import { randomUUID } from 'node:crypto';
import type { AnyBulkWriteOperation, ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';
import type { Backlog } from '../core/metrics.js';

/** What changed; the sync worker re-reads the record itself, so an event carries no data. */
export type SyncEntity = 'placement' | 'employer' | 'young_person';

export interface OutboxDoc {
  _id: ObjectId;
  entity: SyncEntity;
  entityId: string;
  createdAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  lastError?: string;
  /** Set while a worker holds the event, so two workers never work on the same one. */
  lockedUntil?: Date;
  /** Which claim holds the event; only that claim may complete it or put it back. */
  claimId?: string;
}

/** A batch of events one worker holds until `lockedUntil`. */
export interface Claim {
  claimId: string;
  events: OutboxDoc[];
}

export const outboxCollection: CollectionSpec = {
  name: 'search_outbox',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'entity', 'entityId', 'createdAt', 'attempts', 'nextAttemptAt'],
    properties: {
      entity: { enum: ['placement', 'employer', 'young_person'] },
      entityId: { bsonType: 'string' },
      createdAt: { bsonType: 'date' },
      attempts: { bsonType: 'number' },
      nextAttemptAt: { bsonType: 'date' },
      lastError: { bsonType: 'string', maxLength: 500 },
      lockedUntil: { bsonType: 'date' },
      claimId: { bsonType: 'string' },
    },
  },
  indexes: [
    { key: { nextAttemptAt: 1, _id: 1 }, name: 'due' },
    { key: { entity: 1, entityId: 1 }, name: 'entity' },
  ],
};

/**
 * The transactional outbox: a write to a searchable record adds an event here in the same
 * transaction, so the search index learns of every acknowledged change even if Meilisearch
 * is down at the time.
 */
export class SearchOutbox {
  readonly collection: Collection<OutboxDoc>;
  constructor(
    db: Db,
    private readonly clock: Clock,
  ) {
    this.collection = db.collection<OutboxDoc>(outboxCollection.name);
  }

  async enqueue(entity: SyncEntity, entityIds: string | string[], session?: ClientSession): Promise<void> {
    const ids = Array.isArray(entityIds) ? entityIds : [entityIds];
    if (ids.length === 0) return;
    const now = this.clock.now();
    await this.collection.insertMany(
      ids.map((entityId) => ({
        _id: new ObjectId(),
        entity,
        entityId,
        createdAt: now,
        attempts: 0,
        nextAttemptAt: now,
      })),
      { session },
    );
  }

  /**
   * Takes up to `limit` due events that nobody holds, oldest first. The update re-checks that
   * each event is still free, so when two workers race for one event only one of them gets it.
   */
  async claimDue(limit: number, lockMs: number): Promise<Claim> {
    const now = this.clock.now();
    const free = { nextAttemptAt: { $lte: now }, lockedUntil: { $not: { $gt: now } } };
    const due = await this.collection
      .find(free, { projection: { _id: 1 }, sort: { nextAttemptAt: 1, _id: 1 }, limit })
      .toArray();
    const claimId = randomUUID();
    if (due.length === 0) return { claimId, events: [] };
    const ids = due.map((event) => event._id);
    await this.collection.updateMany(
      { _id: { $in: ids }, ...free },
      { $set: { lockedUntil: new Date(now.getTime() + lockMs), claimId } },
    );
    const events = await this.collection.find({ _id: { $in: ids }, claimId }).toArray();
    return { claimId, events };
  }

  /** Keeps holding a claim's events for another `lockMs`: the lease a live worker renews while it works. */
  async renew(claim: Claim, lockMs: number): Promise<void> {
    await this.collection.updateMany(
      { claimId: claim.claimId },
      { $set: { lockedUntil: new Date(this.clock.now().getTime() + lockMs) } },
    );
  }

  /** Removes events that were carried out. An event whose lock expired and was claimed again is left to its new holder. */
  async complete(claim: Claim, events: OutboxDoc[]): Promise<void> {
    if (events.length === 0) return;
    await this.collection.deleteMany({ _id: { $in: events.map((event) => event._id) }, claimId: claim.claimId });
  }

  /** Puts events back to be tried again after `delayMs(attempts)`, recording why they failed. */
  async retryLater(
    claim: Claim,
    events: OutboxDoc[],
    reason: string,
    delayMs: (attempts: number) => number,
  ): Promise<void> {
    if (events.length === 0) return;
    const now = this.clock.now().getTime();
    const operations: AnyBulkWriteOperation<OutboxDoc>[] = events.map((event) => ({
      updateOne: {
        filter: { _id: event._id, claimId: claim.claimId },
        update: {
          $set: { nextAttemptAt: new Date(now + delayMs(event.attempts + 1)), lastError: reason.slice(0, 500) },
          $inc: { attempts: 1 },
          $unset: { lockedUntil: '', claimId: '' },
        },
      },
    }));
    await this.collection.bulkWrite(operations, { ordered: false });
  }

  /** The events waiting to be applied to the indexes, and the oldest one's age: the search lag /metrics shows. */
  async backlog(): Promise<Backlog> {
    const [row] = await this.collection
      .aggregate<Backlog>([{ $group: { _id: null, count: { $sum: 1 }, oldest: { $min: '$createdAt' } } }])
      .toArray();
    return { count: row?.count ?? 0, oldest: row?.oldest };
  }
}
