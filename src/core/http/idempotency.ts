import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { alreadySaved } from '../db/idempotency-keys.js';
import { validationFailed } from '../errors.js';
import { claimIdempotencyKey } from '../request-deadline.js';
import type { AppEnv } from './env.js';

const keyPattern = /^[\x21-\x7e]{1,200}$/;

/**
 * An `Idempotency-Key` header on a signed-in POST makes it safe to send again: the key is saved
 * in the same transaction as the change, so if the change landed (even when the answer was a 503
 * saying it may have been saved) a repeat is refused with 409 instead of making a second record.
 */
export const idempotency: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header('idempotency-key');
  const actor = c.get('actor');
  if (key === undefined || c.req.method !== 'POST' || !actor) return next();
  if (!keyPattern.test(key))
    throw validationFailed([
      { path: 'Idempotency-Key', in: 'header', message: 'must be 1 to 200 visible ASCII characters, such as a UUID' },
    ]);
  const id = createHash('sha256').update(`${actor.accountId}\n${c.req.path}\n${key}`).digest('base64url');
  const keys = c.var.services.idempotencyKeys;
  if (await keys.saved(id)) throw alreadySaved();
  claimIdempotencyKey(keys.claim(id));
  await next();
};
