import { createRoute, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idSchema } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { inboxKinds } from './inbox.js';
import { pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { journeyActionSchema, journeyStateSchema } from './journey.schemas.js';

const inboxItemSchema = z
  .object({
    kind: z.enum(inboxKinds),
    title: z.string().openapi({ description: 'What to do, in plain English.' }),
    matchId: idSchema,
    state: journeyStateSchema,
    since: z.string().openapi({ description: 'When this became yours to do.' }),
    youngPerson: z.object({ id: idSchema, preferredName: z.string() }),
    placement: z.object({ id: idSchema, title: z.string(), employerName: z.string() }),
    actions: z.array(journeyActionSchema).openapi({ description: 'The journey steps you may take on this match now.' }),
    weeksWithoutLog: z.array(z.string()).optional(),
    dueOn: z.string().optional(),
  })
  .openapi('InboxItem');

const inbox = createRoute({
  method: 'get',
  path: '/v1/me/inbox',
  operationId: 'getInbox',
  tags: ['placement journey'],
  summary: 'What I must act on, newest first',
  description:
    'Young people and delegates (with respond_to_proposals): proposals to answer. Employers: proposals to decide on, internships to start, reviews due. ' +
    'Job coaches, for their own caseload: internships to start, weeks with no log, reviews due, 12-month follow-ups due.',
  ...bearer,
  request: { query: paginationQuery },
  responses: { 200: jsonResponse(pageOf(inboxItemSchema, 'Inbox'), 'The inbox.'), ...errorResponses(401) },
});

export function inboxRoutes() {
  return createRouter().openapi(inbox, async (c) => {
    const items = await c.var.services.inbox.inbox(actor(c));
    c.header('Cache-Control', 'no-store');
    return c.json(pageFrom(items, c.req.valid('query')), 200);
  });
}
