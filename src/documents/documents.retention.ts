import type { Db } from 'mongodb';
import type { AuditLog } from '../audit/audit.js';
import type { Clock } from '../core/clock.js';
import { londonDayAndHour } from '../core/dates.js';
import { Lease } from '../core/lease.js';
import { errorSummary, type Logger } from '../core/logger.js';
import { PolledWorker, type RoundOutcome } from '../core/polled-worker.js';
import type { DocumentsRepository } from './documents.repository.js';

const leaseName = 'documents.retention';
/** Deleted per round; a round with a full batch is followed at once by another. */
const batchSize = 100;

/**
 * Deletes documents past their retention date and says so in the audit trail (the young person's
 * entries, by the system). Every instance looks once an hour; a lease lets one of them work at a
 * time, and each deletion is recorded only by the run whose delete removed the file, so even
 * runs that overlap (a lease that expired mid-run) never record one twice.
 */
export class DocumentRetention {
  readonly #polling: PolledWorker<RoundOutcome>;
  private readonly db: Db;
  private readonly records: DocumentsRepository;
  private readonly audit: AuditLog;
  private readonly clock: Clock;
  private readonly logger: Logger;

  constructor(options: { db: Db; records: DocumentsRepository; audit: AuditLog; clock: Clock; logger: Logger }) {
    this.db = options.db;
    this.records = options.records;
    this.audit = options.audit;
    this.clock = options.clock;
    this.logger = options.logger;
    this.#polling = new PolledWorker({
      round: async () => ({ claimed: (await this.runOnce()) ?? 0 }),
      idleMs: 60 * 60_000,
      retryDelayMs: () => 10 * 60_000,
      logger: this.logger,
      failureMessage: 'expired documents could not be deleted',
    });
  }

  start(): void {
    this.#polling.start();
  }

  stop(): Promise<void> {
    return this.#polling.stop();
  }

  /** One batch of expired documents deleted, if this instance got the lease: how many, or undefined. */
  async runOnce(): Promise<number | undefined> {
    const lease = new Lease({ db: this.db, name: leaseName, clock: this.clock, ttlMs: 10 * 60_000 });
    if (!(await lease.acquire())) return undefined;
    return lease.hold(
      () => this.#deleteExpired(),
      (error) => this.logger.warn({ err: errorSummary(error) }, 'document retention could not renew its lease'),
    );
  }

  async #deleteExpired(): Promise<number> {
    const today = londonDayAndHour(this.clock.now()).day;
    let deleted = 0;
    for (const document of await this.records.expiredBefore(today, batchSize)) {
      if (!(await this.records.delete(document.id))) continue;
      deleted += 1;
      await this.audit.record({
        action: 'document.expire',
        outcome: 'success',
        actor: { role: 'system' },
        target: { type: 'document', id: document.id },
        subjectId: document.youngPersonId,
        details: { documentKind: document.kind, retainUntil: document.retainUntil },
      });
    }
    // Counts only: no title or kind in a log line.
    if (deleted > 0) this.logger.info({ deleted }, 'expired documents deleted');
    return deleted;
  }
}
