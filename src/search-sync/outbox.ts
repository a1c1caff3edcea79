import type { ClientSession, Collection, Db } from 'mongodb';
import { ObjectId } from 'mongodb';
import type { Clock } from '../core/clock.js';
import type { CollectionSpec } from '../core/db/mongo.js';

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
    },
  },
  indexes: [{ key: { nextAttemptAt: 1, _id: 1 }, name: 'due' }, { key: { entity: 1, entityId: 1 }, name: 'entity' }],
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
      ids.map((entityId) => ({ _id: new ObjectId(), entity, entityId, createdAt: now, attempts: 0, nextAttemptAt: now })),
      { session },
    );
  }
}
