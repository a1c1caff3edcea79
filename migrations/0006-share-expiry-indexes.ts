import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { passportCollections } from '../src/passports/passports.repository.js';

/**
 * The daily run looks for passport shares ending soon and shares withdrawn since its last run; without
 * these indexes each run read every share ever made.
 */
export default {
  description: 'passport shares: indexes on expiresAt and withdrawnAt for the daily notices',
  async up(db) {
    await applyCollectionSpecs(
      db,
      passportCollections.filter((spec) => spec.name === 'passport_shares'),
    );
  },
} satisfies Migration;
