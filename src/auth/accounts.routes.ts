import { createRoute, z } from '@hono/zod-openapi';
import { idParams } from '../core/db/ids.js';
import { inTransaction } from '../core/db/transaction.js';
import { notFound } from '../core/errors.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import type { Services } from '../services.js';
import type { Account } from './accounts.js';
import { actor } from './auth.middleware.js';
import { accountView } from './auth.routes.js';
import { accountSchema, roleSchema } from './auth.schemas.js';
import { accountsScope, authorize, type Actor, type Resource } from './policy.js';

export function accountResource(account: Account): Extract<Resource, { type: 'account' }> {
  return { type: 'account', id: account.id, role: account.role, providerId: account.providerId, employerId: account.employerId };
}

async function loadAccount(services: Services, caller: Actor, id: string, action: 'account.read' | 'account.disable') {
  const found = await services.accounts.byId(id);
  if (!found) throw notFound('Account');
  authorize(caller, action, accountResource(found));
  return found;
}

/** Disabling takes effect at once: the next request with any of its access tokens is refused. */
async function setStatus(services: Services, caller: Actor, id: string, status: 'active' | 'disabled', requestId: string) {
  await loadAccount(services, caller, id, 'account.disable');
  return inTransaction(services.mongo, async (session) => {
    const updated = await services.accounts.setStatus(id, status, session);
    if (!updated) throw notFound('Account');
    await services.audit.record(
      {
        action: status === 'disabled' ? 'account.disable' : 'account.enable',
        outcome: 'success',
        actor: { accountId: caller.accountId, role: caller.role },
        target: { type: 'account', id },
        subjectId: updated.youngPersonId,
        requestId,
      },
      session,
    );
    if (status === 'disabled') await services.auth.revokeSessions(id);
    return updated;
  });
}

const list = createRoute({
  method: 'get',
  path: '/v1/accounts',
  tags: ['accounts'],
  summary: 'Accounts of my organisation',
  description: 'Provider staff see their provider’s accounts (coaches, admins, young people, delegates); employer staff see their colleagues.',
  ...bearer,
  request: { query: z.strictObject({ role: roleSchema.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(accountSchema) }), 'Accounts.'), ...errorResponses(401, 403) },
});

const get = createRoute({
  method: 'get',
  path: '/v1/accounts/{accountId}',
  tags: ['accounts'],
  summary: 'One account',
  ...bearer,
  request: { params: idParams('accountId') },
  responses: { 200: jsonResponse(accountSchema, 'The account.'), ...errorResponses(401, 404) },
});

const statusRoute = (path: string, summary: string) =>
  createRoute({
    method: 'post',
    path,
    tags: ['accounts'],
    summary,
    ...bearer,
    request: { params: idParams('accountId') },
    responses: { 200: jsonResponse(accountSchema, 'The account.'), ...errorResponses(401, 403, 404) },
  });

export function accountsRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const caller = actor(c);
      const { role } = c.req.valid('query');
      const filter = accountsScope(caller);
      if (!filter) return c.json({ items: [] }, 200);
      const accounts = await c.var.services.accounts.listByOrganisation(filter, role ? [role] : undefined);
      return c.json({ items: accounts.map(accountView) }, 200);
    })
    .openapi(get, async (c) => {
      const found = await loadAccount(c.var.services, actor(c), c.req.valid('param').accountId, 'account.read');
      return c.json(accountView(found), 200);
    })
    .openapi(statusRoute('/v1/accounts/{accountId}/disable', 'Disable an account; its tokens stop working at once'), async (c) => {
      const updated = await setStatus(c.var.services, actor(c), c.req.valid('param').accountId, 'disabled', c.get('requestId'));
      return c.json(accountView(updated), 200);
    })
    .openapi(statusRoute('/v1/accounts/{accountId}/enable', 'Enable a disabled account'), async (c) => {
      const updated = await setStatus(c.var.services, actor(c), c.req.valid('param').accountId, 'active', c.get('requestId'));
      return c.json(accountView(updated), 200);
    });
}
