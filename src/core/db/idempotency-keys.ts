import { randomUUID } from 'node:crypto';
import type { Collection, Db } from 'mongodb';
import { ApiError } from '../errors.js';
import type { IdempotencyClaim } from '../request-deadline.js';
import type { CollectionSpec } from './mongo.js';

/** How long a key is remembered: far longer than any client would wait before sending again. */
const keptForMs = 24 * 60 * 60 * 1000;

interface IdempotencyKeyDoc {
  /** A hash of the caller's account, the operation and the key; never the key as sent. */
  _id: string;
  /** Which request recorded it, so that the same request's second transaction is not taken for a repeat. */
  request: string;
  /** By the real clock, which MongoDB's TTL monitor reads. */
  purgeAfter: Date;
}

export const idempotencyKeysCollection: CollectionSpec = {
  name: 'idempotency_keys',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'request', 'purgeAfter'],
    properties: { _id: { bsonType: 'string' }, request: { bsonType: 'string' }, purgeAfter: { bsonType: 'date' } },
  },
  indexes: [{ key: { purgeAfter: 1 }, name: 'purge_ttl', expireAfterSeconds: 0 }],
};

export const alreadySaved = () =>
  new ApiError(
    'conflict',
    'A request with this Idempotency-Key was already saved, so it was not carried out again. Look up what it made before you change anything.',
  );

/** The Idempotency-Keys of changes that were saved: one document each, written in the change's own transaction. */
export class IdempotencyKeys {
  readonly #keys: Collection<IdempotencyKeyDoc>;
  constructor(db: Db) {
    this.#keys = db.collection<IdempotencyKeyDoc>(idempotencyKeysCollection.name);
  }

  async saved(id: string): Promise<boolean> {
    return (await this.#keys.countDocuments({ _id: id }, { limit: 1 })) > 0;
  }

  /** What a request's transactions write with their change; a second request with the key fails, so only one lands. */
  claim(id: string): IdempotencyClaim {
    const request = randomUUID();
    return {
      record: async (session) => {
        const existing = await this.#keys.findOne({ _id: id }, { session });
        if (existing?.request === request) return;
        if (existing) throw alreadySaved();
        await this.#keys.insertOne({ _id: id, request, purgeAfter: new Date(Date.now() + keptForMs) }, { session });
      },
    };
  }
}
