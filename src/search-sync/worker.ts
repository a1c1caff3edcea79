import { whileRenewing } from '../core/lease.js';
import type { Logger } from '../core/logger.js';
import { errorSummary } from '../core/logger.js';
import { drainRounds, PolledWorker } from '../core/polled-worker.js';
import { SearchTaskFailedError } from '../core/search/meili.js';
import { changedSince, type SearchIndexer, type Versions } from './indexer.js';
import type { Claim, OutboxDoc, SearchOutbox, SyncEntity } from './outbox.js';

export interface SyncWorkerOptions {
  /** Events taken at once; their documents go to Meilisearch in one request per index. */
  batchSize: number;
  /**
   * How long a claim holds its events unless renewed; a live worker renews it every third of
   * this while it works, so the events of a worker that died are taken over within this time.
   */
  lockMs: number;
  /** Pause between polls when there was nothing to do. */
  idleMs: number;
  /** First retry delay; doubled on each failure up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const defaultSyncWorkerOptions: SyncWorkerOptions = {
  batchSize: 1000,
  lockMs: 10_000,
  idleMs: 250,
  baseBackoffMs: 1000,
  // Short, so the index catches up within seconds of Meilisearch coming back.
  maxBackoffMs: 5_000,
};

/**
 * How long the worker waits for Meilisearch to accept a write. Long on purpose: giving up early does
 * not stop Meilisearch registering the write later, possibly after the retry that replaced it (see
 * `withRequestTimeout`). A Meilisearch that is down refuses the connection at once instead.
 */
export const syncRequestTimeoutMs = 120_000;

export interface BatchOutcome {
  claimed: number;
  synced: number;
  failed: number;
}

/** Exponential back-off: base, 2 x base, 4 x base, ... never more than the cap. */
export function backoffMs(
  attempts: number,
  options: Pick<SyncWorkerOptions, 'baseBackoffMs' | 'maxBackoffMs'>,
): number {
  return Math.min(options.maxBackoffMs, options.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
}

/** One index's share of a batch: the events and how to sync the records they name. */
interface SyncGroup {
  events: OutboxDoc[];
  entity: Extract<SyncEntity, 'placement' | 'young_person'>;
  ids: () => Promise<string[]>;
}

export interface SearchSyncWorkerDeps {
  outbox: SearchOutbox;
  indexer: SearchIndexer;
  logger: Logger;
  /** Tuning; each one left out takes its value from `defaultSyncWorkerOptions`. */
  options?: Partial<SyncWorkerOptions>;
}

/**
 * Carries outbox events to Meilisearch. Each event only names a record; the worker re-reads
 * the record and upserts or deletes its document, so replaying an event is harmless. Failed
 * events come back later with exponential back-off, so an outage of Meilisearch only delays
 * the index: MongoDB writes never wait for it.
 */
export class SearchSyncWorker {
  readonly #options: SyncWorkerOptions;
  readonly #outbox: SearchOutbox;
  readonly #indexer: SearchIndexer;
  readonly #logger: Logger;
  readonly #polling: PolledWorker<BatchOutcome>;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: SearchSyncWorkerDeps) {
    this.#outbox = deps.outbox;
    this.#indexer = deps.indexer;
    this.#logger = deps.logger;
    this.#options = { ...defaultSyncWorkerOptions, ...deps.options };
    this.#polling = new PolledWorker({
      round: () => this.runBatch(),
      idleMs: this.#options.idleMs,
      retryDelayMs: (failuresInARow) => backoffMs(failuresInARow, this.#options),
      logger: this.#logger,
      failureMessage: 'search sync could not run',
    });
  }

  /** Polls in the background: straight away again after work, after `idleMs` when idle. */
  start(): void {
    this.#polling.start();
  }

  /** Stops polling and waits for the batch in hand to finish. */
  stop(): Promise<void> {
    return this.#polling.stop();
  }

  /** Carries out every event that is due now, batch after batch; events that fail wait for their retry. */
  drain(): Promise<BatchOutcome> {
    return drainRounds(() => this.runBatch(), { claimed: 0, synced: 0, failed: 0 });
  }

