import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actor } from '../auth/auth.middleware.js';
import { idParams, idSchema } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { longText, pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { renderPassportPage } from './passport-print.js';
import type { PassportDraft, PassportShare, PassportVersion } from './passports.repository.js';
import { shareStatus } from './passports.rules.js';
import {
  accessLogEntrySchema,
  draftInputSchema,
  draftSchema,
  parseSectionContent,
  passportSchema,
  passportSectionSchema,
  restoreVersionSchema,
  savePassportSchema,
  saveSectionSchema,
  sharedPassportSchema,
  shareInputSchema,
  shareSchema,
  versionSchema,
  versionSummarySchema,
} from './passports.schemas.js';

const tags = ['passports'];
const person = idParams('youngPersonId');

const versionSummary = (v: PassportVersion) => ({
  version: v.version,
  savedAt: v.savedAt.toISOString(),
  savedBy: v.savedBy,
  source: v.source,
  ...(v.draftId ? { draftId: v.draftId } : {}),
  ...(v.restoredFrom ? { restoredFrom: v.restoredFrom } : {}),
});

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

export const shareView = (share: PassportShare, employerName: string, now: Date) => ({
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

const read = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport',
  operationId: 'getPassport',
  tags,
  summary: 'Read an adjustments passport',
  description:
    'The owner and delegates with view_passport see every section; the provider’s job coaches see what the owner allows (by default all but "my condition"). ' +
    'Every read by anyone other than the owner is written to the access log. Includes how complete each section is and when the next review is due.',
  ...bearer,
  request: { params: person },
  responses: { 200: jsonResponse(passportSchema, 'The passport.'), ...errorResponses(401, 403, 404) },
});

const save = createRoute({
  method: 'put',
  path: '/v1/young-people/{youngPersonId}/passport',
  operationId: 'savePassport',
  tags,
  summary: 'Replace the whole passport (the owner, or a delegate with edit_passport); every save is a new version',
  description:
    'The body names every section (null empties one); a body that leaves a section out is refused with 400 naming it, so nothing is emptied by accident. ' +
    'To change one section, use PUT .../passport/sections/{section}.',
  ...bearer,
  request: { params: person, body: jsonBody(savePassportSchema) },
  responses: { 200: jsonResponse(passportSchema, 'Saved.'), ...errorResponses(400, 401, 403, 404, 409) },
});

const saveSection = createRoute({
  method: 'put',
  path: '/v1/young-people/{youngPersonId}/passport/sections/{section}',
  operationId: 'savePassportSection',
  tags,
  summary: 'Save one section (the owner, or a delegate with edit_passport); the other sections stay as they are',
  description:
    'A new version with this section replaced. `baseVersion` is the version the edit started from: if someone saved since, 409.',
  ...bearer,
  request: { params: person.extend({ section: passportSectionSchema }), body: jsonBody(saveSectionSchema) },
  responses: { 200: jsonResponse(passportSchema, 'Saved.'), ...errorResponses(400, 401, 403, 404, 409) },
});

const restore = createRoute({
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

const print = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/print',
  operationId: 'printPassport',
  tags,
  summary: 'The passport as a printable, accessible HTML page (print to PDF from the browser)',
  ...bearer,
  request: { params: person },
  responses: {
    200: { description: 'HTML page.', content: { 'text/html': { schema: z.string() } } },
    ...errorResponses(401, 403, 404),
  },
});

const versions = createRoute({
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

const version = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/versions/{version}',
  operationId: 'getPassportVersion',
  tags,
  summary: 'One earlier version',
  ...bearer,
  request: { params: person.extend({ version: z.coerce.number().int().min(1) }) },
  responses: { 200: jsonResponse(versionSchema, 'The version.'), ...errorResponses(400, 401, 403, 404) },
});

const listDrafts = createRoute({
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

const propose = createRoute({
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

const listShares = createRoute({
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

const createShare = createRoute({
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

const withdraw = createRoute({
  method: 'delete',
  path: '/v1/young-people/{youngPersonId}/passport/shares/{shareId}',
  operationId: 'withdrawPassportShare',
  tags,
  summary: 'Withdraw a share; the employer loses access at once',
  ...bearer,
  request: { params: idParams('youngPersonId', 'shareId') },
  responses: { 200: jsonResponse(shareSchema, 'Withdrawn.'), ...errorResponses(401, 403, 404) },
});

const renew = createRoute({
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

const accessLog = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/passport/access-log',
  operationId: 'getPassportAccessLog',
  tags,
  summary: 'Who read the passport, what and when',
  ...bearer,
  request: { params: person, query: paginationQuery },
  responses: {
    200: jsonResponse(pageOf(accessLogEntrySchema, 'AccessLogPage'), 'Reads, newest first.'),
    ...errorResponses(401, 403, 404),
  },
});

const sharedList = createRoute({
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

const sharedRead = createRoute({
  method: 'get',
  path: '/v1/shared-passports/{shareId}',
  operationId: 'readSharedPassport',
  tags,
  summary: 'Read a passport shared with my organisation: only the shared sections, only while the share lasts',
  ...bearer,
  request: { params: idParams('shareId') },
  responses: { 200: jsonResponse(sharedPassportSchema, 'The shared sections.'), ...errorResponses(401, 404) },
});

const sharedPrint = createRoute({
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

const printPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The printable page: no scripts or outside resources (its own CSP), never cached, dated today. */
function printed(c: Context<AppEnv>, page: Omit<Parameters<typeof renderPassportPage>[0], 'printedOn'>) {
  c.header('Content-Security-Policy', printPolicy);
  return c.html(renderPassportPage({ ...page, printedOn: c.var.services.clock.now().toISOString().slice(0, 10) }), 200);
}

export function passportsRoutes() {
  return createRouter()
    .openapi(read, async (c) => {
      const { view } = await c.var.services.passports.read(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.get('requestId'),
      );
      return c.json(view, 200);
    })
    .openapi(save, async (c) => {
      const caller = actor(c);
      const { youngPersonId } = c.req.valid('param');
      const { passports } = c.var.services;
      await passports.save(caller, youngPersonId, c.req.valid('json'), c.get('requestId'));
      const { view } = await passports.read(caller, youngPersonId, c.get('requestId'));
      return c.json(view, 200);
    })
    .openapi(saveSection, async (c) => {
      const caller = actor(c);
      const { youngPersonId, section } = c.req.valid('param');
      const { baseVersion, content } = c.req.valid('json');
      const { passports } = c.var.services;
      await passports.saveSection(
        caller,
        youngPersonId,
        section,
        { baseVersion, content: parseSectionContent(section, content) },
        c.get('requestId'),
      );
      const { view } = await passports.read(caller, youngPersonId, c.get('requestId'));
      return c.json(view, 200);
    })
    .openapi(restore, async (c) => {
      const caller = actor(c);
      const { youngPersonId, version: number } = c.req.valid('param');
      const { passports } = c.var.services;
      await passports.restore(caller, youngPersonId, number, c.req.valid('json'), c.get('requestId'));
      const { view } = await passports.read(caller, youngPersonId, c.get('requestId'));
      return c.json(view, 200);
    })
    .openapi(print, async (c) => {
      const { services } = c.var;
      const { person, view } = await services.passports.read(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.get('requestId'),
        'passport.print',
      );
      return printed(c, {
        preferredName: person.preferredName,
        version: view.version,
        sections: view.sections,
        visible: view.visibleSections,
      });
    })
    .openapi(versions, async (c) => {
      const items = await c.var.services.passports.versions(actor(c), c.req.valid('param').youngPersonId);
      return c.json(pageFrom(items.map(versionSummary), c.req.valid('query')), 200);
    })
    .openapi(version, async (c) => {
      const { youngPersonId, version: number } = c.req.valid('param');
      const found = await c.var.services.passports.version(actor(c), youngPersonId, number, c.get('requestId'));
      return c.json({ ...versionSummary(found), sections: found.sections }, 200);
    })
    .openapi(listDrafts, async (c) => {
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
    })
    .openapi(propose, async (c) => {
      const caller = actor(c);
      const draft = await c.var.services.passports.proposeDraft(
        caller,
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      const name = (await c.var.services.passports.proposerNames([draft])).get(draft.proposedBy) ?? 'a job coach';
      return c.json(draftView(draft, name), 201);
    })
    .openapi(
      decision(
        'acceptPassportDraft',
        '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/accept',
        'Accept a proposed change: it becomes a new version',
      ),
      async (c) => {
        const { services } = c.var;
        const { youngPersonId, draftId } = c.req.valid('param');
        const draft = await services.passports.decideDraft(
          actor(c),
          youngPersonId,
          draftId,
          { accept: true, reason: c.req.valid('json').reason },
          c.get('requestId'),
        );
        const names = await services.passports.proposerNames([draft]);
        return c.json(draftView(draft, names.get(draft.proposedBy) ?? 'a job coach'), 200);
      },
    )
    .openapi(
      decision(
        'rejectPassportDraft',
        '/v1/young-people/{youngPersonId}/passport/drafts/{draftId}/reject',
        'Reject a proposed change',
      ),
      async (c) => {
        const { services } = c.var;
        const { youngPersonId, draftId } = c.req.valid('param');
        const draft = await services.passports.decideDraft(
          actor(c),
          youngPersonId,
          draftId,
          { accept: false, reason: c.req.valid('json').reason },
          c.get('requestId'),
        );
        const names = await services.passports.proposerNames([draft]);
        return c.json(draftView(draft, names.get(draft.proposedBy) ?? 'a job coach'), 200);
      },
    )
    .openapi(listShares, async (c) => {
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
    })
    .openapi(createShare, async (c) => {
      const { services } = c.var;
      const share = await services.passports.share(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      const employerName = (await services.passports.employerNames([share])).get(share.employerId);
      return c.json(shareView(share, employerName ?? 'an employer', services.clock.now()), 201);
    })
    .openapi(withdraw, async (c) => {
      const { services } = c.var;
      const { youngPersonId, shareId } = c.req.valid('param');
      const share = await services.passports.withdrawShare(actor(c), youngPersonId, shareId, c.get('requestId'));
      const employerName = (await services.passports.employerNames([share])).get(share.employerId);
      return c.json(shareView(share, employerName ?? 'an employer', services.clock.now()), 200);
    })
    .openapi(renew, async (c) => {
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
    })
    .openapi(accessLog, async (c) => {
      const page = c.req.valid('query');
      const log = await c.var.services.passports.accessLog(actor(c), c.req.valid('param').youngPersonId, page);
      return c.json({ ...log, limit: page.limit, offset: page.offset }, 200);
    })
    .openapi(sharedList, async (c) => {
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
    })
    .openapi(sharedRead, async (c) => {
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
    })
    .openapi(sharedPrint, async (c) => {
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
    });
}
