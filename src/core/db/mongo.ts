import {
  type Db,
  type Document,
  type IndexDescription,
  MongoBulkWriteError,
  MongoClient,
  MongoError,
  MongoNetworkError,
  MongoNotConnectedError,
  MongoServerError,
  MongoServerSelectionError,
  MongoTopologyClosedError,
} from 'mongodb';

/**
 * What a feature declares about a collection it owns: its validator and indexes. Migrations
 * (migrations/NNNN-name.ts) create them; at start, development and tests check that the database
 * matches (see `schemaDrift`), so a declaration without a migration is caught at once.
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
 * Creates the collections, sets their validators and creates their indexes, as declared. Idempotent.
 * It never drops anything: an index that is no longer declared stays until a migration drops it
 * (a rolling deploy still has old code using it), and a declared index whose shape changed under
 * the same name is refused; give the new shape a new name and drop the old one in the migration.
 */
export async function applyCollectionSpecs(db: Db, specs: CollectionSpec[]): Promise<void> {
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
    if (spec.indexes.length === 0) continue;
    try {
      await db.collection(spec.name).createIndexes(spec.indexes);
    } catch (error) {
      // 85 IndexOptionsConflict / 86 IndexKeySpecsConflict: an index of that name or those keys exists in another shape.
      if (!(error instanceof MongoServerError) || (error.code !== 85 && error.code !== 86)) throw error;
      throw new Error(
        `An index on ${spec.name} clashes with one already there (${error.message}). Give the changed index a new name ` +
          'and drop the old one in the same migration (migrations/README.md).',
      );
    }
  }
}

const indexShape = (index: Document) =>
  JSON.stringify({
    key: index.key,
    unique: index.unique ?? false,
    sparse: index.sparse ?? false,
    expireAfterSeconds: index.expireAfterSeconds,
    partialFilterExpression: index.partialFilterExpression,
  });

/**
 * How the database differs from the declarations: a missing collection, a different validator,
 * a missing or differently shaped index. Indexes the database has beyond the declared ones are
 * not drift: they stay until a migration drops them.
 */
export async function schemaDrift(db: Db, specs: CollectionSpec[]): Promise<string[]> {
  const collections = new Map(
    (await db.listCollections({}, { nameOnly: false }).toArray()).map((c) => [c.name, c as Document]),
  );
  const problems: string[] = [];
  for (const spec of specs) {
    const found = collections.get(spec.name);
    if (!found) {
      problems.push(`collection ${spec.name} does not exist`);
      continue;
    }
    const validator = (found.options as Document | undefined)?.validator?.$jsonSchema;
    if (JSON.stringify(validator) !== JSON.stringify(spec.jsonSchema))
      problems.push(`collection ${spec.name} has a different validator`);
    const indexes = new Map(
      (await db.collection(spec.name).listIndexes().toArray()).map((index) => [index.name as string, index]),
    );
    for (const index of spec.indexes) {
      const existing = indexes.get(index.name);
      if (!existing) problems.push(`index ${spec.name}.${index.name} does not exist`);
      else if (indexShape(existing) !== indexShape(index))
        problems.push(`index ${spec.name}.${index.name} has a different shape`);
    }
  }
  return problems;
}

/**
 * The server codes of a replica set that cannot take the work now: ShutdownInProgress,
 * InterruptedAtShutdown, InterruptedDueToReplStateChange, NotWritablePrimary, NotPrimaryNoSecondaryOk,
 * NotPrimaryOrSecondary, PrimarySteppedDown, HostUnreachable, HostNotFound, NetworkTimeout, SocketException.
 */
const unavailableCodes = new Set([91, 11600, 11602, 10107, 13435, 13436, 189, 6, 7, 89, 9001]);

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
      unavailableCodes.has(Number(error.code)) ||
      (error instanceof MongoBulkWriteError && isBatchCutOff(error))
    );
  }
  return false;
}

/**
 * A batch of writes (insertMany inside a transaction, say) that the primary's stepping down or
 * dying cut off: the driver wraps the network error in a bulk write error, which keeps neither
 * its class nor, always, its labels; or the server reports the step-down as a write error of the batch.
 */
function isBatchCutOff(error: MongoBulkWriteError): boolean {
  const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
  if (writeErrors.some((writeError) => unavailableCodes.has(Number(writeError.code)))) return true;
  // No server code and no write error: the batch never got an answer (the connection closed under it).
  return error.code === undefined && writeErrors.length === 0;
}

/** True for a unique-index violation. */
export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === 11000;
}
