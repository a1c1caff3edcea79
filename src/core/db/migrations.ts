import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Db } from 'mongodb';
import { systemClock } from '../clock.js';
import { Lease } from '../lease.js';
import { errorSummary, type Logger } from '../logger.js';

/**
 * Schema migrations: every change to what MongoDB holds (a new collection or index, a changed
 * validator, a renamed field, an index dropped) is a file `migrations/NNNN-short-name.ts` whose
 * default export is a `Migration`. They run in order, each once per database, recorded in
 * `schema_migrations`; a lock in MongoDB makes a second runner wait, so two instances starting
 * together never run them twice. See migrations/README.md.
 */
export interface Migration {
  /** One line: what this migration changes and why. */
  description: string;
  up(db: Db, log: Logger): Promise<void>;
}

export interface LoadedMigration extends Migration {
  /** The file name without extension, e.g. `0002-sign-ins-and-web-sessions`; also its record's id. */
  id: string;
  version: number;
}

interface MigrationRecord {
  _id: string;
  version: number;
  description: string;
  appliedAt: Date;
  durationMs: number;
}

export const migrationsCollection = 'schema_migrations';
const lockCollection = 'schema_migrations_lock';
const fileName = /^(\d{4})-[a-z0-9-]+\.(ts|js)$/;

/** The migrations folder: `migrations/` beside `src/`, in the source tree and in `dist/` alike. */
export const migrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

export async function loadMigrations(dir = migrationsDir): Promise<LoadedMigration[]> {
  const files = (await readdir(dir)).filter((name) => fileName.test(name) && !name.endsWith('.d.ts')).sort();
  const migrations: LoadedMigration[] = [];
  for (const file of files) {
    const id = file.replace(/\.(ts|js)$/, '');
    const loaded = (await import(pathToFileURL(`${dir}/${file}`).href)) as { default?: Migration };
    if (!loaded.default?.up) throw new Error(`migrations/${file} has no default export with an up() function`);
    migrations.push({ ...loaded.default, id, version: Number(file.slice(0, 4)) });
  }
  const versions = migrations.map((m) => m.version);
  const repeated = versions.find((version, i) => versions.indexOf(version) !== i);
  if (repeated !== undefined)
    throw new Error(`two migrations have the number ${String(repeated).padStart(4, '0')}; renumber the newer one`);
  return migrations;
}

/** The ids of the migrations this database has had, oldest first. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  const done = await db
    .collection<MigrationRecord>(migrationsCollection)
    .find({}, { sort: { version: 1 } })
    .toArray();
  return done.map((record) => record._id);
}

export async function pendingMigrations(db: Db, migrations: LoadedMigration[]): Promise<LoadedMigration[]> {
  const applied = new Set(await appliedMigrations(db));
  return migrations.filter((migration) => !applied.has(migration.id));
}

export interface MigrateOptions {
  logger: Logger;
  migrations?: LoadedMigration[];
  /** How long a runner may hold the lock without renewing it before another may take it over. */
  lockTtlMs?: number;
  /** How long to wait for another runner to finish. */
  waitMs?: number;
}

/**
 * Runs every pending migration in order, holding the lock. Another runner waits for the lock and
 * then finds nothing left to do. A migration that fails stops the run; it is not recorded, so it
 * runs again next time (migrations are written to be safe to re-run).
 */
export async function migrate(db: Db, options: MigrateOptions): Promise<{ applied: string[] }> {
  const migrations = options.migrations ?? (await loadMigrations());
  // The lock lives in a collection of its own: the `leases` collection is made by a migration.
  const lock = new Lease({
    db,
    name: 'migrations',
    collection: lockCollection,
    clock: systemClock,
    ttlMs: options.lockTtlMs ?? 60_000,
  });
  const locked = await lock.acquireWithin({
    waitMs: options.waitMs ?? 10 * 60_000,
    onWait: () => options.logger.info('waiting for another process to finish the migrations'),
  });
  if (!locked) throw new Error('another process has been running the migrations for too long; is one stuck?');
  return lock.hold(
    async () => {
      const applied: string[] = [];
      for (const migration of await pendingMigrations(db, migrations)) {
        const started = performance.now();
        options.logger.info({ migration: migration.id }, `migrating: ${migration.description}`);
        await migration.up(db, options.logger);
        await db.collection<MigrationRecord>(migrationsCollection).insertOne({
          _id: migration.id,
          version: migration.version,
          description: migration.description,
          appliedAt: new Date(),
          durationMs: Math.round(performance.now() - started),
        });
        applied.push(migration.id);
      }
      return { applied };
    },
    (error) => options.logger.warn({ err: errorSummary(error) }, 'could not renew the migrations lock'),
  );
}
