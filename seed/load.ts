import type { Config } from '../src/core/config.js';
import { type Progress, silentProgress } from '../src/core/progress.js';
import { ensureIndex, loadIndexConfigs, waitForSuccess, withRequestTimeout } from '../src/core/search/meili.js';
import { syncRequestTimeoutMs } from '../src/search-sync/worker.js';
import type { System } from '../src/services.js';
import { accessToWorkDemo } from './access-to-work.js';
import { demoAdjustments } from './adjustments.js';
import { demoPassword } from './demo-accounts.js';
import {
  accountDocument,
  employerDocument,
  passportDocuments,
  placementDocument,
  providerDocument,
  youngPersonDocument,
} from './documents.js';
import type { Dataset, GeneratedAccount } from './generate.js';
import { journeyHistory } from './history.js';
import type { LoadContext, LoadCounts, LoadPart } from './load-part.js';
import { internshipOutcomesHistory } from './outcomes.js';
import { SearchFeed } from './search-feed.js';
import { studyHistory } from './study.js';
import { Batch, WriteQueue } from './write-queue.js';

/**
 * Writes a generated data set into the service's own collections, with bulk inserts of the
 * documents the repositories write (so the collections' validators check every one), and
 * queues a search-sync event for every placement and young person so the indexes catch up.
 */

export class DemoDataRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoDataRefusedError';
  }
}

/** Demo accounts share a password printed in the README, so they must never exist in production. */
export function assertDemoDataAllowed(config: Pick<Config, 'NODE_ENV'>): void {
  if (config.NODE_ENV === 'production') {
    throw new DemoDataRefusedError(
      'Demo data is never loaded when NODE_ENV=production: its accounts share a published password.',
    );
  }
}

/** A database with any account in it is in use (or seeded already): the loader only fills empty ones. */
export async function hasAccounts(services: System): Promise<boolean> {
  return (await services.accounts.collection.countDocuments({}, { limit: 1 })) > 0;
}

/**
 * Feeds `items` to `write` in batches, making the next batch while earlier ones are being
 * written (a few writes in flight; see WriteQueue), so generating and inserting overlap.
 */
export async function inBatches<T>(
  items: Iterable<T>,
  size: number,
  write: (batch: T[]) => Promise<void>,
): Promise<void> {
  const queue = new WriteQueue();
  const batch = new Batch(size, queue, write);
  for (const item of items) await batch.add([item]);
  await batch.flush();
  await queue.drain();
}

async function insertAccounts(context: LoadContext, accounts: GeneratedAccount[]): Promise<void> {
  if (accounts.length === 0) return;
  await context.services.accounts.collection.insertMany(
    accounts.map((account) => accountDocument(account, context.passwordHash, context.now)),
  );
  context.counts.accounts += accounts.length;
}

const organisations: LoadPart = {
  label: 'providers and staff',
  total: (dataset) => dataset.providers.length + dataset.staff.length,
  async run(context, progress) {
    const { services, dataset, now, counts } = context;
    await services.providers.collection.insertMany(
      dataset.providers.map((provider) => providerDocument(provider, now)),
    );
    counts.providers += dataset.providers.length;
    progress.advance(dataset.providers.length);
    await inBatches(dataset.staff, context.batchSize, async (batch) => {
      await insertAccounts(context, batch);
      counts.staff += batch.length;
      progress.advance(batch.length);
    });
  },
};

const employers: LoadPart = {
  label: 'employers',
  total: (dataset) => dataset.employers.length,
  async run(context, progress) {
    const { services, dataset, now, counts } = context;
    await inBatches(dataset.employers, context.batchSize, async (batch) => {
      const docs = batch.map((employer) => employerDocument(employer, now));
      context.searchFeed?.employers(docs);
      await services.employersRepository.collection.insertMany(docs);
      await insertAccounts(
        context,
        batch.map((employer) => employer.account),
      );
      counts.employers += batch.length;
      progress.advance(batch.length);
    });
  },
};

const placements: LoadPart = {
  label: 'placements',
  total: (dataset) => dataset.settings.placements,
  async run(context, progress) {
    const { services, dataset, now, counts } = context;
    await inBatches(dataset.placements(), context.batchSize, async (batch) => {
      const docs = batch.map((placement) => placementDocument(placement, now));
      context.searchFeed?.placements(docs);
      await services.placementsRepository.collection.insertMany(docs);
      counts.placements += batch.length;
      progress.advance(batch.length);
    });
  },
};

