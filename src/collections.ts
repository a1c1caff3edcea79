import type { CollectionSpec } from './core/db/mongo.js';

/** Every collection the service owns, with its validator and indexes. Features add theirs here. */
export const collectionSpecs: CollectionSpec[] = [];
