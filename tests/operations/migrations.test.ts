import { type Db, type MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectionSpecs } from '../../src/collections.js';
import { appliedMigrations, type LoadedMigration, loadMigrations, migrate } from '../../src/core/db/migrations.js';
import { applyCollectionSpecs, createMongoClient, schemaDrift } from '../../src/core/db/mongo.js';
import { createLogger } from '../../src/core/logger.js';
import { uniqueName } from '../helpers/harness.js';

const logger = createLogger('silent');
let mongo: MongoClient;
let migrations: LoadedMigration[];
const databases: Db[] = [];

beforeAll(async () => {
  mongo = createMongoClient(inject('mongoUri'), 5000);
  await mongo.connect();
  migrations = await loadMigrations();
});
afterAll(async () => {
  await Promise.all(databases.map((db) => db.dropDatabase()));
  await mongo.close();
});

function freshDatabase(): Db {
  const db = mongo.db(uniqueName('migrations'));
  databases.push(db);
  return db;
}

const indexNames = async (db: Db, collection: string) =>
  (await db.collection(collection).listIndexes().toArray()).map((index) => index.name).sort();

describe('migrations', () => {
  it('are numbered files in migrations/, in order, each with a description', () => {
    expect(migrations.length).toBeGreaterThanOrEqual(2);
    expect(migrations.map((m) => m.version)).toEqual([...migrations.map((m) => m.version)].sort((a, b) => a - b));
    for (const migration of migrations) expect(migration.description.length, migration.id).toBeGreaterThan(10);
  });

  it('bring an empty database to exactly what the code declares, and record each one', async () => {
    const db = freshDatabase();
    const { applied } = await migrate(db, { logger, migrations });
    expect(applied).toEqual(migrations.map((m) => m.id));
    expect(await appliedMigrations(db)).toEqual(migrations.map((m) => m.id));
    expect(await schemaDrift(db, collectionSpecs)).toEqual([]);
    expect((await migrate(db, { logger, migrations })).applied).toEqual([]);
  });

  it('bring a database in use at the previous version up to date, keeping its records', async () => {
    const db = freshDatabase();
    const previous = migrations.slice(0, -1);
    await migrate(db, { logger, migrations: previous });
    const providerId = new ObjectId();
    await db.collection('providers').insertOne({
      _id: providerId,
      name: 'Aire Valley College',
      kind: 'college',
      localAuthority: 'Leeds',
      createdAt: new Date(),
    });
    await db.collection('accounts').insertOne({
      _id: new ObjectId(),
      email: 'coach@college.example',
      name: 'Robin Coach',
      role: 'job_coach',
      status: 'active',
      providerId,
      actsFor: [],
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    // No drift is asserted here: the last migration changes what the code declares.

    const { applied } = await migrate(db, { logger, migrations });
    expect(applied).toEqual([migrations.at(-1)!.id]);
    expect(await schemaDrift(db, collectionSpecs)).toEqual([]);
    expect(await db.collection('accounts').countDocuments({ providerId })).toBe(1);
    expect(await db.collection('providers').countDocuments({})).toBe(1);
  });

  it('0005 replaces the dashboard outcome rows’ provider index by the coach ranking, and indexes eligibility exceptions', async () => {
    const db = freshDatabase();
    const before = migrations.filter((m) => m.version < 5);
    await migrate(db, { logger, migrations: before });
    // As a database made before 0005 has them: the old index, and neither new one.
    await db.collection('dashboard_outcome_counts').dropIndex('provider_grain_year_ranking');
    await db
      .collection('dashboard_outcome_counts')
      .createIndex({ providerId: 1, grain: 1 }, { name: 'provider_grain' });
    await db.collection('young_people').dropIndex('provider_eligibility_exceptions');
    expect(await schemaDrift(db, collectionSpecs)).not.toEqual([]);
    await migrate(db, { logger, migrations });
    expect(await schemaDrift(db, collectionSpecs)).toEqual([]);
    expect(await indexNames(db, 'dashboard_outcome_counts')).toEqual(['_id_', 'provider_grain_year_ranking']);
    expect(await indexNames(db, 'young_people')).toContain('provider_eligibility_exceptions');
  });

  it('the Access to Work migration gives weekly logs written before it 0 study hours, keeping their coaching hours', async () => {
    const db = freshDatabase();
    const accessToWork = migrations.find((m) => m.id.endsWith('-access-to-work'))!;
    await migrate(db, { logger, migrations: migrations.filter((m) => m.version < accessToWork.version) });
    const log = {
      _id: new ObjectId(),
      matchId: new ObjectId(),
      youngPersonId: new ObjectId(),
      providerId: new ObjectId(),
      employerId: new ObjectId(),
      weekStarting: '2026-09-14',
      weekNumber: 1,
      hoursWorked: 20,
      tasksDone: [],
      supportHours: 15,
      independence: [],
      recordedBy: { accountId: new ObjectId(), role: 'job_coach' },
      recordedAt: new Date(),
    };
    await db.collection('internship_weekly_logs').insertOne(log);
    await migrate(db, { logger, migrations });
    expect(await schemaDrift(db, collectionSpecs)).toEqual([]);
    expect(await db.collection('internship_weekly_logs').findOne({ _id: log._id })).toMatchObject({
      supportHours: 15,
      studyHours: 0,
    });
    expect(await indexNames(db, 'access_to_work_claims')).toContain('young_person_month_unique');
  });

  it('run once when two instances start at the same moment: the second waits for the lock, then has nothing to do', async () => {
    const db = freshDatabase();
    let running = 0;
    let mostAtOnce = 0;
    const slow = (version: number): LoadedMigration => ({
      id: `${String(version).padStart(4, '0')}-slow-step`,
      version,
      description: 'a step slow enough for the other runner to arrive while it runs',
      async up(target) {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await target.collection('steps').insertOne({ version });
        running--;
      },
    });
    const steps = [slow(1), slow(2), slow(3)];
    const [first, second] = await Promise.all([
      migrate(db, { logger, migrations: steps }),
      migrate(db, { logger, migrations: steps }),
    ]);
    expect([...first.applied, ...second.applied].sort()).toEqual(steps.map((step) => step.id));
    expect([first.applied.length, second.applied.length].sort()).toEqual([0, 3]);
    expect(mostAtOnce).toBe(1);
    expect(await db.collection('steps').countDocuments({})).toBe(3);
    expect(await db.collection('schema_migrations_lock').countDocuments({})).toBe(0);
  });

  it('take over a lock whose holder died, once its lease has run out', async () => {
    const db = freshDatabase();
    await db
      .collection<{ _id: string; owner: string; expiresAt: Date }>('schema_migrations_lock')
      .insertOne({ _id: 'migrations', owner: 'a process that was killed', expiresAt: new Date(Date.now() + 500) });
    const { applied } = await migrate(db, { logger, migrations: migrations.slice(0, 1) });
    expect(applied).toEqual([migrations[0]!.id]);
  });

  it('leave a failed migration unrecorded, so it runs again next time', async () => {
    const db = freshDatabase();
    const failing: LoadedMigration = {
      id: '0001-fails',
      version: 1,
      description: 'fails half-way through',
      up: () => Promise.reject(new Error('disk full')),
    };
    await expect(migrate(db, { logger, migrations: [failing] })).rejects.toThrow('disk full');
    expect(await appliedMigrations(db)).toEqual([]);
    expect(await db.collection('schema_migrations_lock').countDocuments({})).toBe(0);
  });
});

describe('applying collection declarations', () => {
  it('never drops an index: one no longer declared stays until a migration drops it', async () => {
    const db = freshDatabase();
    await applyCollectionSpecs(db, [
      {
        name: 'things',
        indexes: [
          { key: { a: 1 }, name: 'by_a' },
          { key: { b: 1 }, name: 'by_b' },
        ],
      },
    ]);
    await applyCollectionSpecs(db, [{ name: 'things', indexes: [{ key: { a: 1 }, name: 'by_a' }] }]);
    expect(await indexNames(db, 'things')).toEqual(['_id_', 'by_a', 'by_b']);
  });

  it('refuses an index whose shape changed under the same name, saying what to do', async () => {
    const db = freshDatabase();
    await applyCollectionSpecs(db, [{ name: 'things', indexes: [{ key: { a: 1 }, name: 'by_a' }] }]);
    await expect(
      applyCollectionSpecs(db, [{ name: 'things', indexes: [{ key: { a: 1 }, name: 'by_a', unique: true }] }]),
    ).rejects.toThrow(/new name/);
    expect(
      await schemaDrift(db, [{ name: 'things', indexes: [{ key: { a: 1 }, name: 'by_a', unique: true }] }]),
    ).toEqual(['index things.by_a has a different shape']);
  });
});
