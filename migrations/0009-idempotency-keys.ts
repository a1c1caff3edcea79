import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/** The declaration as this migration applies it: a copy (see README.md). */
const idempotencyKeys: CollectionSpec = {
  name: 'idempotency_keys',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'request', 'purgeAfter'],
    properties: { _id: { bsonType: 'string' }, request: { bsonType: 'string' }, purgeAfter: { bsonType: 'date' } },
  },
  indexes: [{ key: { purgeAfter: 1 }, name: 'purge_ttl', expireAfterSeconds: 0 }],
};

export default {
  description: 'idempotency_keys: the Idempotency-Keys of saved changes, removed after a day',
  async up(db) {
    await applyCollectionSpecs(db, [idempotencyKeys]);
  },
} satisfies Migration;
