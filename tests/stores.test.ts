import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectionSpecs } from '../src/collections.js';
import { applyCollectionSpecs } from '../src/core/db/mongo.js';
import { applyIndexConfigs, loadIndexConfigs } from '../src/core/search/meili.js';
import { createHarness, type Harness } from './helpers/harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

const indexesOf = async (name: string) =>
  (await harness.services.db.collection(name).listIndexes().toArray()).map((index) => `${index.name} ${JSON.stringify(index.key)}${index.unique ? ' unique' : ''}`).sort();

describe('applying the store definitions at start', () => {
  it('is safe to run again on an existing database', async () => {
    const before = await Promise.all(collectionSpecs.map((spec) => indexesOf(spec.name)));
    await applyCollectionSpecs(harness.services.db, collectionSpecs);
    await applyIndexConfigs(harness.services.search, await loadIndexConfigs());
    expect(await Promise.all(collectionSpecs.map((spec) => indexesOf(spec.name)))).toEqual(before);
  });

  it('declares a validator for every collection that holds records', async () => {
    const collections = await harness.services.db.listCollections({}, { nameOnly: false }).toArray();
    const withoutValidator = collections
      .filter((collection) => !('validator' in ((collection as { options?: Record<string, unknown> }).options ?? {})))
      .map((collection) => collection.name);
    expect(withoutValidator).toEqual(['login_throttle']);
  });

  it('follows an index whose options, name or keys changed', async () => {
    const { db } = harness.services;
    await applyCollectionSpecs(db, [{ name: 'index_changes', indexes: [{ key: { a: 1 }, name: 'by_a' }] }]);
    await applyCollectionSpecs(db, [{ name: 'index_changes', indexes: [{ key: { a: 1 }, name: 'by_a_renamed', unique: true }] }]);
    expect(await indexesOf('index_changes')).toEqual(['_id_ {"_id":1}', 'by_a_renamed {"a":1} unique']);
    await applyCollectionSpecs(db, [{ name: 'index_changes', indexes: [{ key: { a: 1, b: 1 }, name: 'by_a_renamed' }] }]);
    expect(await indexesOf('index_changes')).toEqual(['_id_ {"_id":1}', 'by_a_renamed {"a":1,"b":1}']);
  });
});
