import { Hono } from 'hono';
import { ApiError } from '../core/errors.js';
import type { AppEnv } from '../core/http/env.js';

/**
 * GET /metrics for Prometheus, only with `Authorization: Bearer <METRICS_TOKEN>`. Any other
 * request (no token configured, none sent, a wrong one, another method) gets the same 404 as a
 * path that does not exist, so the endpoint cannot be found by probing. An operations endpoint,
 * not part of the public API document (docs/operations.md describes it).
 */
export function metricsRoutes() {
  const app = new Hono<AppEnv>();
  app.all('/metrics', async (c) => {
    const { operations } = c.var.services;
    if (c.req.method !== 'GET' || !operations.mayReadMetrics(c.req.header('Authorization'))) {
      throw new ApiError('not_found', `No route matches ${c.req.method} ${c.req.path}.`);
    }
    const { contentType, body } = await operations.metrics();
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' });
  });
  return app;
}
