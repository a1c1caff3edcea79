import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { ApiError } from '../core/errors.js';
import type { AppEnv } from '../core/http/env.js';
import type { Account } from './accounts.js';
import type { RequestContext } from './auth.service.js';
import type { Actor } from './policy.js';
import type { VerifiedToken } from './tokens.js';

/** Routes under /v1 that need no access token: signing in, a forgotten password, accepting an invitation or signing up. */
const publicRoutes = new Set([
  'POST /v1/auth/token',
  'POST /v1/auth/password-reset',
  'POST /v1/auth/password-reset/confirm',
  'POST /v1/auth/refresh',
  'POST /v1/auth/logout',
  'POST /v1/invitations/accept',
  'POST /v1/employers/signup',
]);

const missingToken = () =>
  new ApiError('unauthenticated', 'Sign in first: send an access token as "Authorization: Bearer <token>".', {
    headers: { 'WWW-Authenticate': 'Bearer realm="api"' },
  });

/**
 * The request's access token, verified once per request (signature, issuer, audience, times: no
 * store is read). Both `authenticate` and `afterTokenVerifies` wait on the same verification.
 */
const verifications = new WeakMap<Request, Promise<VerifiedToken>>();

function verifiedAccessToken(c: Context<AppEnv>): Promise<VerifiedToken> {
  let verification = verifications.get(c.req.raw);
  if (!verification) {
    const match = c.req.header('authorization')?.match(/^Bearer ([A-Za-z0-9_\-.]{10,4096})$/);
    verification = match ? c.var.services.auth.verifyAccessToken(match[1]!) : Promise.reject(missingToken());
    // Whoever awaits it sees the failure; nobody awaiting it is not an unhandled rejection.
    verification.catch(() => undefined);
    verifications.set(c.req.raw, verification);
  }
  return verification;
}

/** Every /v1 route except the public ones requires a valid access token of an active account. */
export const authenticate: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (publicRoutes.has(`${c.req.method} ${c.req.path}`)) return next();
  // An unknown route is a 404 whoever asks; only real routes need a token.
  if (!matchedRoutes(c).some((route) => route.method !== 'ALL')) return next();
  const { actor, account } = await c.var.services.auth.signedInAs(await verifiedAccessToken(c));
  c.set('actor', actor);
  c.set('account', account);
  await next();
};

/**
 * Starts a read beside the check that the token's account and sign-in are still active, so a
 * route that always needs one record (the young person a match is for) does not wait for that
 * check first. The read starts only once the token's signature holds: a caller without a token
 * this service issued causes no read at all. Its result is the route's to use only after
 * `authenticate` has let the request through and the policy has allowed the caller that record;
 * undefined when the token does not verify (the request is refused then anyway).
 */
export function afterTokenVerifies<T>(c: Context<AppEnv>, read: () => Promise<T>): Promise<T | undefined> {
  const started = verifiedAccessToken(c).then(read, () => undefined);
  // A refused request never awaits it; a failed read is seen by the route that does.
  started.catch(() => undefined);
  return started;
}

/** The authenticated caller. Only called on protected routes, where the middleware has set it. */
export function actor(c: Context<AppEnv>): Actor {
  const found = c.get('actor');
  if (!found) throw missingToken();
  return found;
}

export function account(c: Context<AppEnv>): Account {
  const found = c.get('account');
  if (!found) throw missingToken();
  return found;
}

/** The caller's address: the socket's, or the first X-Forwarded-For entry behind a trusted proxy. */
export function clientAddress<E extends AppEnv>(c: Context<E>): string {
  if (c.var.services.config.TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

export function requestContext<E extends AppEnv>(c: Context<E>): RequestContext {
  return { requestId: c.get('requestId'), address: clientAddress(c) };
}
