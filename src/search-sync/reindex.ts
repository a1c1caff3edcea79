import type { EnqueuedTask } from 'meilisearch';
import { type Db, ObjectId } from 'mongodb';
import {
  ensureIndex,
  type IndexConfig,
  type IndexName,
  type Search,
  SearchTaskFailedError,
  waitForSuccess,
} from '../core/search/meili.js';
import { type Employer, EmployersRepository } from '../employers/employers.repository.js';
import { type Placement, PlacementsRepository, toPlacement } from '../placements/placements.repository.js';
import { toYoungPerson, YoungPeopleRepository } from '../young-people/young-people.repository.js';
import {
  candidateSearchDoc,
  candidateStatuses,
  isSearchablePlacement,
  placementSearchDoc,
  searchableStatuses,
} from './documents.js';
import { SearchIndexer } from './indexer.js';

export interface ReindexProgress {
  index: IndexName;
  /** Documents Meilisearch has finished indexing. */
  done: number;
  total: number;
}

export interface ReindexSummary {
  indexes: { name: IndexName; documents: number }[];
  /** Records that changed during the rebuild and were synced again after the swap. */
  resynced: number;
  /** Documents of records deleted during the rebuild, removed after the swap. */
  removed: number;
  ms: number;
}

export interface ReindexOptions {
  /** Documents per Meilisearch request. */
  batchSize?: number;
  /** Called as indexing advances; awaited, so a caller can look at the live index mid-way. */
  onProgress?: (progress: ReindexProgress) => void | Promise<void>;
}

/** Where an index's documents come from, read straight from MongoDB. */
export interface IndexSource {
  name: IndexName;
  count(): Promise<number>;
  batches(size: number): AsyncIterable<object[]>;
  /** Ids of records written at or after `since` (for a placement: also when its employer was). */
  changedSince(since: Date): Promise<string[]>;
  existing(ids: string[]): Promise<Set<string>>;
  sync(ids: string[]): Promise<unknown>;
}

/** How far back from the rebuild's start a write still counts as "during": allows for clock skew between servers. */
const clockSkewMs = 5_000;
/** Indexing tasks waiting at once: enough for Meilisearch to batch them, few enough to report progress. */
const tasksInFlight = 4;

export const rebuildSuffix = '__rebuild';

/**
 * Rebuilds every index from MongoDB without taking search away: each index is built under a
 * new name with the settings from search-config, then all are swapped in at once and the old
 * ones deleted. Writes made meanwhile reach the old index through the outbox, so afterwards
 * the records written since the start are synced again and documents of records deleted
 * since are removed.
 */
export async function rebuildIndexes(
  db: Db,
  search: Search,
  configs: IndexConfig[],
  options: ReindexOptions = {},
): Promise<ReindexSummary> {
  const started = Date.now();
  const since = new Date(started - clockSkewMs);
  const batchSize = options.batchSize ?? 1000;
  const sources = indexSources(db, search);
  const built: { config: IndexConfig; source: IndexSource; documents: number }[] = [];
  for (const config of configs) {
    const source = sources[config.name];
    const rebuildUid = search.indexUid(config.name) + rebuildSuffix;
    await search.client.deleteIndexIfExists(rebuildUid);
    await ensureIndex(search, rebuildUid, config.primaryKey);
    await waitForSuccess(search.client.index(rebuildUid).updateSettings(config.settings), `settings of ${rebuildUid}`);
    const documents = await fill(search, rebuildUid, source, batchSize, options.onProgress);
    built.push({ config, source, documents });
  }

  for (const { config } of built) await ensureIndex(search, search.indexUid(config.name), config.primaryKey);
  await waitForSuccess(
    search.client.swapIndexes(
      built.map(({ config }) => ({
        indexes: [search.indexUid(config.name), search.indexUid(config.name) + rebuildSuffix],
        rename: false,
      })),
    ),
    'swap rebuilt indexes in',
  );

  let resynced = 0;
  let removed = 0;
  for (const { config, source } of built) {
    const changed = await source.changedSince(since);
    for (let i = 0; i < changed.length; i += batchSize) await source.sync(changed.slice(i, i + batchSize));
    resynced += changed.length;
    removed += await removeDeleted(search, search.indexUid(config.name), source);
    await waitForSuccess(
      search.client.deleteIndex(search.indexUid(config.name) + rebuildSuffix),
      'delete the replaced index',
    );
  }
  return {
    indexes: built.map(({ config, documents }) => ({ name: config.name, documents })),
    resynced,
    removed,
    ms: Date.now() - started,
  };
}

