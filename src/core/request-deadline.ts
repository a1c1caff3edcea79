import { AsyncLocalStorage } from 'node:async_hooks';
import type { ClientSession } from 'mongodb';
import { DependencyUnavailableError } from './errors.js';

/** A request's claim on its Idempotency-Key, written in the same transaction as its change. */
export interface IdempotencyClaim {
  record(session: ClientSession): Promise<void>;
}

interface RequestWrites {
  /** Set when the request has already been answered with 503 because this store did not answer. */
  abandonedFor?: 'mongodb' | 'meilisearch';
  /**
   * Set once a transaction of this request has done its work and its commit may be on its way to
   * MongoDB: from then on a 503 cannot say that nothing was saved, since a paused mongod applies a
   * commit it has received when it runs again.
   */
  mayHaveSaved?: boolean;
  idempotency?: IdempotencyClaim;
}

const current = new AsyncLocalStorage<RequestWrites>();

/** Runs a request's work so that it can learn later that its answer was given up on. */
export function runAbandonable<T>(work: () => Promise<T>): {
  result: Promise<T>;
  /** Gives up on the work; says whether a change it made may still have been saved. */
  abandon(store: 'mongodb' | 'meilisearch'): { mayHaveSaved: boolean };
} {
  const state: RequestWrites = {};
  return {
    result: current.run(state, work),
    abandon: (store) => {
      state.abandonedFor = store;
      return { mayHaveSaved: state.mayHaveSaved === true };
    },
  };
}

/**
 * Throws if the current request was already answered with 503: its work must not carry on to a
 * commit once the store is back, or a change would land after the client was told it did not.
 */
export function stopIfAbandoned(): void {
  const store = current.getStore()?.abandonedFor;
  if (store) throw new DependencyUnavailableError(store);
}

/**
 * The last step of a transaction's work before its commit: records the request's Idempotency-Key
 * with the change, checks the request is still wanted, and from then on counts the change as
 * possibly saved (with nothing awaited between the check and the mark, so an abandonment either
 * stops the commit or knows it may have happened).
 */
export async function beforeCommit(session: ClientSession): Promise<void> {
  const state = current.getStore();
  stopIfAbandoned();
  await state?.idempotency?.record(session);
  stopIfAbandoned();
  if (state) state.mayHaveSaved = true;
}

/** Whether a change of the current request may have been saved (see `beforeCommit`). */
export function mayHaveSaved(): boolean {
  return current.getStore()?.mayHaveSaved === true;
}

/** Makes the current request's transactions record its Idempotency-Key (see `src/core/http/idempotency.ts`). */
export function claimIdempotencyKey(claim: IdempotencyClaim): void {
  const state = current.getStore();
  if (state) state.idempotency = claim;
}
