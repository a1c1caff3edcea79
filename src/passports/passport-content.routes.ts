import { createRoute, type RouteHandler, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageOf, paginationQuery } from '../domain/schemas.js';
import { person, printed, tags } from './passport-operations.js';
import {
  accessLogEntrySchema,
  parseSectionContent,
  passportSchema,
  passportSectionSchema,
  savePassportSchema,
  saveSectionSchema,
} from './passports.schemas.js';

/** The passport itself: reading, saving it whole or a section at a time, printing, and who read it. */

export const read = createRoute({
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

export const save = createRoute({
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

export const saveSection = createRoute({
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
export const print = createRoute({
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
export const accessLog = createRoute({
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

export const readPassport: RouteHandler<typeof read, AppEnv> = async (c) => {
  const { view } = await c.var.services.passports.read(
    actor(c),
    c.req.valid('param').youngPersonId,
    c.get('requestId'),
  );
  return c.json(view, 200);
};

export const savePassport: RouteHandler<typeof save, AppEnv> = async (c) => {
  const caller = actor(c);
  const { youngPersonId } = c.req.valid('param');
  const { passports } = c.var.services;
  await passports.save(caller, youngPersonId, c.req.valid('json'), c.get('requestId'));
  const { view } = await passports.read(caller, youngPersonId, c.get('requestId'));
  return c.json(view, 200);
};

export const savePassportSection: RouteHandler<typeof saveSection, AppEnv> = async (c) => {
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
};

export const printPassport: RouteHandler<typeof print, AppEnv> = async (c) => {
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
};

export const readAccessLog: RouteHandler<typeof accessLog, AppEnv> = async (c) => {
  const page = c.req.valid('query');
  const log = await c.var.services.passports.accessLog(actor(c), c.req.valid('param').youngPersonId, page);
  return c.json({ ...log, limit: page.limit, offset: page.offset }, 200);
};
