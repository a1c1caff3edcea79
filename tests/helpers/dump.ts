import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BSON, type Db, type Document } from 'mongodb';

/**
 * A copy of a database in mongodump's layout: per collection, `<name>.bson` (its documents as
 * concatenated BSON) and `<name>.metadata.json` (its options, validator included, and indexes).
 * Made with the driver because the MongoDB Database Tools (mongodump, mongorestore) are not
 * packaged for this machine; an operator uses the tools themselves (docs/operations.md).
 */
export async function dumpDatabase(db: Db, dir: string): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const info of await db.listCollections({ type: 'collection' }).toArray()) {
    if (info.name.startsWith('system.')) continue;
    const collection = db.collection(info.name);
    const documents: Uint8Array[] = [];
    for await (const raw of collection.find({}, { raw: true })) documents.push(raw as unknown as Uint8Array);
    writeFileSync(path.join(dir, `${info.name}.bson`), Buffer.concat(documents));
    const metadata = { options: 'options' in info ? info.options : {}, indexes: await collection.indexes() };
    writeFileSync(path.join(dir, `${info.name}.metadata.json`), BSON.EJSON.stringify(metadata, { relaxed: false }));
    names.push(info.name);
  }
  return names;
}

/** Loads a dump made by `dumpDatabase` into an empty database, as mongorestore does: options, indexes, documents. */
export async function restoreDatabase(db: Db, dir: string): Promise<void> {
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.metadata.json'))) {
    const name = file.slice(0, -'.metadata.json'.length);
    const { options, indexes } = BSON.EJSON.parse(readFileSync(path.join(dir, file), 'utf8'), {
      relaxed: false,
    }) as { options: Document; indexes: Document[] };
    await db.createCollection(name, options);
    const secondary = indexes.filter((index) => index.name !== '_id_').map(({ v: _v, ns: _ns, ...index }) => index);
    if (secondary.length > 0) await db.command({ createIndexes: name, indexes: secondary });
    const bytes = readFileSync(path.join(dir, `${name}.bson`));
    const documents: Document[] = [];
    for (let offset = 0; offset < bytes.length; ) {
      const size = bytes.readInt32LE(offset);
      // Values stay as stored (an Int32 stays an Int32), so the copy matches the original byte for byte.
      documents.push(BSON.deserialize(bytes.subarray(offset, offset + size), { promoteValues: false }));
      offset += size;
    }
    if (documents.length > 0) await db.collection(name).insertMany(documents);
  }
}
