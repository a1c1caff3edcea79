import type { Config } from './core/config.js';
import { systemClock, type Clock } from './core/clock.js';
import { applyCollectionSpecs, createMongoClient } from './core/db/mongo.js';
import type { Logger } from './core/logger.js';
import { applyIndexConfigs, createSearch, loadIndexConfigs } from './core/search/meili.js';
import { collectionSpecs } from './collections.js';
import { DashboardSummaries } from './dashboards/dashboard-summaries.js';
import { placementMatchesCollection } from './journey/journey.repository.js';
import { weeklyLogsCollection } from './journey/progress.repository.js';
import type { Infrastructure } from './services.js';

/**
 * Connects to MongoDB and Meilisearch and makes sure every collection, validator, index and
 * search setting is in place. Used by the server, the scripts and the tests alike.
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
    await applyCollectionSpecs(db, collectionSpecs, logger);
    await new DashboardSummaries(db, { matches: placementMatchesCollection.name, logs: weeklyLogsCollection.name }).ensure(logger);
    const search = createSearch(options.meiliUrl, options.meiliKey, options.indexPrefix ?? config.MEILI_INDEX_PREFIX, config.MEILI_TIMEOUT_MS);
    await applyIndexConfigs(search, await loadIndexConfigs());
    return { config, mongo, db, search, clock: options.clock ?? systemClock, logger };
  } catch (error) {
    await mongo.close();
    throw error;
  }
}
