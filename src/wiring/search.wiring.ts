import { ReadConcern } from 'mongodb';
import { withRequestTimeout } from '../core/search/meili.js';
import { EmployersRepository } from '../employers/employers.repository.js';
import { PlacementsRepository } from '../placements/placements.repository.js';
import { SearchIndexer } from '../search-sync/indexer.js';
import { SearchOutbox } from '../search-sync/outbox.js';
import { SearchReconciler } from '../search-sync/reconcile.js';
import { SearchSyncWorker, syncRequestTimeoutMs } from '../search-sync/worker.js';
import { YoungPeopleRepository } from '../young-people/young-people.repository.js';
import type { Infrastructure } from './infrastructure.js';
import type { SharedStores } from './stores.wiring.js';

/** Keeping Meilisearch in step with MongoDB: the outbox's worker, and the reconciler that repairs drift. */
export function searchWorkers(infra: Infrastructure, stores: SharedStores) {
  const { config, mongo, db, search, clock, logger } = infra;
  const indexingSearch = withRequestTimeout(search, syncRequestTimeoutMs);
  // The sync worker reads what a majority of the replica set holds: a write the primary had not yet
  // replicated when it died is rolled back, and must not have reached the index first.
  const majorityDb = mongo.db(db.databaseName, { readConcern: new ReadConcern('majority') });
  const searchSync = new SearchSyncWorker({
    outbox: new SearchOutbox(majorityDb, clock),
    indexer: new SearchIndexer(
      indexingSearch,
      new PlacementsRepository(majorityDb),
      new EmployersRepository(majorityDb),
      new YoungPeopleRepository(majorityDb),
      () => clock.now(),
    ),
    logger,
  });
  const searchReconciler = new SearchReconciler({
    db,
    search,
    outbox: stores.repositories.outbox,
    clock,
    logger,
    intervalMs: config.SEARCH_RECONCILE_INTERVAL_SECONDS * 1000,
  });
  return { searchSync, searchReconciler };
}
