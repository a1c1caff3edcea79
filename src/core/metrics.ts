import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { tracedRequest } from './request-span.js';

/**
 * The process's instruments for GET /metrics (docs/operations.md says what each means and the
 * alert to set). Prometheus scrapes a process, so like the logger they are one per process: a
 * worker counts what it did without being handed a registry. No label ever takes an id, a path,
 * an address or a name; each takes one of a short fixed list (a route pattern, a status, a kind).
 */
export const metricsRegistry = new Registry();

const knownMethods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

const requestLabels = ['method', 'route', 'status'] as const;
const requestsTotal = new Counter({
  name: 'http_requests_total',
  help: 'Requests answered, by method, route pattern and status.',
  labelNames: requestLabels,
  registers: [metricsRegistry],
});
const requestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer a request, by method, route pattern and status.',
  labelNames: requestLabels,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

export const signInFailures = new Counter({
  name: 'auth_sign_in_failures_total',
  help: 'Sign-ins refused: unknown_account, wrong_password, account_disabled or throttled.',
  labelNames: ['reason'] as const,
  registers: [metricsRegistry],
});

export const emailsSent = new Counter({
  name: 'emails_sent_total',
  help: 'Emails the mail server accepted, by notification kind.',
  labelNames: ['kind'] as const,
  registers: [metricsRegistry],
});

export const emailsFailed = new Counter({
  name: 'emails_failed_total',
  help: 'Emails the mail server refused, by kind and outcome (retrying, or given_up after the last attempt).',
  labelNames: ['kind', 'outcome'] as const,
  registers: [metricsRegistry],
});

const dailyRunDuration = new Gauge({
  name: 'daily_run_duration_seconds',
  help: "How long this instance's last daily run (reminders, notices, digests) took.",
  registers: [metricsRegistry],
});
const dailyRunLastSuccess = new Gauge({
  name: 'daily_run_last_success_timestamp_seconds',
  help: 'When this instance last finished a daily run (Unix time); one instance runs it each day.',
  registers: [metricsRegistry],
});

const searchIndexDisagreements = new Gauge({
  name: 'search_index_disagreements',
  help: 'Documents of an index that disagreed with MongoDB at the last reconciliation this instance ran (missing, stale or extra).',
  labelNames: ['index'] as const,
  registers: [metricsRegistry],
});
const searchReconcileLastRun = new Gauge({
  name: 'search_reconcile_last_run_timestamp_seconds',
  help: 'When this instance last compared the search indexes with MongoDB (Unix time).',
  registers: [metricsRegistry],
});

const outboxOldestAge = new Gauge({
  name: 'outbox_oldest_event_age_seconds',
  help: 'Age of the oldest event not yet applied, for the search outbox and the notifications outbox (0 when empty).',
  labelNames: ['outbox'] as const,
  registers: [metricsRegistry],
});
const outboxWaiting = new Gauge({
  name: 'outbox_events_waiting',
  help: 'Events not yet applied, for the search outbox and the notifications outbox.',
  labelNames: ['outbox'] as const,
  registers: [metricsRegistry],
});

/** What waits in an outbox: the events not yet applied, and when the oldest of them was made. */
export interface Backlog {
  count: number;
  oldest: Date | undefined;
}

/** The last daily run this instance made: how long it took and when it ended. */
export function recordDailyRun(seconds: number, finishedAt: Date): void {
  dailyRunDuration.set(seconds);
  dailyRunLastSuccess.set(finishedAt.getTime() / 1000);
}

/** The index lag the last reconciliation found: how many documents disagreed with MongoDB, per index. */
export function recordReconciliation(
  indexes: { name: string; missing: string[]; stale: string[]; extra: string[] }[],
  ranAt: Date,
): void {
  for (const { name, missing, stale, extra } of indexes) {
    searchIndexDisagreements.set({ index: name }, missing.length + stale.length + extra.length);
  }
  searchReconcileLastRun.set(ranAt.getTime() / 1000);
}

/** An outbox's lag as read at a scrape: what waits, and the age of the oldest. */
export function recordBacklog(outbox: 'search' | 'notifications', backlog: Backlog, now: Date): void {
  outboxWaiting.set({ outbox }, backlog.count);
  const age = backlog.oldest ? Math.max(0, now.getTime() - backlog.oldest.getTime()) / 1000 : 0;
  outboxOldestAge.set({ outbox }, age);
}

let processMetricsStarted = false;
/** Node's event-loop delay, heap, CPU and file handles; started only where /metrics is served. */
export function collectProcessMetrics(): void {
  if (processMetricsStarted) return;
  processMetricsStarted = true;
  collectDefaultMetrics({ register: metricsRegistry });
}

/**
 * Counts and times every request by its route pattern (`/v1/young-people/:youngPersonId`), never
 * the URL, which carries ids, emails and search words. An unknown method counts as `other`. With
 * tracing on, the request runs inside its span (src/operations/tracing.ts).
 */
export const requestMetrics: MiddlewareHandler = async (c, next) => {
  const started = performance.now();
  await tracedRequest(c, next);
  const labels = { method: methodLabel(c), route: routePath(c, -1), status: String(c.res.status) };
  requestsTotal.inc(labels);
  requestDuration.observe(labels, (performance.now() - started) / 1000);
};

function methodLabel(c: Context): string {
  return knownMethods.has(c.req.method) ? c.req.method : 'other';
}
