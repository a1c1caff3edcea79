import { createRoute } from '@hono/zod-openapi';
import type { Hono } from 'hono';
import { actor, afterTokenVerifies } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import {
  browsePageSchema,
  browseQuery,
  candidatePageSchema,
  candidatesQuery,
  matchesQuery,
  matchPageSchema,
} from './matching.schemas.js';
import type { MatchReads } from './matching.service.js';

const matches = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/matches',
  operationId: 'listMatches',
  tags: ['matching'],
  summary: 'Placements that fit a young person, best first, with reasons',
  description:
    'For the young person, a delegate who may view their profile, and job coaches of their provider. Only placements that keep every hard limit ' +
    '(travel distance, days, hours, environment limits, step-free access, required adjustments) are proposed; each comes with a fit score ' +
    'from 0 to 100 and its reasons. These are proposals for people to decide on: nothing is changed.',
  ...bearer,
  request: { params: idParams('youngPersonId'), query: matchesQuery },
  responses: {
    200: jsonResponse(matchPageSchema, 'Proposed placements, best fit first.'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const candidates = createRoute({
  method: 'get',
  path: '/v1/placements/{placementId}/candidates',
  operationId: 'listCandidates',
  tags: ['matching'],
  summary: 'Young people on my provider’s caseload who fit a placement (job coaches, provider admins)',
  description:
    'Only young people whose hard limits the placement keeps, best fit first, with reasons. Employers cannot call this.',
  ...bearer,
  request: { params: idParams('placementId'), query: candidatesQuery },
  responses: {
    200: jsonResponse(candidatePageSchema, 'Candidates, best fit first.'),
    ...errorResponses(400, 401, 403, 404),
  },
});

const browse = createRoute({
  method: 'get',
  path: '/v1/placements',
  operationId: 'browsePlacements',
  tags: ['matching'],
  summary: 'Search and browse open placements',
  description:
    'Open placements of verified employers. `facets` counts the matching placements by sector, hours band, adjustment offered and Disability Confident level.',
  ...bearer,
  request: { query: browseQuery },
  responses: { 200: jsonResponse(browsePageSchema, 'Placements and facet counts.'), ...errorResponses(400, 401) },
});

/** What each match request reads of its young person, started beside the token's check (`earlyMatchingReads`). */
const earlyReads = new WeakMap<Request, Promise<MatchReads | undefined>>();

/**
 * Registered before the authentication middleware: a match always reads the young person it is
 * for and what they were proposed for before, and searches their placement pool, so those start
 * as soon as the token's signature holds, beside the check that its account and sign-in are
 * active, not after it (the pool once the young person is read, for the query as the route will
 * read it; a query the route refuses searches nothing). Nothing of them is used until the request
 * is authenticated and the policy allows the caller this young person (`matchesFor`).
 */
export function earlyMatchingReads(app: Hono<AppEnv>) {
  app.use('/v1/young-people/:youngPersonId/matches', async (c, next) => {
    if (c.req.method === 'GET') {
      const id = c.req.param('youngPersonId');
      const query = matchesQuery.safeParse(c.req.query());
      earlyReads.set(
        c.req.raw,
        afterTokenVerifies(c, async () =>
          c.var.services.matching.startReads(id, query.success ? query.data : undefined),
        ),
      );
    }
    await next();
  });
}

export function matchingRoutes() {
  return createRouter()
    .openapi(matches, async (c) => {
      const page = await c.var.services.matching.matchesFor(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('query'),
        await earlyReads.get(c.req.raw),
      );
      return c.json(page, 200);
    })
    .openapi(candidates, async (c) => {
      const page = await c.var.services.matching.candidatesFor(
        actor(c),
        c.req.valid('param').placementId,
        c.req.valid('query'),
      );
      return c.json(page, 200);
    })
    .openapi(browse, async (c) => {
      const page = await c.var.services.matching.browse(actor(c), c.req.valid('query'));
      return c.json(page, 200);
    });
}
