import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { person, tags } from './passport-operations.js';
import type { PassportShare } from './passports.repository.js';
import { shareStatus } from './passports.rules.js';
import { shareInputSchema, shareSchema } from './passports.schemas.js';

/** The owner's shares of the passport with employers: listing, sharing, withdrawing, renewing. */

const shareView = (share: PassportShare, employerName: string, now: Date) => ({
  id: share.id,
  youngPersonId: share.youngPersonId,
  employerId: share.employerId,
  employerName,
  ...(share.placementId ? { placementId: share.placementId } : {}),
  sections: share.sections,
  purpose: share.purpose,
  consent: {
    givenBy: share.consent.givenBy,
    givenAt: share.consent.givenAt.toISOString(),
    statement: share.consent.statement,
  },
  expiresAt: share.expiresAt.toISOString(),
  ...(share.withdrawnAt ? { withdrawnAt: share.withdrawnAt.toISOString() } : {}),
  status: shareStatus(share, now),
});

export const listShares = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/shares',
  operationId: 'listPassportShares',
  tags,
  summary: 'Who the passport is shared with, which sections, until when',
  ...bearer,
  request: { params: person, query: paginationQuery },
  responses: {
    200: jsonResponse(pageOf(shareSchema, 'PassportSharePage'), 'Shares.'),
    ...errorResponses(401, 403, 404),
  },
});

export const createShare = createRoute({
  method: 'post',
  path: '/v1/young-people/{youngPersonId}/passport/shares',
  operationId: 'sharePassport',
  tags,
  summary: 'Share chosen sections with one employer (the owner, or a delegate with share_passport)',
  description:
    'Records explicit consent: who agreed, when, what was shared, for what purpose. Lasts 90 days unless set otherwise; can be withdrawn at once.',
  ...bearer,
  request: { params: person, body: jsonBody(shareInputSchema) },
  responses: { 201: jsonResponse(shareSchema, 'Shared.'), ...errorResponses(400, 401, 403, 404, 422) },
});

export const withdraw = createRoute({
  method: 'delete',
  path: '/v1/young-people/{youngPersonId}/passport/shares/{shareId}',
  operationId: 'withdrawPassportShare',
  tags,
  summary: 'Withdraw a share; the employer loses access at once',
  ...bearer,
  request: { params: idParams('youngPersonId', 'shareId') },
  responses: { 200: jsonResponse(shareSchema, 'Withdrawn.'), ...errorResponses(401, 403, 404) },
});

export const renew = createRoute({
  method: 'post',
  path: '/v1/young-people/{youngPersonId}/passport/shares/{shareId}/renew',
  operationId: 'renewPassportShare',
  tags,
  summary: 'Renew a share with a new end date (the owner, or a delegate with share_passport); audited',
  description:
    'The share lasts `expiresInDays` from today; the consent statement says the new date. A withdrawn share cannot be renewed (409): share again.',
  ...bearer,
  request: {
    params: idParams('youngPersonId', 'shareId'),
    body: jsonBody(z.strictObject({ expiresInDays: z.number().int().min(1).max(365) }).openapi('ShareRenewal')),
  },
  responses: { 200: jsonResponse(shareSchema, 'Renewed.'), ...errorResponses(400, 401, 403, 404, 409) },
});

export const listPassportShares: RouteHandler<typeof listShares, AppEnv> = async (c) => {
  const { services } = c.var;
  const shares = await services.passports.shares(actor(c), c.req.valid('param').youngPersonId);
  const names = await services.passports.employerNames(shares);
  const now = services.clock.now();
  return c.json(
    pageFrom(
      shares.map((share) => shareView(share, names.get(share.employerId) ?? 'an employer', now)),
      c.req.valid('query'),
    ),
    200,
  );
};

export const sharePassport: RouteHandler<typeof createShare, AppEnv> = async (c) => {
  const { services } = c.var;
  const share = await services.passports.share(
    actor(c),
    c.req.valid('param').youngPersonId,
    c.req.valid('json'),
    c.get('requestId'),
  );
  const employerName = (await services.passports.employerNames([share])).get(share.employerId);
  return c.json(shareView(share, employerName ?? 'an employer', services.clock.now()), 201);
};

export const withdrawPassportShare: RouteHandler<typeof withdraw, AppEnv> = async (c) => {
  const { services } = c.var;
  const { youngPersonId, shareId } = c.req.valid('param');
  const share = await services.passports.withdrawShare(actor(c), youngPersonId, shareId, c.get('requestId'));
  const employerName = (await services.passports.employerNames([share])).get(share.employerId);
  return c.json(shareView(share, employerName ?? 'an employer', services.clock.now()), 200);
};

export const renewPassportShare: RouteHandler<typeof renew, AppEnv> = async (c) => {
  const { services } = c.var;
  const { youngPersonId, shareId } = c.req.valid('param');
  const share = await services.passports.renewShare(
    actor(c),
    youngPersonId,
    shareId,
    c.req.valid('json'),
    c.get('requestId'),
  );
  const employerName = (await services.passports.employerNames([share])).get(share.employerId);
  return c.json(shareView(share, employerName ?? 'an employer', services.clock.now()), 200);
};
