import { refreshTokensCollection } from '../src/auth/tokens.js';
import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { webSessionsCollection } from '../src/web/sessions.js';

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
      [webSessionsCollection, 'expire_ttl'],
      [refreshTokensCollection, 'expiry_ttl'],
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
