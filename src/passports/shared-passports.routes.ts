import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idParams, idSchema } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { printed, tags } from './passport-operations.js';
import { sharedPassportSchema } from './passports.schemas.js';

/** Passports shared with an employer's organisation, as the employer reads them. */

export const sharedList = createRoute({
  method: 'get',
  path: '/v1/shared-passports',
  operationId: 'listSharedPassports',
  tags,
  summary: 'Passports shared with my organisation (employers)',
  ...bearer,
  request: { query: paginationQuery },
  responses: {
    200: jsonResponse(
      pageOf(
        z.object({
          shareId: idSchema,
          youngPerson: z.object({ preferredName: z.string() }),
          sections: z.array(z.string()),
          purpose: z.string(),
          sharedAt: z.string(),
          expiresAt: z.string(),
          placementId: idSchema.optional(),
        }),
        'SharedPassportPage',
      ),
      'Active shares.',
    ),
    ...errorResponses(401),
  },
});

export const sharedRead = createRoute({
  method: 'get',
  path: '/v1/shared-passports/{shareId}',
  operationId: 'readSharedPassport',
  tags,
  summary: 'Read a passport shared with my organisation: only the shared sections, only while the share lasts',
  ...bearer,
  request: { params: idParams('shareId') },
  responses: { 200: jsonResponse(sharedPassportSchema, 'The shared sections.'), ...errorResponses(401, 404) },
});

export const sharedPrint = createRoute({
  method: 'get',
  path: '/v1/shared-passports/{shareId}/print',
  operationId: 'printSharedPassport',
  tags,
  summary:
    'A passport shared with my organisation as a printable HTML page: only the shared sections, audited as a print',
  ...bearer,
  request: { params: idParams('shareId') },
  responses: {
    200: { description: 'HTML page.', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses(401, 404),
  },
});

export const listSharedPassports: RouteHandler<typeof sharedList, AppEnv> = async (c) => {
  const shared = await c.var.services.passports.sharedWithMe(actor(c));
  return c.json(
    pageFrom(
      shared.map(({ share, person: sharer }) => ({
        shareId: share.id,
        youngPerson: { preferredName: sharer.preferredName },
        sections: share.sections,
        purpose: share.purpose,
        sharedAt: share.consent.givenAt.toISOString(),
        expiresAt: share.expiresAt.toISOString(),
        ...(share.placementId ? { placementId: share.placementId } : {}),
      })),
      c.req.valid('query'),
    ),
    200,
  );
};

export const readSharedPassport: RouteHandler<typeof sharedRead, AppEnv> = async (c) => {
  const {
    share,
    person: sharer,
    sections,
    version: current,
  } = await c.var.services.passports.readShared(actor(c), c.req.valid('param').shareId, c.get('requestId'));
  return c.json(
    {
      shareId: share.id,
      youngPerson: { preferredName: sharer.preferredName },
      purpose: share.purpose,
      sections,
      sharedSections: share.sections,
      sharedAt: share.consent.givenAt.toISOString(),
      expiresAt: share.expiresAt.toISOString(),
      version: current,
    },
    200,
  );
};

export const printSharedPassport: RouteHandler<typeof sharedPrint, AppEnv> = async (c) => {
  const { services } = c.var;
  const { share, person, sections, version } = await services.passports.readShared(
    actor(c),
    c.req.valid('param').shareId,
    c.get('requestId'),
    'passport_share.print',
  );
  return printed(c, {
    preferredName: person.preferredName,
    version,
    sections,
    visible: share.sections,
    shared: { purpose: share.purpose, expiresOn: share.expiresAt.toISOString().slice(0, 10) },
  });
};
