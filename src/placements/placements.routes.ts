import { createRoute } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageOf, paginationQuery } from '../domain/schemas.js';
import {
  placementInputSchema,
  placementPatchSchema,
  placementSchema,
  placementStatusSchema,
} from './placements.schemas.js';
import { placementView } from './placements.service.js';

const create = createRoute({
  method: 'post',
  path: '/v1/employers/{employerId}/placements',
  operationId: 'createPlacement',
  tags: ['placements'],
  summary: 'Post a placement (employer staff)',
  description:
    'A placement starts as a draft unless `status` says otherwise; only a verified employer’s placement can be open.',
  ...bearer,
  request: { params: idParams('employerId'), body: jsonBody(placementInputSchema) },
  responses: { 201: jsonResponse(placementSchema, 'Posted.'), ...errorResponses(400, 401, 403, 404, 422) },
});

const listForEmployer = createRoute({
  method: 'get',
  path: '/v1/employers/{employerId}/placements',
  operationId: 'listEmployerPlacements',
  tags: ['placements'],
  summary: 'An employer’s placements',
  description: 'All of them for the employer’s staff; the published ones (open, paused, filled) for everyone else.',
  ...bearer,
  request: {
    params: idParams('employerId'),
    query: paginationQuery.extend({ status: placementStatusSchema.optional() }),
  },
  responses: {
    200: jsonResponse(pageOf(placementSchema, 'PlacementPage'), 'Placements.'),
    ...errorResponses(400, 401, 404),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/placements/{placementId}',
  operationId: 'getPlacement',
  tags: ['placements'],
  summary: 'One placement',
  ...bearer,
  request: { params: idParams('placementId') },
  responses: { 200: jsonResponse(placementSchema, 'The placement.'), ...errorResponses(401, 404) },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/placements/{placementId}',
  operationId: 'updatePlacement',
  tags: ['placements'],
  summary: 'Change a placement (employer staff)',
  ...bearer,
  request: { params: idParams('placementId'), body: jsonBody(placementPatchSchema) },
  responses: { 200: jsonResponse(placementSchema, 'Updated.'), ...errorResponses(400, 401, 403, 404, 422) },
});

export function placementsRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const { placement, employer } = await c.var.services.placements.create(
        actor(c),
        c.req.valid('param').employerId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(placementView(placement, employer), 201);
    })
    .openapi(listForEmployer, async (c) => {
      const query = c.req.valid('query');
      const page = await c.var.services.placements.listForEmployer(actor(c), c.req.valid('param').employerId, query);
      return c.json(
        {
          items: page.items.map((p) => placementView(p, page.employer)),
          total: page.total,
          limit: query.limit,
          offset: query.offset,
        },
        200,
      );
    })
    .openapi(get, async (c) => {
      const { placement, employer } = await c.var.services.placements.get(actor(c), c.req.valid('param').placementId);
      return c.json(placementView(placement, employer), 200);
    })
    .openapi(update, async (c) => {
      const { placement, employer } = await c.var.services.placements.update(
        actor(c),
        c.req.valid('param').placementId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(placementView(placement, employer), 200);
    });
}
