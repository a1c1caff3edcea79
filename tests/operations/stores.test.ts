import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSpecs } from '../../src/collections.js';
import { applyCollectionSpecs } from '../../src/core/db/mongo.js';
import { applyIndexConfigs, loadIndexConfigs } from '../../src/core/search/meili.js';
import { createHarness, type Harness } from '../helpers/harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

const indexesOf = async (name: string) =>
  (await harness.services.db.collection(name).listIndexes().toArray())
    .map((index) => `${index.name} ${JSON.stringify(index.key)}${index.unique ? ' unique' : ''}`)
    .sort();

describe('the store definitions', () => {
  it('are safe to apply again on an existing database', async () => {
    const before = await Promise.all(collectionSpecs.map((spec) => indexesOf(spec.name)));
    await applyCollectionSpecs(harness.services.db, collectionSpecs);
    await applyIndexConfigs(harness.services.search, await loadIndexConfigs());
    expect(await Promise.all(collectionSpecs.map((spec) => indexesOf(spec.name)))).toEqual(before);
  });

  it('declares a validator for every collection that holds records', async () => {
    const collections = await harness.services.db.listCollections({}, { nameOnly: false }).toArray();
    const withoutValidator = collections
      .filter((collection) => !('validator' in ((collection as { options?: Record<string, unknown> }).options ?? {})))
      .map((collection) => collection.name)
      .sort();
    // The migrations' own record and lock are written only by the migration runner.
    expect(withoutValidator).toEqual(['login_throttle', 'schema_migrations', 'schema_migrations_lock']);
  });
});
