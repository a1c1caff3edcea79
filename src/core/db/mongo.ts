import {
  MongoClient,
  MongoError,
  MongoNetworkError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
  MongoNotConnectedError,
  MongoServerError,
  type Db,
  type Document,
  type IndexDescription,
} from 'mongodb';
import type { Logger } from '../logger.js';

/**
 * What a feature declares about a collection it owns; applied idempotently at start. The declared
 * indexes are all the indexes the collection has: one that is no longer declared is dropped.
 */
export interface CollectionSpec {
  name: string;
  /** A `$jsonSchema` document; the server rejects writes that break it. */
  jsonSchema?: Document;
  indexes: (IndexDescription & { name: string })[];
}

export function createMongoClient(uri: string, timeoutMs: number): MongoClient {
  return new MongoClient(uri, {
    serverSelectionTimeoutMS: timeoutMs,
    connectTimeoutMS: timeoutMs,
    appName: 'supported-internships',
    retryWrites: true,
    writeConcern: { w: 'majority' },
    // Reads use the server default ('local'): a majority read straight after a majority write can
    // miss it while the majority snapshot catches up, and requests here read what they just wrote.
  });
}

/**
 * Creates or updates every collection's validator and indexes. Safe to run on every start:
 * existing collections get `collMod`, existing identical indexes are left alone, and an index
 * whose options changed is rebuilt.
 */
export async function applyCollectionSpecs(db: Db, specs: CollectionSpec[], logger?: Logger): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const spec of specs) {
    const validation = spec.jsonSchema
      ? { validator: { $jsonSchema: spec.jsonSchema }, validationLevel: 'strict', validationAction: 'error' }
      : {};
    if (!existing.has(spec.name)) {
      await db.createCollection(spec.name, validation);
    } else if (spec.jsonSchema) {
      await db.command({ collMod: spec.name, ...validation });
    }
    await applyIndexes(db, spec, logger);
  }
}

async function applyIndexes(db: Db, spec: CollectionSpec, logger?: Logger): Promise<void> {
  const collection = db.collection(spec.name);
  const declared = new Set(spec.indexes.map((index) => index.name));
  for (const existing of await collection.listIndexes().toArray()) {
    if (existing.name !== '_id_' && !declared.has(existing.name)) {
      logger?.warn({ collection: spec.name, index: existing.name }, 'index no longer declared; dropping it');
      await collection.dropIndex(existing.name as string);
    }
  }
  if (spec.indexes.length === 0) return;
  try {
    await collection.createIndexes(spec.indexes);
  } catch (error) {
    // 85 IndexOptionsConflict / 86 IndexKeySpecsConflict: a declared index changed shape.
    if (!(error instanceof MongoServerError) || (error.code !== 85 && error.code !== 86)) throw error;
    for (const index of spec.indexes) {
      try {
        await collection.createIndexes([index]);
      } catch (inner) {
        if (!(inner instanceof MongoServerError) || (inner.code !== 85 && inner.code !== 86)) throw inner;
        // The clash is with an index of the same name or of the same keys under another name.
        const sameKeys = (existing: Document) => JSON.stringify(existing.key) === JSON.stringify(index.key);
        const clashing = (await collection.listIndexes().toArray()).filter((existing) => existing.name === index.name || sameKeys(existing));
        for (const existing of clashing) {
          logger?.warn({ collection: spec.name, index: existing.name }, 'index definition changed; rebuilding it');
          await collection.dropIndex(existing.name as string);
        }
        await collection.createIndexes([index]);
      }
    }
  }
}

/** True when the error means MongoDB itself could not be reached or is not accepting work. */
export function isMongoUnavailable(error: unknown): boolean {
  if (
    error instanceof MongoServerSelectionError ||
    error instanceof MongoNetworkError ||
    error instanceof MongoTopologyClosedError ||
    error instanceof MongoNotConnectedError
  ) {
    return true;
  }
  if (error instanceof MongoError) {
    return (
      error.hasErrorLabel('RetryableWriteError') ||
      error.hasErrorLabel('TransientTransactionError') ||
      // ShutdownInProgress, InterruptedAtShutdown, NotWritablePrimary, PrimarySteppedDown, HostUnreachable
      [91, 11600, 10107, 189, 6, 7, 89].includes(Number(error.code))
    );
  }
  return false;
}

/** True for a unique-index violation. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
