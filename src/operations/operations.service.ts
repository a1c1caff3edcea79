import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { type Backlog, collectProcessMetrics, metricsRegistry, recordBacklog } from '../core/metrics.js';

/** An outbox as the operations figures see it: only how much waits in it. */
export interface Outbox {
  backlog(): Promise<Backlog>;
}

export interface OperationsServiceDeps {
  searchOutbox: Outbox;
  notificationOutbox: Outbox;
  clock: Clock;
  /** METRICS_TOKEN: without it, /metrics does not exist. */
  metricsToken: string | undefined;
}

/**
 * What operators watch (GET /metrics, docs/operations.md). Not a person's service: the caller is a
 * monitoring system holding METRICS_TOKEN, not an actor the policy knows, and nothing it sees is
 * about a person.
 */
export class OperationsService {
  readonly #deps: OperationsServiceDeps;
  readonly #tokenDigest: Buffer | undefined;

  constructor(deps: OperationsServiceDeps) {
    this.#deps = deps;
    this.#tokenDigest = deps.metricsToken ? digest(deps.metricsToken) : undefined;
    if (deps.metricsToken) collectProcessMetrics();
  }

  /**
   * Whether an `Authorization` header carries the metrics token. Both sides are hashed first, so
   * the comparison takes the same time whatever the length or the first wrong character.
   */
  mayReadMetrics(authorization: string | undefined): boolean {
    if (!this.#tokenDigest || !authorization) return false;
    const presented = /^Bearer (.+)$/i.exec(authorization)?.[1];
    return presented !== undefined && timingSafeEqual(digest(presented), this.#tokenDigest);
  }

  /** Every metric in the Prometheus text format, the outboxes' lag read from MongoDB now. */
  async metrics(): Promise<{ contentType: string; body: string }> {
    const [search, notifications] = await Promise.all([
      this.#deps.searchOutbox.backlog(),
      this.#deps.notificationOutbox.backlog(),
    ]);
    const now = this.#deps.clock.now();
    recordBacklog('search', search, now);
    recordBacklog('notifications', notifications, now);
    return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
