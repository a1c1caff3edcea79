import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs, type CollectionSpec } from '../src/core/db/mongo.js';

/**
 * The declarations as this migration applied them: a copy, so that it does the same on every database,
 * whatever src/ declares later (see README.md).
 */
const webSessions: CollectionSpec = {
  name: 'web_sessions',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'tokenHash', 'accountId', 'csrfToken', 'createdAt', 'lastSeenAt', 'expiresAt'],
    properties: {
      tokenHash: {
        bsonType: 'string',
      },
      accountId: {
        bsonType: 'objectId',
      },
      csrfToken: {
        bsonType: 'string',
      },
      createdAt: {
        bsonType: 'date',
      },
      lastSeenAt: {
        bsonType: 'date',
      },
      expiresAt: {
        bsonType: 'date',
      },
      purgeAfter: {
        bsonType: 'date',
      },
    },
  },
  indexes: [
    {
      key: {
        tokenHash: 1,
      },
      name: 'token_hash',
      unique: true,
    },
    {
      key: {
        accountId: 1,
      },
      name: 'account',
    },
    {
      key: {
        purgeAfter: 1,
      },
      name: 'purge_ttl',
      expireAfterSeconds: 0,
    },
  ],
};
const refreshTokens: CollectionSpec = {
  name: 'refresh_tokens',
  jsonSchema: {
    bsonType: 'object',
    required: ['_id', 'tokenHash', 'accountId', 'familyId', 'createdAt', 'expiresAt'],
    properties: {
      tokenHash: {
        bsonType: 'string',
      },
      accountId: {
        bsonType: 'objectId',
      },
      familyId: {
        bsonType: 'string',
      },
      createdAt: {
        bsonType: 'date',
      },
      expiresAt: {
        bsonType: 'date',
      },
      purgeAfter: {
        bsonType: 'date',
      },
      usedAt: {
        bsonType: 'date',
      },
      revokedAt: {
        bsonType: 'date',
      },
    },
  },
  indexes: [
    {
      key: {
        tokenHash: 1,
      },
      name: 'token_hash',
      unique: true,
    },
    {
      key: {
        familyId: 1,
      },
      name: 'family',
    },
    {
      key: {
        accountId: 1,
      },
      name: 'account',
    },
    {
      key: {
        purgeAfter: 1,
      },
      name: 'purge_ttl',
      expireAfterSeconds: 86400,
    },
  ],
};

/**
 * Web sessions and refresh tokens were removed by TTL indexes on `expiresAt`, set from the service's
 * clock; MongoDB's TTL monitor reads the real clock, so with the service clock set in the past they
 * were removed within a minute. They are now removed on `purgeAfter`, set from the real clock. Records
 * made before this get `purgeAfter` = `expiresAt`, so they are removed when they would have been.
 */
export default {
  description: 'web sessions and refresh tokens: TTL on purgeAfter (real clock) instead of expiresAt',
  async up(db) {
    for (const [spec, oldIndex] of [
      [webSessions, 'expire_ttl'],
      [refreshTokens, 'expiry_ttl'],
    ] as const) {
      const collection = db.collection(spec.name);
      await collection.updateMany({ purgeAfter: { $exists: false } }, [{ $set: { purgeAfter: '$expiresAt' } }]);
      await applyCollectionSpecs(db, [spec]);
      const indexes = (await db.listCollections({ name: spec.name }).hasNext())
        ? await collection.listIndexes().toArray()
        : [];
      if (indexes.some((index) => index.name === oldIndex)) await collection.dropIndex(oldIndex);
    }
  },
} satisfies Migration;
