import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { person, tags } from './passport-operations.js';
import type { PassportVersion } from './passports.repository.js';
import { passportSchema, restoreVersionSchema, versionSchema, versionSummarySchema } from './passports.schemas.js';

/** The passport's saved versions: listing them, reading one, restoring one as a new version. */

const versionSummary = (v: PassportVersion) => ({
  version: v.version,
  savedAt: v.savedAt.toISOString(),
  savedBy: v.savedBy,
  source: v.source,
  ...(v.draftId ? { draftId: v.draftId } : {}),
  ...(v.restoredFrom ? { restoredFrom: v.restoredFrom } : {}),
});

export const restore = createRoute({
  method: 'post',
  path: '/v1/young-people/{youngPersonId}/passport/versions/{version}/restore',
  operationId: 'restorePassportVersion',
  tags,
  summary: 'Restore an earlier version (the owner, or a delegate with edit_passport): a new version with its sections',
  description:
    'Nothing is overwritten: the restore is a new version (`source: "restore"`, `restoredFrom`), and it is in the audit log.',
  ...bearer,
  request: { params: person.extend({ version: z.coerce.number().int().min(1) }), body: jsonBody(restoreVersionSchema) },
  responses: {
    200: jsonResponse(passportSchema, 'Restored as a new version.'),
    ...errorResponses(400, 401, 403, 404, 409),
  },
});
export const versions = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/versions',
  operationId: 'listPassportVersions',
  tags,
  summary: 'Every saved version, newest first',
  ...bearer,
  request: { params: person, query: paginationQuery },
  responses: {
    200: jsonResponse(pageOf(versionSummarySchema, 'PassportVersionPage'), 'Versions.'),
    ...errorResponses(401, 403, 404),
  },
});

export const version = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/versions/{version}',
  operationId: 'getPassportVersion',
  tags,
  summary: 'One earlier version',
  ...bearer,
  request: { params: person.extend({ version: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonResponse(versionSchema, 'The version.'), ...errorResponses(400, 401, 403, 404) },
});

export const restorePassportVersion: RouteHandler<typeof restore, AppEnv> = async (c) => {
  const caller = actor(c);
  const { youngPersonId, version: number } = c.req.valid('param');
  const { passports } = c.var.services;
  await passports.restore(caller, youngPersonId, number, c.req.valid('json'), c.get('requestId'));
  const { view } = await passports.read(caller, youngPersonId, c.get('requestId'));
  return c.json(view, 200);
};

export const listPassportVersions: RouteHandler<typeof versions, AppEnv> = async (c) => {
  const items = await c.var.services.passports.versions(actor(c), c.req.valid('param').youngPersonId);
  return c.json(pageFrom(items.map(versionSummary), c.req.valid('query')), 200);
};

export const readPassportVersion: RouteHandler<typeof version, AppEnv> = async (c) => {
  const { youngPersonId, version: number } = c.req.valid('param');
  const found = await c.var.services.passports.version(actor(c), youngPersonId, number, c.get('requestId'));
  return c.json({ ...versionSummary(found), sections: found.sections }, 200);
};
