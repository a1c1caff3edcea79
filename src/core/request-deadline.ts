import { AsyncLocalStorage } from 'node:async_hooks';
import { DependencyUnavailableError } from './errors.js';

interface Abandonment {
  /** Set when the request has already been answered with 503 because this store did not answer. */
  abandonedFor?: 'mongodb' | 'meilisearch';
}

const current = new AsyncLocalStorage<Abandonment>();

/** Runs a request's work so that it can learn later that its answer was given up on. */
export function runAbandonable<T>(work: () => Promise<T>): {
  result: Promise<T>;
  abandon(store: 'mongodb' | 'meilisearch'): void;
} {
  const state: Abandonment = {};
  return { result: current.run(state, work), abandon: (store) => (state.abandonedFor = store) };
}

/**
 * Throws if the current request was already answered with 503: its work must not carry on to a
 * commit once the store is back, or a change would land after the client was told it did not.
 */
export function stopIfAbandoned(): void {
  const store = current.getStore()?.abandonedFor;
  if (store) throw new DependencyUnavailableError(store);
}