const youngPeople: LoadPart = {
  label: 'young people',
  total: (dataset) => dataset.settings.youngPeople,
  async run(context, progress) {
    const { services, dataset, now, counts } = context;
    await inBatches(dataset.youngPeople(), context.batchSize, async (batch) => {
      const docs = batch.map(({ person }) => youngPersonDocument(person, now));
      context.searchFeed?.youngPeople(docs);
      await services.youngPeopleRepository.collection.insertMany(docs);
      const passports = batch.flatMap(({ person, passport }) =>
        passport ? [passportDocuments(person.id, person.providerId, passport, now)] : [],
      );
      if (passports.length > 0) {
        await services.passportsRepository.passports.insertMany(passports.map((docs) => docs.passport));
        await services.passportsRepository.versions.insertMany(passports.map((docs) => docs.version));
      }
      await insertAccounts(
        context,
        batch.flatMap(({ accounts }) => accounts),
      );
      counts.youngPeople += batch.length;
      counts.passports += passports.length;
      progress.advance(batch.length);
    });
  },
};

/** Everything before was written in bulk, around the repositories: count it into the dashboard summaries. */
const dashboardSummaries: LoadPart = {
  label: 'dashboard summaries',
  total: () => 1,
  async run(context, progress) {
    await context.services.dashboardSummaries.rebuild();
    progress.advance(1);
  },
};

/**
 * The parts of a data set in the order they are written; each refers only to records written
 * before it. Extension point: past cohorts and their placement journeys (seed/history.ts) are
 * a part that goes after young people, since they refer to people, placements and employers.
 * The dashboard summaries (`dashboardSummaries`) are counted after them all, from everything
 * written, while the search indexes finish.
 */
export const loadParts: LoadPart[] = [
  organisations,
  employers,
  placements,
  youngPeople,
  journeyHistory,
  accessToWorkDemo,
  studyHistory,
  internshipOutcomesHistory,
  demoAdjustments,
];

export interface LoadOptions {
  /** Documents per insert; 1,000 keeps each insert well under MongoDB's 48 MB message limit. */
  batchSize?: number;
  /** Makes the progress display for each part; nothing is shown by default. */
  progress?: (label: string, total: number) => Progress;
  /** Build the search indexes before returning, so the data can be searched on return (default true). */
  buildSearch?: boolean;
}

export interface LoadSummary {
  counts: LoadCounts;
  /** Time to write every record to MongoDB. */
  loadMs: number;
  /** Time each part took (by its label), and the wait for the search indexes after the last record part (`search`, beside the dashboard summaries). */
  partMs: Record<string, number>;
  /** Time from the start until the search indexes held everything, when the sync was run. */
  searchableMs?: number;
}

/**
 * Empties both search indexes before a load: the database is empty, so anything they hold is
 * left over. The load then fills them as it writes (SearchFeed), which is much faster than one
 * outbox event per record, the path for the service's own writes.
 */
async function emptySearchIndexes(services: System): Promise<void> {
  for (const config of await loadIndexConfigs()) {
    const uid = services.search.indexUid(config.name);
    await ensureIndex(services.search, uid, config.primaryKey);
    await waitForSuccess(services.search.client.index(uid).deleteAllDocuments(), `empty ${uid}`);
  }
}

/** Waits for the search indexes to hold everything fed to them, with a progress bar for each. */
async function finishSearch(feed: SearchFeed, progress: NonNullable<LoadOptions['progress']>): Promise<void> {
  feed.flush();
  const bars = {
    placements: progress('search: placements', feed.sent.placements),
    candidates: progress('search: candidates', feed.sent.candidates),
  };
  await feed.finish((index, documents) => bars[index].advance(documents));
  bars.placements.done();
  bars.candidates.done();
}

