import { createHash } from 'node:crypto';
import type { Db } from 'mongodb';
import type { Clock } from '../core/clock.js';
import { Lease } from '../core/lease.js';
import { errorSummary, type Logger } from '../core/logger.js';
import { recordReconciliation } from '../core/metrics.js';
import { PolledWorker, type RoundOutcome } from '../core/polled-worker.js';
import type { IndexName, Search } from '../core/search/meili.js';
import type { SearchOutbox, SyncEntity } from './outbox.js';
import { indexSources } from './reindex.js';

export interface IndexDisagreement {
  name: IndexName;
  /** Documents MongoDB says the index should hold, and documents it holds. */
  expected: number;
  indexed: number;
  /** Records with no document, documents of records that are gone, and documents built from an older version. */
  missing: string[];
  extra: string[];
  stale: string[];
  /** Disagreements left alone because an outbox event for the record is on its way. */
  inFlight: number;
}

export interface ReconcileReport {
  indexes: IndexDisagreement[];
  /** Records queued for the sync worker to bring their documents in line (0 in a check only). */
  repaired: number;
  ms: number;
}

const pageSize = 1000;
const entityOf: Record<IndexName, Extract<SyncEntity, 'placement' | 'young_person'>> = {
  placements: 'placement',
  candidates: 'young_person',
};

/** A document's content, independent of the order of its keys: what "same version" means for a search document. */
export function fingerprint(doc: unknown): string {
  const canonical = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(canonical);
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value as Record<string, unknown>)
          .filter(([, inner]) => inner !== undefined)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, inner]) => [key, canonical(inner)]),
      );
    }
    return value;
  };
  return createHash('sha1')
    .update(JSON.stringify(canonical(doc)))
    .digest('base64url');
}

/** Compares the two sides of one index: pure, so the rules are unit-tested. */
export function compareIndex(expected: Map<string, string>, indexed: Map<string, string>) {
  const missing: string[] = [];
  const stale: string[] = [];
  for (const [id, print] of expected) {
    const found = indexed.get(id);
    if (found === undefined) missing.push(id);
    else if (found !== print) stale.push(id);
  }
  const extra = [...indexed.keys()].filter((id) => !expected.has(id));
  return { missing, stale, extra };
}

/**
 * Compares every search index with MongoDB, document by document (ids, and each document's
 * content against the one the current records give), and reports what disagrees. With
 * `repair`, each disagreeing record gets an outbox event, so the sync worker re-reads it and
 * upserts or deletes its document. Disagreements whose record already has an event waiting
 * are in flight, not drift, and are only counted.
 */
export async function reconcileIndexes(
  db: Db,
  search: Search,
  outbox: SearchOutbox,
  options: { repair: boolean },
): Promise<ReconcileReport> {
  const started = Date.now();
  const sources = indexSources(db, search);
  const report: ReconcileReport = { indexes: [], repaired: 0, ms: 0 };
  for (const name of ['placements', 'candidates'] as const) {
    const expected = new Map<string, string>();
    const employerOf = new Map<string, string>();
    for await (const docs of sources[name].batches(pageSize)) {
      for (const doc of docs as { id: string; employerId?: string }[]) {
        expected.set(doc.id, fingerprint(doc));
        if (doc.employerId) employerOf.set(doc.id, doc.employerId);
      }
    }
    const indexed = await indexedFingerprints(search, search.indexUid(name));
    const { missing, stale, extra } = compareIndex(expected, indexed);
    const disagreeing = [...missing, ...stale, ...extra];
    const pending = await pendingIds(outbox, entityOf[name], disagreeing, employerOf);
    const toRepair = disagreeing.filter((id) => !pending.has(id));
    const drop = (ids: string[]) => ids.filter((id) => !pending.has(id));
    report.indexes.push({
      name,
      expected: expected.size,
      indexed: indexed.size,
      missing: drop(missing),
      extra: drop(extra),
      stale: drop(stale),
      inFlight: disagreeing.length - toRepair.length,
    });
    if (options.repair && toRepair.length > 0) {
      await outbox.enqueue(entityOf[name], toRepair);
      report.repaired += toRepair.length;
    }
  }
  report.ms = Date.now() - started;
  return report;
}

