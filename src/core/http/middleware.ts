import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { routePath } from 'hono/route';
import { ApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { AppEnv } from './env.js';

/**
 * One log line per request: id, method, the route pattern (not the URL, which can hold
 * search words or ids), status and duration. Nothing from the body or query string.
 */
export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    await next();
    const status = c.res.status;
    const line = {
      requestId: c.get('requestId'),
      method: c.req.method,
      route: routePath(c, -1),
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
    };
    if (status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
}

/** Bodies over the limit are refused with 413 while streaming, before they are buffered whole. */
export function limitBody(maxSize: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError('payload_too_large', `The request body is larger than ${maxSize} bytes.`);
    },
  });
}

/**
 * Every API answer is about its caller (a record, a passport, a report, even a refusal), so no
 * browser or proxy may keep a copy; an operation that is public (the JWKS) says so itself.
 */
export const noStore: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};