/** Loads the data set into an empty database; refuses in production (see assertDemoDataAllowed). */
export async function loadDataset(services: System, dataset: Dataset, options: LoadOptions = {}): Promise<LoadSummary> {
  assertDemoDataAllowed(services.config);
  const started = performance.now();
  const progress = options.progress ?? (() => silentProgress);
  // Requests of 10,000 documents can take Meilisearch longer than the API's short timeout to take in.
  const searchFeed =
    options.buildSearch === false
      ? undefined
      : new SearchFeed(withRequestTimeout(services.search, syncRequestTimeoutMs), services.clock.now());
  if (searchFeed) await emptySearchIndexes(services);
  const context: LoadContext = {
    services,
    dataset,
    now: services.clock.now(),
    passwordHash: await services.hasher.hash(demoPassword),
    batchSize: options.batchSize ?? 1000,
    counts: { providers: 0, staff: 0, employers: 0, placements: 0, youngPeople: 0, passports: 0, accounts: 0 },
    ...(searchFeed ? { searchFeed } : {}),
  };
  const partMs: Record<string, number> = {};
  const runPart = async (part: LoadPart) => {
    const partStarted = performance.now();
    const bar = progress(part.label, part.total(dataset));
    await part.run(context, bar);
    bar.done();
    partMs[part.label] = performance.now() - partStarted;
  };
  for (const part of loadParts) await runPart(part);
  const writtenMs = performance.now() - started;
  // The search indexes are fed as the records are written; they need nothing from the dashboard
  // summaries, so Meilisearch finishes indexing while MongoDB counts the summaries.
  let searchableMs: number | undefined;
  const searchDone = searchFeed
    ? finishSearch(searchFeed, progress).then(() => {
        searchableMs = performance.now() - started;
      })
    : undefined;
  await Promise.all([runPart(dashboardSummaries), searchDone]);
  await services.audit.record({
    action: 'seed.load',
    outcome: 'success',
    actor: { role: 'system' },
    details: { seed: dataset.settings.seed, counts: context.counts },
  });
  const loadMs = performance.now() - started;
  if (searchableMs === undefined) return { counts: context.counts, loadMs, partMs };
  partMs.search = searchableMs - writtenMs;
  return { counts: context.counts, loadMs, partMs, searchableMs };
}

/**
 * The one-line summary a script prints at the end, ending with its figures as JSON (last of them
 * `placementsPerSecond`: placements written and made searchable per second of the whole load).
 */
export function summaryLine(summary: LoadSummary): string {
  const { counts } = summary;
  const n = (value: number) => value.toLocaleString('en-GB');
  const perSecond = (ms: number) => Math.round((counts.placements * 1000) / Math.max(1, ms));
  const seconds = (ms: number) => Math.round(ms / 100) / 10;
  const loaded =
    `Loaded ${n(counts.providers)} providers, ${n(counts.staff)} staff, ${n(counts.employers)} employers, ` +
    `${n(counts.placements)} placements, ${n(counts.youngPeople)} young people, ${n(counts.passports)} passports ` +
    `and ${n(counts.accounts)} accounts in ${seconds(summary.loadMs).toFixed(1)}s (${n(perSecond(summary.loadMs))} placements/s)`;
  // Where the time went, so a slow load shows which part to look at; the rate of the placements
  // part alone is given too, but the headline figure covers everything from start to searchable.
  const parts = {
    partSeconds: Object.fromEntries(Object.entries(summary.partMs).map(([label, ms]) => [label, seconds(ms)])),
    placementsPartPerSecond: perSecond(summary.partMs.placements ?? 0),
  };
  if (summary.searchableMs === undefined) {
    const figures = {
      seed: 'load',
      placements: counts.placements,
      loadSeconds: seconds(summary.loadMs),
      ...parts,
      placementsPerSecond: perSecond(summary.loadMs),
    };
    return `${loaded}; not indexed for search yet (run npm run reindex). ${JSON.stringify(figures)}`;
  }
  const figures = {
    seed: 'load',
    placements: counts.placements,
    loadSeconds: seconds(summary.loadMs),
    searchableSeconds: seconds(summary.searchableMs),
    ...parts,
    placementsPerSecond: perSecond(summary.searchableMs),
  };
  return `${loaded}; searchable after ${seconds(summary.searchableMs).toFixed(1)}s (${n(perSecond(summary.searchableMs))} placements/s). ${JSON.stringify(figures)}`;
}
