import { createRoute, z } from '@hono/zod-openapi';
import { ApiError } from '../core/errors.js';
import { createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';

const dependencyCheck = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
});

const readySchema = z
  .object({
    status: z.literal('ready'),
    checks: z.object({ mongodb: dependencyCheck, meilisearch: dependencyCheck }),
  })
  .openapi('Readiness');

const live = createRoute({
  method: 'get',
  path: '/health/live',
  operationId: 'getLiveness',
  tags: ['health'],
  summary: 'The process is up',
  responses: { 200: jsonResponse(z.object({ status: z.literal('live') }), 'The process answers.') },
});

const ready = createRoute({
  method: 'get',
  path: '/health/ready',
  operationId: 'getReadiness',
  tags: ['health'],
  summary: 'MongoDB and Meilisearch both answer',
  responses: {
    200: jsonResponse(readySchema, 'Both dependencies answered.'),
    ...errorResponses(503),
  },
});

export function healthRoutes() {
  return createRouter()
    .openapi(live, (c) => c.json({ status: 'live' as const }, 200))
    .openapi(ready, async (c) => {
      const checks = await c.var.services.health.checkDependencies();
      const down = (Object.keys(checks) as (keyof typeof checks)[]).filter((name) => checks[name].status === 'down');
      if (down.length > 0) {
        const names = down.map((name) => (name === 'mongodb' ? 'MongoDB' : 'Meilisearch')).join(' and ');
        throw new ApiError('dependency_unavailable', `${names} ${down.length > 1 ? 'are' : 'is'} unavailable.`, {
          details: { unavailable: down, checks },
          headers: { 'Retry-After': '5' },
        });
      }
      return c.json({ status: 'ready' as const, checks }, 200);
    });
}
