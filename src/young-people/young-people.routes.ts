import { createRoute, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { delegateRightSchema } from '../auth/auth.schemas.js';
import { idParams, idSchema } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, pageOf, paginationQuery, searchWords } from '../domain/schemas.js';
import type { YoungPerson } from './young-people.repository.js';
import {
  eligibilityExceptionSchema,
  youngPersonInputSchema,
  youngPersonPatchSchema,
  youngPersonSchema,
  youngPersonStatuses,
} from './young-people.schemas.js';
import { ageOn } from './young-people.service.js';

export function youngPersonView(person: YoungPerson, hasAccount: boolean) {
  const { eligibilityException, createdAt, updatedAt, ...rest } = person;
  return {
    ...rest,
    ageAtPlannedStart: ageOn(person.dateOfBirth, person.plannedStartDate),
    ...(eligibilityException
      ? {
          eligibilityException: {
            reason: eligibilityException.reason,
            recordedAt: eligibilityException.recordedAt.toISOString(),
          },
        }
      : {}),
    hasAccount,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

const create = createRoute({
  method: 'post',
  path: '/v1/young-people',
  operationId: 'createYoungPerson',
  tags: ['young people'],
  summary: 'Add a young person to my provider’s caseload (job coaches, provider admins)',
  description:
    'Eligibility: aged 16 to 24 on the planned start date, unless a provider admin records an exception. The home postcode is placed on the map offline.',
  ...bearer,
  request: { body: jsonBody(youngPersonInputSchema) },
  responses: { 201: jsonResponse(youngPersonSchema, 'Added.'), ...errorResponses(400, 401, 403, 422) },
});

const list = createRoute({
  method: 'get',
  path: '/v1/young-people',
  operationId: 'listYoungPeople',
  tags: ['young people'],
  summary: 'Young people I may see',
  description:
    'Job coaches and provider admins: their provider’s caseload. A young person: themself. A delegate: whom they act for.',
  ...bearer,
  request: {
    query: paginationQuery.extend({
      status: z.enum(youngPersonStatuses).optional(),
      jobCoachId: idSchema.optional(),
      q: searchWords(80).optional(),
    }),
  },
  responses: {
    200: jsonResponse(pageOf(youngPersonSchema, 'YoungPersonPage'), 'Young people.'),
    ...errorResponses(400, 401),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}',
  operationId: 'getYoungPerson',
  tags: ['young people'],
  summary: 'One young person’s vocational profile',
  ...bearer,
  request: { params: idParams('youngPersonId') },
  responses: { 200: jsonResponse(youngPersonSchema, 'The profile.'), ...errorResponses(401, 403, 404) },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/young-people/{youngPersonId}',
  operationId: 'updateYoungPerson',
  tags: ['young people'],
  summary: 'Change a vocational profile',
  description:
    'Job coaches and provider admins change any field; the young person (or a delegate with edit_profile) all but coach, status, dates and EHC plan.',
  ...bearer,
  request: { params: idParams('youngPersonId'), body: jsonBody(youngPersonPatchSchema) },
  responses: { 200: jsonResponse(youngPersonSchema, 'Updated.'), ...errorResponses(400, 401, 403, 404, 422) },
});

const exception = createRoute({
  method: 'put',
  path: '/v1/young-people/{youngPersonId}/eligibility-exception',
  operationId: 'setEligibilityException',
  tags: ['young people'],
  summary: 'Record why a young person may start outside the 16 to 24 range (provider admins)',
  ...bearer,
  request: { params: idParams('youngPersonId'), body: jsonBody(eligibilityExceptionSchema) },
  responses: { 200: jsonResponse(youngPersonSchema, 'Recorded.'), ...errorResponses(400, 401, 403, 404) },
});

const delegateSchema = z
  .object({
    accountId: idSchema,
    name: z.string(),
    status: z.enum(['active', 'disabled']),
    youngPersonId: idSchema,
    rights: z.array(delegateRightSchema),
    relationship: z.string().optional(),
  })
  .openapi('Delegate');

const delegates = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/delegates',
  operationId: 'listDelegates',
  tags: ['young people'],
  summary: 'Who acts for this young person, with which rights',
  ...bearer,
  request: { params: idParams('youngPersonId'), query: paginationQuery },
  responses: {
    200: jsonResponse(pageOf(delegateSchema, 'DelegatePage'), 'Delegates.'),
    ...errorResponses(401, 403, 404),
  },
});

