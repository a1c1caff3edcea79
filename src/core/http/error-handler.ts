import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Router } from 'hono/router';
import type { RouterRoute } from 'hono/types';
import { isMongoUnavailable } from '../db/mongo.js';
import { ApiError, DependencyUnavailableError, type ErrorCode, type ErrorEnvelope, errorCodes } from '../errors.js';
import { errorSummary } from '../logger.js';
import { mayHaveSaved } from '../request-deadline.js';
import { isSearchUnavailable } from '../search/meili.js';
import type { AppEnv } from './env.js';

export function errorBody(c: Context, code: ErrorCode, message: string, details?: ApiError['details']): ErrorEnvelope {
  const requestId = (c.get('requestId') as string | undefined) ?? 'unknown';
  return { error: { code, message, ...(details === undefined ? {} : { details }), requestId } };
}

function respond(
  c: Context,
  code: ErrorCode,
  message: string,
  details?: ApiError['details'],
  headers?: Record<string, string>,
) {
  for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
  return c.json(errorBody(c, code, message, details), errorCodes[code]);
}

/** Maps anything thrown to the one envelope. Only ApiError messages reach clients verbatim. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ApiError) {
    return respond(c, error.code, error.message, error.details, error.headers);
  }
  const dependency =
    error instanceof DependencyUnavailableError
      ? error.dependency
      : isMongoUnavailable(error)
        ? 'mongodb'
        : isSearchUnavailable(error)
          ? 'meilisearch'
          : undefined;
  if (dependency) {
    c.get('services')?.logger.warn(
      { requestId: c.get('requestId'), dependency, err: errorSummary(error) },
      'dependency unavailable',
    );
    const name = dependency === 'mongodb' ? 'MongoDB' : 'Meilisearch';
    c.header('Retry-After', '5');
    // Raised inside the request (a transaction already committed, or its commit on its way), or by its deadline.
    const saved = error instanceof DependencyUnavailableError ? error.mayHaveSaved || mayHaveSaved() : mayHaveSaved();
    if (saved)
      return respond(
        c,
        'dependency_unavailable',
        `${name} stopped answering while your change was being saved, so it may have been saved. Check before you send it again, or send it again with the same Idempotency-Key.`,
        { dependency, saved: 'unknown' },
      );
    return respond(c, 'dependency_unavailable', `${name} is unavailable; nothing was changed. Try again shortly.`, {
      dependency,
    });
  }
  if (error instanceof HTTPException && error.status < 500) {
    if (error.status === 400 && /malformed json/i.test(error.message)) {
      return respond(c, 'malformed_json', 'The request body is not valid JSON.');
    }
    const code = (Object.entries(errorCodes).find(([, status]) => status === error.status)?.[0] ??
      'bad_request') as ErrorCode;
    return respond(c, code, error.message || 'The request could not be understood.');
  }
  c.get('services')?.logger.error({ requestId: c.get('requestId'), err: errorSummary(error) }, 'unhandled error');
  return respond(c, 'internal', 'Something went wrong on our side. It has been logged; please try again.');
};

const knownMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * A path no route has answers 404; a path that exists under other methods answers 405 with
 * `Allow` listing them (HEAD goes with GET), so a client learns what it may send.
 */
export function onNotFoundOrMethodNotAllowed(router: AppRouter): NotFoundHandler<AppEnv> {
  return (c) => {
    const pathname = new URL(c.req.url).pathname;
    const allowed = allowedMethods(router, pathname);
    if (allowed.length === 0) return respond(c, 'not_found', `No route matches ${c.req.method} ${pathname}.`);
    return methodNotAllowed(c, pathname, allowed);
  };
}

/**
 * `PATCH /v1/employers/signup` matches `PATCH /v1/employers/{employerId}`, whose id check then
 * fails; but the path names the sign-up resource, which has no PATCH: that is a 405, not a 400.
 */
export function onErrorWithLiteralPaths(router: AppRouter): ErrorHandler<AppEnv> {
  return (error, c) => {
    const pathProblem =
      error instanceof ApiError &&
      error.code === 'validation_failed' &&
      Array.isArray(error.details) &&
      error.details.every((d) => d.in === 'path');
    if (pathProblem) {
      const pathname = new URL(c.req.url).pathname;
      const literal = allowedMethods(router, pathname);
      if (literal.length > 0 && !literal.includes(c.req.method as (typeof knownMethods)[number]))
        return methodNotAllowed(c, pathname, literal);
    }
    return onError(error, c);
  };
}

type AppRouter = Router<[unknown, RouterRoute]>;

/**
 * The methods of the route pattern that names `pathname`. When a fixed path and a template both
 * match (`/v1/employers/signup` and `/v1/employers/{employerId}`), the one with fewer parameters
 * is the resource, so `Allow` lists only its methods.
 */
function allowedMethods(router: AppRouter, pathname: string) {
  const byMethod = knownMethods.map((method) => ({
    method,
    patterns: router
      .match(method, pathname)[0]
      .map(([[, route]]) => route)
      .filter((route) => route.method !== 'ALL')
      .map((route) => route.path),
  }));
  const parameterCount = (pattern: string) => pattern.split('/').filter((segment) => segment.startsWith(':')).length;
  const fewest = Math.min(...byMethod.flatMap(({ patterns }) => patterns.map(parameterCount)));
  return byMethod
    .filter(({ patterns }) => patterns.some((pattern) => parameterCount(pattern) === fewest))
    .map(({ method }) => method);
}

function methodNotAllowed(c: Context, pathname: string, allowed: string[]) {
  const allow = allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed;
  return respond(
    c,
    'method_not_allowed',
    `${c.req.method} is not allowed on ${pathname}; use ${allow.join(', ')}.`,
    undefined,
    {
      Allow: allow.join(', '),
    },
  );
}
