import { isDuplicateKey } from '../src/core/db/mongo.js';
import type { System } from '../src/services.js';
import { generate } from './generate.js';
import { hasAccounts, type LoadSummary, loadDataset } from './load.js';

/**
 * Called by the service before it listens: fills an empty development database with the default
 * demo data set and makes it searchable, so the first `npm start` has something to show. Never
 * in production, only with SEED_DEMO_DATA=auto, and only into a database with no accounts.
 */
export async function seedDemoDataIfEmpty(services: System): Promise<LoadSummary | undefined> {
  const { config, logger } = services;
  if (config.NODE_ENV === 'production' || config.SEED_DEMO_DATA !== 'auto') return undefined;
  if (await hasAccounts(services)) return undefined;
  logger.info(
    'the database has no accounts: loading the demo data set (SEED_DEMO_DATA=auto; the demo accounts are listed in README.md)',
  );
  try {
    const summary = await loadDataset(services, generate());
    logger.info(
      { ...summary.counts, loadMs: Math.round(summary.loadMs), searchableMs: Math.round(summary.searchableMs ?? 0) },
      'demo data loaded',
    );
    return summary;
  } catch (error) {
    // Another process started on the same empty database and is loading the same records.
    if (!isDuplicateKey(error)) throw error;
    logger.warn('demo data is already being loaded by another process; starting without loading it again');
    return undefined;
  }
}
