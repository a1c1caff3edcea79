import { idempotencyKeysCollection } from '../src/core/db/idempotency-keys.js';
import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';

export default {
  description: 'idempotency_keys: the Idempotency-Keys of saved changes, removed after a day',
  async up(db) {
    await applyCollectionSpecs(db, [idempotencyKeysCollection]);
  },
} satisfies Migration;