const removeDelegate = createRoute({
  method: 'delete',
  path: '/v1/young-people/{youngPersonId}/delegates/{accountId}',
  operationId: 'removeDelegate',
  tags: ['young people'],
  summary: 'Stop a delegate acting for me (the young person)',
  ...bearer,
  request: { params: idParams('youngPersonId', 'accountId') },
  responses: { 204: { description: 'Removed.' }, ...errorResponses(401, 403, 404) },
});

const exportData = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/export',
  operationId: 'exportYoungPerson',
  tags: ['young people'],
  summary: 'Everything held about a young person, as one JSON document (subject access request)',
  description:
    'Profile, account, delegates, passport with every version, drafts and shares, placement journey, and every audit entry about them.',
  ...bearer,
  request: { params: idParams('youngPersonId') },
  responses: {
    200: jsonResponse(z.record(z.string(), z.unknown()).openapi('SubjectAccessExport'), 'The export.'),
    ...errorResponses(401, 403, 404),
  },
});

const erase = createRoute({
  method: 'delete',
  path: '/v1/young-people/{youngPersonId}',
  operationId: 'eraseYoungPerson',
  tags: ['young people'],
  summary: 'Erase a young person (provider admins, including at the young person’s request)',
  description:
    'Removes them from MongoDB and from every search index, revokes every passport share, removes their account and delegates’ rights over them. ' +
    'Audit entries are kept with their ids replaced by a pseudonym.',
  ...bearer,
  request: { params: idParams('youngPersonId') },
  responses: {
    200: jsonResponse(z.object({ erased: z.literal(true), pseudonym: z.string() }), 'Erased.'),
    ...errorResponses(401, 403, 404),
  },
});

export function youngPeopleRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const created = await c.var.services.youngPeople.create(actor(c), c.req.valid('json'), c.get('requestId'));
      return c.json(youngPersonView(created, false), 201);
    })
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const { youngPeople } = c.var.services;
      const page = await youngPeople.list(actor(c), query);
      const withAccounts = await youngPeople.withAccounts(page.items.map((person) => person.id));
      const items = page.items.map((person) => youngPersonView(person, withAccounts.has(person.id)));
      return c.json({ items, total: page.total, limit: query.limit, offset: query.offset }, 200);
    })
    .openapi(get, async (c) => {
      const { youngPeople } = c.var.services;
      const person = await youngPeople.get(actor(c), c.req.valid('param').youngPersonId);
      return c.json(youngPersonView(person, await youngPeople.hasAccount(person.id)), 200);
    })
    .openapi(update, async (c) => {
      const { youngPeople } = c.var.services;
      const updated = await youngPeople.update(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(youngPersonView(updated, await youngPeople.hasAccount(updated.id)), 200);
    })
    .openapi(exception, async (c) => {
      const { youngPeople } = c.var.services;
      const updated = await youngPeople.recordEligibilityException(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json').reason,
        c.get('requestId'),
      );
      return c.json(youngPersonView(updated, await youngPeople.hasAccount(updated.id)), 200);
    })
    .openapi(delegates, async (c) => {
      const items = await c.var.services.youngPeople.delegates(actor(c), c.req.valid('param').youngPersonId);
      return c.json(pageFrom(items, c.req.valid('query')), 200);
    })
    .openapi(exportData, async (c) => {
      const document = await c.var.services.dataRights.export(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.get('requestId'),
      );
      c.header('Content-Disposition', 'attachment; filename="my-data.json"');
      return c.json(JSON.parse(JSON.stringify(document)) as Record<string, unknown>, 200);
    })
    .openapi(erase, async (c) => {
      const { pseudonym } = await c.var.services.dataRights.erase(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.get('requestId'),
      );
      return c.json({ erased: true as const, pseudonym }, 200);
    })
    .openapi(removeDelegate, async (c) => {
      const { youngPersonId, accountId } = c.req.valid('param');
      await c.var.services.youngPeople.removeDelegate(actor(c), youngPersonId, accountId, c.get('requestId'));
      return c.body(null, 204);
    });
}
