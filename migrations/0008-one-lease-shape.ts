import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applies them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
const collections: CollectionSpec[] = [
  {
    name: 'leases',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id', 'owner', 'expiresAt'],
      properties: { _id: { bsonType: 'string' }, owner: { bsonType: 'string' }, expiresAt: { bsonType: 'date' } },
    },
    indexes: [],
  },
  {
    name: 'scheduled_runs',
    jsonSchema: {
      bsonType: 'object',
      required: ['_id'],
      properties: { lastDay: { bsonType: 'string' } },
    },
    indexes: [],
  },
];

/**
 * Every background job now holds the same kind of lease (src/core/lease.ts): `owner` and `expiresAt`,
 * in `leases`. The search reconciler's old lease (`holder`, `until`) is dropped: at worst the next
 * reconciliation runs once early. The daily run kept its own lock in `scheduled_runs`; that now only
 * records the last day it finished.
 */
export default {
  description: 'leases: one shape (owner, expiresAt) for every job; scheduled runs keep only their last day',
  async up(db) {
    await db.collection('leases').deleteMany({ owner: { $exists: false } });
    await db.collection('scheduled_runs').updateMany({}, { $unset: { lockedUntil: '', owner: '' } });
    await applyCollectionSpecs(db, collections);
  },
} satisfies Migration;
