import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { longText, pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { person, tags } from './passport-operations.js';
import type { PassportDraft } from './passports.repository.js';
import { draftInputSchema, draftSchema } from './passports.schemas.js';

/** Changes job coaches propose to a passport, and the owner's answer to each. */

const draftView = (draft: PassportDraft, proposerName: string) => ({
  id: draft.id,
  youngPersonId: draft.youngPersonId,
  baseVersion: draft.baseVersion,
  sections: draft.sections,
  ...(draft.note ? { note: draft.note } : {}),
  proposedBy: { accountId: draft.proposedBy, name: proposerName },
  proposedAt: draft.proposedAt.toISOString(),
  status: draft.status,
  ...(draft.decidedAt ? { decidedAt: draft.decidedAt.toISOString() } : {}),
  ...(draft.decisionReason ? { decisionReason: draft.decisionReason } : {}),
  ...(draft.resultingVersion ? { resultingVersion: draft.resultingVersion } : {}),
});

export const listDrafts = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/drafts',
  operationId: 'listPassportDrafts',
  tags,
  summary: 'Changes job coaches have proposed',
  ...bearer,
  request: {
    params: person,
    query: paginationQuery.extend({ status: z.enum(['pending', 'accepted', 'rejected']).optional() }),
  },
  responses: {
    200: jsonResponse(pageOf(draftSchema, 'PassportDraftPage'), 'Drafts.'),
    ...errorResponses(401, 403, 404),
  },
});

export const propose = createRoute({
  method: 'post',
  path: '/v1/young-people/{youngPersonId}/passport/drafts',
  operationId: 'proposePassportDraft',
  tags,
  summary: 'Propose changes (job coaches); nothing changes until the owner accepts',
  ...bearer,
  request: { params: person, body: jsonBody(draftInputSchema) },
  responses: { 201: jsonResponse(draftSchema, 'Proposed.'), ...errorResponses(400, 401, 403, 404) },
});

const decision = (operationId: string, path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags,
    summary,
    ...bearer,
    request: {
      params: idParams('youngPersonId', 'draftId'),
      body: jsonBody(z.strictObject({ reason: longText(500).optional() }).openapi('DraftDecision')),
    },
    responses: { 200: jsonResponse(draftSchema, 'Decided.'), ...errorResponses(400, 401, 403, 404, 409) },
  });

export const acceptDraft = decision(
  'acceptPassportDraft',
  '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/accept',
  'Accept a proposed change: it becomes a new version',
);

export const rejectDraft = decision(
  'rejectPassportDraft',
  '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/reject',
  'Reject a proposed change',
);

export const listPassportDrafts: RouteHandler<typeof listDrafts, AppEnv> = async (c) => {
  const { services } = c.var;
  const drafts = await services.passports.drafts(
    actor(c),
    c.req.valid('param').youngPersonId,
    c.req.valid('query').status,
  );
  const names = await services.passports.proposerNames(drafts);
  return c.json(
    pageFrom(
      drafts.map((draft) => draftView(draft, names.get(draft.proposedBy) ?? 'a job coach')),
      c.req.valid('query'),
    ),
    200,
  );
};

export const proposePassportDraft: RouteHandler<typeof propose, AppEnv> = async (c) => {
  const caller = actor(c);
  const draft = await c.var.services.passports.proposeDraft(
    caller,
    c.req.valid('param').youngPersonId,
    c.req.valid('json'),
    c.get('requestId'),
  );
  const name = (await c.var.services.passports.proposerNames([draft])).get(draft.proposedBy) ?? 'a job coach';
  return c.json(draftView(draft, name), 201);
};

/** Accepting and rejecting differ only in the answer they record. */
export const decidePassportDraft =
  (accept: boolean): RouteHandler<ReturnType<typeof decision>, AppEnv> =>
  async (c) => {
    const { services } = c.var;
    const { youngPersonId, draftId } = c.req.valid('param');
    const draft = await services.passports.decideDraft(
      actor(c),
      youngPersonId,
      draftId,
      { accept, reason: c.req.valid('json').reason },
      c.get('requestId'),
    );
    const names = await services.passports.proposerNames([draft]);
    return c.json(draftView(draft, names.get(draft.proposedBy) ?? 'a job coach'), 200);
  };