  /** Claims and carries out one batch. Batches of one process never overlap. */
  runBatch(): Promise<BatchOutcome> {
    const run = this.#queue.then(() => this.#batch());
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #batch(): Promise<BatchOutcome> {
    const claim = await this.#outbox.claimDue(this.#options.batchSize, this.#options.lockMs);
    if (claim.events.length === 0) return { claimed: 0, synced: 0, failed: 0 };
    return whileRenewing(
      () => this.#carryOut(claim),
      () => this.#outbox.renew(claim, this.#options.lockMs),
      this.#options.lockMs / 3,
      (error) => this.#logger.warn({ err: errorSummary(error) }, 'search sync could not renew its lease'),
    );
  }

  async #carryOut(claim: Claim): Promise<BatchOutcome> {
    const placementEvents = claim.events.filter((event) => event.entity !== 'young_person');
    const personEvents = claim.events.filter((event) => event.entity === 'young_person');
    const groups: SyncGroup[] = [
      {
        events: placementEvents,
        entity: 'placement',
        ids: async () => {
          const employerIds = idsOf(placementEvents, 'employer');
          return unique([
            ...idsOf(placementEvents, 'placement'),
            ...(await this.#indexer.placementIdsOfEmployers(employerIds)),
          ]);
        },
      },
      { events: personEvents, entity: 'young_person', ids: async () => idsOf(personEvents, 'young_person') },
    ];
    const outcome: BatchOutcome = { claimed: claim.events.length, synced: 0, failed: 0 };
    for (const group of groups.filter((g) => g.events.length > 0)) {
      const failed = await this.#syncGroup(claim, group);
      outcome.failed += failed;
      outcome.synced += group.events.length - failed;
    }
    if (outcome.failed > 0) this.#logger.warn(outcome, 'search sync: some events will be retried');
    else this.#logger.debug(outcome, 'search sync');
    return outcome;
  }

  /** Syncs one group; returns how many of its events failed and were put back for later. */
  async #syncGroup(claim: Claim, group: SyncGroup): Promise<number> {
    try {
      const ids = await group.ids();
      const before = await this.#sync(group.entity, ids);
      await this.#resyncWhatChanged(group.entity, ids, before);
      await this.#outbox.complete(claim, group.events);
      return 0;
    } catch (error) {
      // Meilisearch refused the batch itself (not an outage): try each event alone, so one bad record cannot hold back the rest.
      if (error instanceof SearchTaskFailedError && group.events.length > 1) {
        let failed = 0;
        for (const event of group.events) {
          failed += await this.#syncGroup(claim, { ...group, events: [event], ids: soloIds(event, this.#indexer) });
        }
        return failed;
      }
      this.#logger.warn(
        { err: errorSummary(error), entity: group.entity, events: group.events.length },
        'search sync failed',
      );
      await this.#outbox.retryLater(claim, group.events, failureReason(error), (attempts) =>
        backoffMs(attempts, this.#options),
      );
      return group.events.length;
    }
  }

  #sync(entity: SyncGroup['entity'], ids: string[]): Promise<Versions> {
    return entity === 'placement' ? this.#indexer.syncPlacements(ids) : this.#indexer.syncCandidates(ids);
  }

  /**
   * Another worker may have synced a newer version of a record while this one's older document
   * was on the way, and Meilisearch applies whichever arrives last. Reading the versions again
   * after the write catches that: any record that changed meanwhile gets a fresh event.
   */
  async #resyncWhatChanged(entity: SyncGroup['entity'], ids: string[], before: Versions): Promise<void> {
    if (ids.length === 0) return;
    const after =
      entity === 'placement' ? await this.#indexer.placementVersions(ids) : await this.#indexer.candidateVersions(ids);
    await this.#outbox.enqueue(entity, changedSince(before, after, ids));
  }
}

function idsOf(events: OutboxDoc[], entity: SyncEntity): string[] {
  return unique(events.filter((event) => event.entity === entity).map((event) => event.entityId));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function soloIds(event: OutboxDoc, indexer: SearchIndexer): () => Promise<string[]> {
  if (event.entity === 'employer') return () => indexer.placementIdsOfEmployers([event.entityId]);
  return async () => [event.entityId];
}

/** What the outbox keeps about a failure: the error's kind, never a message that could quote a record. */
function failureReason(error: unknown): string {
  const summary = errorSummary(error);
  return [summary.name, summary.code].filter((part) => part !== undefined).join(' ') || 'unknown error';
}
