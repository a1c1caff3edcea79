import type { App } from './app.js';
import { createApp } from './app.js';
import { collectionSpecs } from './collections.js';
import { type Clock, systemClock } from './core/clock.js';
import type { Config } from './core/config.js';
import { loadMigrations, migrate, pendingMigrations } from './core/db/migrations.js';
import { createMongoClient, schemaDrift } from './core/db/mongo.js';
import type { Logger } from './core/logger.js';
import { applyIndexConfigs, createSearch, loadIndexConfigs } from './core/search/meili.js';
import { DashboardSummaries } from './dashboards/dashboard-summaries.js';
import { type StoreEndpoints, Stores } from './embedded/index.js';
import { journeysCollection } from './journey/journey.repository.js';
import { weeklyLogsCollection } from './journey/progress.repository.js';
import { createServices, type Infrastructure, type ServiceOptions, type System } from './services.js';

/**
 * Connects to MongoDB and Meilisearch and applies the search settings (idempotent). The database's
 * collections, validators and indexes are the migrations' business (see `prepareDatabase`).
 */
export async function openInfrastructure(options: {
  config: Config;
  logger: Logger;
  mongoUri: string;
  dbName?: string;
  meiliUrl: string;
  meiliKey: string | undefined;
  indexPrefix?: string;
  clock?: Clock;
}): Promise<Infrastructure> {
  const { config, logger } = options;
  const mongo = createMongoClient(options.mongoUri, config.MONGO_TIMEOUT_MS);
  await mongo.connect();
  try {
    const db = mongo.db(options.dbName ?? config.MONGODB_DB);
    const search = createSearch(
      options.meiliUrl,
      options.meiliKey,
      options.indexPrefix ?? config.MEILI_INDEX_PREFIX,
      config.MEILI_TIMEOUT_MS,
    );
    await applyIndexConfigs(search, await loadIndexConfigs());
    return { config, mongo, db, search, clock: options.clock ?? systemClock, logger };
  } catch (error) {
    await mongo.close();
    throw error;
  }
}

/**
 * Brings the database up to date before anything uses it. In development and tests the pending
 * migrations run here, and then the database must match every collection's declaration: a
 * declaration changed without a migration stops the start, naming what differs. In production
 * migrations are a deploy step (`npm run migrate`), so a database that is behind stops the start.
 */
export async function prepareDatabase(infra: Infrastructure, options: { migrate?: boolean } = {}): Promise<void> {
  const { config, db, logger } = infra;
  const migrations = await loadMigrations();
  if (!(options.migrate ?? config.NODE_ENV !== 'production')) {
    const pending = await pendingMigrations(db, migrations);
    if (pending.length > 0) {
      throw new Error(
        `the database needs migrations ${pending.map((m) => m.id).join(', ')}: run npm run migrate first`,
      );
    }
  } else {
    await migrate(db, { logger, migrations });
    const drift = await schemaDrift(db, collectionSpecs);
    if (drift.length > 0) {
      throw new Error(
        `the database does not match the collections declared in src/ (${drift.join('; ')}). ` +
          'A change to a collection, validator or index needs a migration: add migrations/NNNN-name.ts (see migrations/README.md).',
      );
    }
  }
  // The dashboards' summaries carry their own version and are rebuilt when it changes.
  await new DashboardSummaries(db, {
    matches: journeysCollection.name,
    logs: weeklyLogsCollection.name,
  }).ensure(logger);
}

export interface RunningSystem {
  system: System;
  app: App;
  /** Stops the background workers (search sync, reconciler, notifications), closes the connections and stops the stores this process started. */
  close(): Promise<void>;
}

/**
 * The one start-up path of the service, the scripts, the benchmarks and the tests: finds or starts
 * the stores (MONGODB_URI / MEILI_URL, or the embedded ones under DATA_DIR), connects, prepares the
 * database, and builds the services and the app. Pass `stores` to be able to stop a start half-way.
 */
export async function startSystem(options: {
  config: Config;
  logger: Logger;
  clock?: Clock;
  stores?: Stores;
  services?: ServiceOptions;
  /** Run the pending migrations first; by default everywhere but production (where they are a deploy step). */
  migrate?: boolean;
}): Promise<RunningSystem> {
  const stores = options.stores ?? new Stores();
  let infra: Infrastructure | undefined;
  try {
    const endpoints: StoreEndpoints = await stores.start(options.config, options.logger);
    infra = await openInfrastructure({
      config: options.config,
      logger: options.logger,
      ...endpoints,
      ...(options.clock ? { clock: options.clock } : {}),
    });
    await prepareDatabase(infra, options.migrate === undefined ? {} : { migrate: options.migrate });
    const system = await createServices(infra, options.services);
    const connections = infra;
    return {
      system,
      app: createApp(system.services),
      async close() {
        // The sync batch in hand finishes before MongoDB closes; the rest stays in the outbox for next time.
        await system.searchReconciler.stop();
        await system.searchSync.stop();
        await system.notificationDelivery?.close();
        await system.dailyNotifications.stop();
        await system.documentRetention.stop();
        await connections.mongo.close();
        await stores.stop();
      },
    };
  } catch (error) {
    await infra?.mongo.close();
    await stores.stop();
    throw error;
  }
}
