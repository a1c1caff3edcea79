import type { Migration } from '../src/core/db/migrations.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { outcomeCountsCollection, replacedOutcomeCountsIndex } from '../src/dashboards/dashboard-summaries.js';
import { youngPeopleCollection } from '../src/young-people/young-people.repository.js';

/**
 * The provider dashboard pages its job coaches: their outcome rows (now one per coach and academic
 * year, and one for all years) are indexed busiest first, replacing the index on provider and grain
 * that the new one starts with. The rows themselves are rebuilt at the next start (their version
 * changed). Young people admitted by an eligibility exception get a partial index of their own.
 */
export default {
  description: 'dashboard outcome counts ranked by proposals per coach and year; young people eligibility exceptions',
  async up(db) {
    await applyCollectionSpecs(db, [outcomeCountsCollection, youngPeopleCollection]);
    const indexes = await db.collection(outcomeCountsCollection.name).listIndexes().toArray();
    if (indexes.some((index) => index.name === replacedOutcomeCountsIndex))
      await db.collection(outcomeCountsCollection.name).dropIndex(replacedOutcomeCountsIndex);
  },
} satisfies Migration;