async function indexedFingerprints(search: Search, uid: string): Promise<Map<string, string>> {
  const index = search.client.index(uid);
  const prints = new Map<string, string>();
  for (let offset = 0; ; offset += pageSize) {
    const page = await index.getDocuments<{ id: string }>({ limit: pageSize, offset });
    for (const doc of page.results) prints.set(doc.id, fingerprint(doc));
    if (page.results.length < pageSize) return prints;
  }
}

/** Ids among `ids` whose record (or, for a placement, whose employer) has an outbox event waiting. */
async function pendingIds(
  outbox: SearchOutbox,
  entity: SyncEntity,
  ids: string[],
  employerOf: Map<string, string>,
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const employers = [...new Set(ids.map((id) => employerOf.get(id)).filter((id): id is string => !!id))];
  const events = await outbox.collection
    .find(
      {
        $or: [
          { entity, entityId: { $in: ids } },
          ...(employers.length > 0 ? [{ entity: 'employer' as const, entityId: { $in: employers } }] : []),
        ],
      },
      { projection: { entity: 1, entityId: 1 } },
    )
    .toArray();
  const pendingEmployers = new Set(
    events.filter((event) => event.entity === 'employer').map((event) => event.entityId),
  );
  const pendingRecords = new Set(events.filter((event) => event.entity === entity).map((event) => event.entityId));
  return new Set(ids.filter((id) => pendingRecords.has(id) || pendingEmployers.has(employerOf.get(id) ?? '')));
}

export interface SearchReconcilerDeps {
  db: Db;
  search: Search;
  outbox: SearchOutbox;
  clock: Clock;
  logger: Logger;
  /** How often to compare the indexes with MongoDB; 0: never in the background. */
  intervalMs: number;
}

/**
 * Runs the reconciliation every `intervalMs` in the background, on one instance at a time (a
 * lease in MongoDB), repairing what it finds and logging the report. Drift should never happen;
 * when it does (a lost Meilisearch task, a store restored from an older backup), this finds it.
 */
export class SearchReconciler {
  readonly #lease: Lease;
  readonly #polling: PolledWorker<RoundOutcome>;
  private readonly db: Db;
  private readonly search: Search;
  private readonly outbox: SearchOutbox;
  private readonly logger: Logger;
  private readonly clock: Clock;
  private readonly intervalMs: number;

  constructor(deps: SearchReconcilerDeps) {
    this.db = deps.db;
    this.clock = deps.clock;
    this.search = deps.search;
    this.outbox = deps.outbox;
    this.logger = deps.logger;
    this.intervalMs = deps.intervalMs;
    // Kept a little longer than the interval, so the instance that runs it keeps running it.
    this.#lease = new Lease({ db: deps.db, name: 'search-reconcile', clock: deps.clock, ttlMs: deps.intervalMs * 1.5 });
    this.#polling = new PolledWorker({
      round: async () => {
        await this.runOnce();
        return { claimed: 0 };
      },
      idleMs: deps.intervalMs,
      firstRoundAfterMs: deps.intervalMs,
      retryDelayMs: () => deps.intervalMs,
      logger: deps.logger,
      failureMessage: 'search reconciliation could not run',
    });
  }

  start(): void {
    if (this.intervalMs > 0) this.#polling.start();
  }

  stop(): Promise<void> {
    return this.#polling.stop();
  }

  /** One scheduled run: only when this instance holds the lease (kept a little longer than the interval). */
  async runOnce(): Promise<ReconcileReport | undefined> {
    try {
      if (!(await this.#lease.acquire())) return undefined;
      const report = await reconcileIndexes(this.db, this.search, this.outbox, { repair: true });
      recordReconciliation(report.indexes, this.clock.now());
      const summary = report.indexes.map(({ name, missing, stale, extra, inFlight }) => ({
        name,
        missing: missing.length,
        stale: stale.length,
        extra: extra.length,
        inFlight,
      }));
      if (report.repaired > 0)
        this.logger.warn(
          { indexes: summary, repaired: report.repaired, ms: report.ms },
          'search reconciliation repaired documents that disagreed with MongoDB',
        );
      else this.logger.info({ indexes: summary, ms: report.ms }, 'search reconciliation: indexes agree with MongoDB');
      return report;
    } catch (error) {
      this.logger.warn({ err: errorSummary(error) }, 'search reconciliation could not run');
      return undefined;
    }
  }
}
