import { createRoute } from '@hono/zod-openapi';
import { idParams } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, pageOf, paginationQuery } from '../domain/schemas.js';
import { actor } from './auth.middleware.js';
import { accountView } from './auth.routes.js';
import { accountSchema, roleSchema } from './auth.schemas.js';

const list = createRoute({
  method: 'get',
  path: '/v1/accounts',
  operationId: 'listAccounts',
  tags: ['accounts'],
  summary: 'Accounts of my organisation',
  description:
    'Provider staff see their provider’s accounts (coaches, admins, young people, delegates); employer staff see their colleagues.',
  ...bearer,
  request: { query: paginationQuery.extend({ role: roleSchema.optional() }) },
  responses: { 200: jsonResponse(pageOf(accountSchema, 'AccountPage'), 'Accounts.'), ...errorResponses(401, 403) },
});

const get = createRoute({
  method: 'get',
  path: '/v1/accounts/{accountId}',
  operationId: 'getAccount',
  tags: ['accounts'],
  summary: 'One account',
  ...bearer,
  request: { params: idParams('accountId') },
  responses: { 200: jsonResponse(accountSchema, 'The account.'), ...errorResponses(401, 404) },
});

const statusRoute = (operationId: string, path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags: ['accounts'],
    summary,
    ...bearer,
    request: { params: idParams('accountId') },
    responses: { 200: jsonResponse(accountSchema, 'The account.'), ...errorResponses(401, 403, 404) },
  });

export function accountsRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const accounts = await c.var.services.accounts.list(actor(c), query.role);
      return c.json(pageFrom(accounts.map(accountView), query), 200);
    })
    .openapi(get, async (c) => {
      const found = await c.var.services.accounts.get(actor(c), c.req.valid('param').accountId);
      return c.json(accountView(found), 200);
    })
    .openapi(
      statusRoute(
        'disableAccount',
        '/v1/accounts/{accountId}/disable',
        'Disable an account; its tokens stop working at once',
      ),
      async (c) => {
        const updated = await c.var.services.accounts.setStatus(
          actor(c),
          c.req.valid('param').accountId,
          'disabled',
          c.get('requestId'),
        );
        return c.json(accountView(updated), 200);
      },
    )
    .openapi(
      statusRoute('enableAccount', '/v1/accounts/{accountId}/enable', 'Enable a disabled account'),
      async (c) => {
        const updated = await c.var.services.accounts.setStatus(
          actor(c),
          c.req.valid('param').accountId,
          'active',
          c.get('requestId'),
        );
        return c.json(accountView(updated), 200);
      },
    );
}