async function fill(
  search: Search,
  uid: string,
  source: IndexSource,
  batchSize: number,
  onProgress: ReindexOptions['onProgress'],
): Promise<number> {
  const index = search.client.index(uid);
  const total = await source.count();
  const pending: { task: EnqueuedTask; size: number }[] = [];
  let sent = 0;
  let done = 0;
  const finishOldest = async () => {
    const { task, size } = pending.shift()!;
    const finished = await search.client.tasks.waitForTask(task);
    if (finished.status !== 'succeeded') throw new SearchTaskFailedError(finished, `fill ${uid}`);
    done += size;
    await onProgress?.({ index: source.name, done, total: Math.max(total, sent) });
  };
  await onProgress?.({ index: source.name, done, total });
  for await (const docs of source.batches(batchSize)) {
    // Awaiting the enqueue (not the indexing) keeps each request observed and lets Meilisearch batch the work.
    pending.push({ task: await index.addDocuments(docs), size: docs.length });
    sent += docs.length;
    if (pending.length >= tasksInFlight) await finishOldest();
  }
  while (pending.length > 0) await finishOldest();
  // The count read at the start includes records that turn out not to belong in the index.
  if (done !== total) await onProgress?.({ index: source.name, done, total: done });
  return sent;
}

/** Deletes documents whose record no longer exists, reading the index's ids page by page. */
async function removeDeleted(search: Search, uid: string, source: IndexSource): Promise<number> {
  const index = search.client.index(uid);
  const pageSize = 10_000;
  const gone: string[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await index.getDocuments<{ id: string }>({ fields: ['id'], limit: pageSize, offset });
    const ids = page.results.map((doc) => doc.id);
    const existing = await source.existing(ids);
    gone.push(...ids.filter((id) => !existing.has(id)));
    if (ids.length < pageSize) break;
  }
  if (gone.length > 0) await waitForSuccess(index.deleteDocuments(gone), `remove ${gone.length} deleted from ${uid}`);
  return gone.length;
}

function idsIn(docs: { _id: ObjectId }[]): Set<string> {
  return new Set(docs.map((doc) => doc._id.toHexString()));
}

/** The placements worth reading for the index; the employer and the end date are checked per placement. */
const publishedPlacements = { status: { $in: [...searchableStatuses] } };
/** The young people the candidates index holds. */
const candidates = { status: { $in: [...candidateStatuses] } };

/** Each index's documents as MongoDB says they should be, with how to sync records again. */
export function indexSources(db: Db, search: Search): Record<IndexName, IndexSource> {
  const placements = new PlacementsRepository(db);
  const employers = new EmployersRepository(db);
  const youngPeople = new YoungPeopleRepository(db);
  const indexer = new SearchIndexer(search, placements, employers, youngPeople);
  const objectIds = (ids: string[]) => ids.map((id) => new ObjectId(id));
  return {
    placements: {
      name: 'placements',
      count: () => placements.collection.countDocuments(publishedPlacements),
      async *batches(size) {
        const employerCache = new Map<string, Employer>();
        const cursor = placements.collection.find(publishedPlacements, { sort: { _id: 1 }, batchSize: size });
        let batch: Placement[] = [];
        for await (const doc of cursor) {
          batch.push(toPlacement(doc));
          if (batch.length < size) continue;
          yield await placementDocs(batch, employerCache);
          batch = [];
        }
        if (batch.length > 0) yield await placementDocs(batch, employerCache);
      },
      async changedSince(since) {
        const changedEmployers = await employers.collection
          .find({ updatedAt: { $gte: since } }, { projection: { _id: 1 } })
          .toArray();
        const changed = await placements.collection
          .find(
            { $or: [{ updatedAt: { $gte: since } }, { employerId: { $in: changedEmployers.map((e) => e._id) } }] },
            { projection: { _id: 1 } },
          )
          .toArray();
        return [...idsIn(changed)];
      },
      existing: async (ids) =>
        idsIn(await placements.collection.find({ _id: { $in: objectIds(ids) } }, { projection: { _id: 1 } }).toArray()),
      sync: (ids) => indexer.syncPlacements(ids),
    },
    candidates: {
      name: 'candidates',
      count: () => youngPeople.collection.countDocuments(candidates),
      async *batches(size) {
        let batch: object[] = [];
        for await (const doc of youngPeople.collection.find(candidates, { sort: { _id: 1 }, batchSize: size })) {
          batch.push(candidateSearchDoc(toYoungPerson(doc)));
          if (batch.length < size) continue;
          yield batch;
          batch = [];
        }
        if (batch.length > 0) yield batch;
      },
      async changedSince(since) {
        return [
          ...idsIn(
            await youngPeople.collection.find({ updatedAt: { $gte: since } }, { projection: { _id: 1 } }).toArray(),
          ),
        ];
      },
      existing: async (ids) =>
        idsIn(
          await youngPeople.collection.find({ _id: { $in: objectIds(ids) } }, { projection: { _id: 1 } }).toArray(),
        ),
      sync: (ids) => indexer.syncCandidates(ids),
    },
  };

  async function placementDocs(batch: Placement[], cache: Map<string, Employer>): Promise<object[]> {
    const missing = [...new Set(batch.map((p) => p.employerId))].filter((id) => !cache.has(id));
    for (const employer of await employers.byIds(missing)) cache.set(employer.id, employer);
    const today = new Date();
    return batch.flatMap((placement) => {
      const employer = cache.get(placement.employerId);
      return employer && isSearchablePlacement(placement, employer, today)
        ? [placementSearchDoc(placement, employer)]
        : [];
    });
  }
}
