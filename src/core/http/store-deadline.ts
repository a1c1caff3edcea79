import type { MiddlewareHandler } from 'hono';
import { DependencyUnavailableError } from '../errors.js';
import { runAbandonable } from '../request-deadline.js';
import type { AppEnv } from './env.js';

/**
 * How long the stores get to answer a quick ping once a request has run past its time: long
 * enough that a busy machine's slow ping is not taken for a store that stopped.
 */
export const storeProbeMs = 1000;

/**
 * Bounds how long a request can wait on a store that does not answer. Every call to MongoDB and
 * Meilisearch has its own timeout, but a request makes several (and the MongoDB driver retries
 * after a network error, a transaction for up to two minutes), so those alone do not bound the
 * request. Once a request has run for the longer of MONGO_TIMEOUT_MS and MEILI_TIMEOUT_MS, both
 * stores are pinged; if one does not answer within `storeProbeMs`, the request ends at once with
 * 503 naming it, and its transaction will not commit later. If its commit was already on its way,
 * the 503 says the change may have been saved (a paused mongod applies it when it runs again). A
 * request that is merely slow while both stores answer carries on.
 */
export function storeDeadline(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const { config, health, logger } = c.var.services;
    const budgetMs = Math.max(config.MONGO_TIMEOUT_MS, config.MEILI_TIMEOUT_MS);
    const request = runAbandonable(() => next().then(() => 'done' as const));
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), budgetMs)));
      const outcome = await Promise.race([request.result, late]).finally(() => clearTimeout(timer));
      if (outcome === 'done') return;
      const checks = await health.checkDependencies(storeProbeMs);
      const down =
        checks.mongodb.status === 'down' ? 'mongodb' : checks.meilisearch.status === 'down' ? 'meilisearch' : undefined;
      if (down) {
        const { mayHaveSaved } = request.abandon(down);
        request.result.catch((error: unknown) =>
          logger.debug(
            { requestId: c.get('requestId'), err: { type: error instanceof Error ? error.name : typeof error } },
            'abandoned request ended',
          ),
        );
        throw new DependencyUnavailableError(down, undefined, { mayHaveSaved });
      }
    }
  };
}
