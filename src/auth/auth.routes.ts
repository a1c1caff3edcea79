import { createRoute, z } from '@hono/zod-openapi';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import type { Account } from './accounts.js';
import { account, actor, requestContext } from './auth.middleware.js';
import {
  acceptInvitationSchema,
  accountSchema,
  invitationInputSchema,
  invitationSchema,
  meSchema,
  passwordChangeSchema,
  passwordResetConfirmSchema,
  passwordResetRequestedSchema,
  passwordResetRequestSchema,
  refreshSchema,
  signInSchema,
  tokenPairSchema,
} from './auth.schemas.js';

export function accountView(account: Account) {
  return {
    id: account.id,
    email: account.email,
    name: account.name,
    role: account.role,
    status: account.status,
    ...(account.providerId ? { providerId: account.providerId } : {}),
    ...(account.employerId ? { employerId: account.employerId } : {}),
    ...(account.youngPersonId ? { youngPersonId: account.youngPersonId } : {}),
    createdAt: account.createdAt.toISOString(),
  };
}

const signIn = createRoute({
  method: 'post',
  path: '/v1/auth/token',
  operationId: 'signIn',
  tags: ['auth'],
  summary: 'Sign in with email and password',
  description:
    'Returns a 15-minute access token and a refresh token. Unknown emails and wrong passwords get the same answer in the same time.',
  request: { body: jsonBody(signInSchema) },
  responses: { 200: jsonResponse(tokenPairSchema, 'Signed in.'), ...errorResponses(400, 401, 429) },
});

const refresh = createRoute({
  method: 'post',
  path: '/v1/auth/refresh',
  operationId: 'refreshTokens',
  tags: ['auth'],
  summary: 'Swap a refresh token for new tokens',
  description:
    'Each refresh token works once. Presenting one that was already used revokes every token of that sign-in.',
  request: { body: jsonBody(refreshSchema) },
  responses: { 200: jsonResponse(tokenPairSchema, 'New tokens.'), ...errorResponses(400, 401) },
});

const logout = createRoute({
  method: 'post',
  path: '/v1/auth/logout',
  operationId: 'signOut',
  tags: ['auth'],
  summary: 'Sign out: revoke the refresh token and every token of its sign-in',
  request: { body: jsonBody(refreshSchema) },
  responses: { 204: { description: 'Signed out (also when the token was unknown).' }, ...errorResponses(400) },
});

const jwks = createRoute({
  method: 'get',
  path: '/.well-known/jwks.json',
  operationId: 'getJwks',
  tags: ['auth'],
  summary: 'Public keys that verify this service’s access tokens',
  responses: {
    200: jsonResponse(
      z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).openapi('JWKS'),
      'The JSON Web Key Set.',
    ),
  },
});

const me = createRoute({
  method: 'get',
  path: '/v1/me',
  operationId: 'getMe',
  tags: ['auth'],
  summary: 'Who am I: account, role, organisation, and whom a delegate acts for',
  ...bearer,
  responses: { 200: jsonResponse(meSchema, 'The caller.'), ...errorResponses(401) },
});

const changePassword = createRoute({
  method: 'post',
  path: '/v1/me/password',
  operationId: 'changePassword',
  tags: ['auth'],
  summary: 'Change my password',
  description:
    'Checks the current password, sets the new one and ends every sign-in of the account at once (their access and refresh ' +
    'tokens stop working, and browser sessions end). Returns tokens of a new sign-in.',
  ...bearer,
  request: { body: jsonBody(passwordChangeSchema) },
  responses: { 200: jsonResponse(tokenPairSchema, 'Password changed; signed in again.'), ...errorResponses(400, 401) },
});

/** What anyone asking for a reset link hears, whether or not an account has the address. */
export const passwordResetRequestedMessage =
  'If an account uses this email address, we have sent it a link to choose a new password. The link works for 1 hour.';

const requestPasswordReset = createRoute({
  method: 'post',
  path: '/v1/auth/password-reset',
  operationId: 'requestPasswordReset',
  tags: ['auth'],
  summary: 'Forgotten password: email a one-time link to choose a new one',
  description:
    'When an active account with a password has this email address, it is sent a link that works once, for 1 hour; any ' +
    'earlier link stops working. The answer is the same whether or not such an account exists. At most 3 requests an ' +
    'hour for one email address and 20 from one client address (429 with Retry-After).',
  request: { body: jsonBody(passwordResetRequestSchema) },
  responses: {
    202: jsonResponse(passwordResetRequestedSchema, 'Accepted: an email is sent if an account has this address.'),
    ...errorResponses(400, 429),
  },
});

const confirmPasswordReset = createRoute({
  method: 'post',
  path: '/v1/auth/password-reset/confirm',
  operationId: 'confirmPasswordReset',
  tags: ['auth'],
  summary: 'Choose a new password with the token from the emailed link',
  description:
    'Sets the new password and ends every sign-in of the account at once (access and refresh tokens, browser sessions); ' +
    'sign in again with the new password. 404 for a token that was never sent; 410 for one already used, replaced by a ' +
    'newer link, or more than an hour old; 422 for a password that is too easy to guess.',
  request: { body: jsonBody(passwordResetConfirmSchema) },
  responses: { 204: { description: 'Password changed; every sign-in ended.' }, ...errorResponses(400, 404, 410, 422) },
});

const invite = createRoute({
  method: 'post',
  path: '/v1/invitations',
  operationId: 'createInvitation',
  tags: ['accounts'],
  summary: 'Invite someone to make an account',
  description:
    'Provider admins invite job coaches and provider admins; job coaches invite the young people on their caseload; ' +
    'a young person invites a delegate (parent, carer, appointee) with the rights they choose; employer staff invite colleagues.',
  ...bearer,
  request: { body: jsonBody(invitationInputSchema) },
  responses: { 201: jsonResponse(invitationSchema, 'Invitation made.'), ...errorResponses(400, 401, 403, 404, 409) },
});

const accept = createRoute({
  method: 'post',
  path: '/v1/invitations/accept',
  operationId: 'acceptInvitation',
  tags: ['accounts'],
  summary: 'Accept an invitation: set a password and sign in',
  request: { body: jsonBody(acceptInvitationSchema) },
  responses: {
    201: jsonResponse(z.object({ account: accountSchema, tokens: tokenPairSchema }), 'Account ready and signed in.'),
    ...errorResponses(400, 404, 409, 410),
  },
});

export function authRoutes() {
  return createRouter()
    .openapi(signIn, async (c) => {
      const { email, password } = c.req.valid('json');
      const tokens = await c.var.services.auth.signIn(email, password, requestContext(c));
      return c.json(tokens, 200);
    })
    .openapi(refresh, async (c) => {
      const tokens = await c.var.services.auth.refresh(c.req.valid('json').refreshToken, requestContext(c));
      return c.json(tokens, 200);
    })
    .openapi(logout, async (c) => {
      await c.var.services.auth.signOut(c.req.valid('json').refreshToken, requestContext(c));
      return c.body(null, 204);
    })
    .openapi(jwks, (c) => {
      c.header('Cache-Control', 'public, max-age=300');
      return c.json(c.var.services.auth.jwks(), 200);
    })
    .openapi(me, async (c) => {
      const caller = account(c);
      const { organisation, ...people } = await c.var.services.accounts.me(caller);
      return c.json({ account: accountView(caller), organisation, ...people }, 200);
    })
    .openapi(changePassword, async (c) => {
      const caller = account(c);
      const tokens = await c.var.services.auth.changePassword(caller, c.req.valid('json'), requestContext(c));
      // Browser sign-ins end too: whoever knew the old password is signed out everywhere.
      await c.var.services.webSessions.endAllFor(caller.id);
      return c.json(tokens, 200);
    })
    .openapi(requestPasswordReset, async (c) => {
      await c.var.services.passwordResets.request(c.req.valid('json').email, requestContext(c));
      c.header('Cache-Control', 'no-store');
      return c.json({ message: passwordResetRequestedMessage }, 202);
    })
    .openapi(confirmPasswordReset, async (c) => {
      await c.var.services.passwordResets.confirm(c.req.valid('json'), requestContext(c));
      return c.body(null, 204);
    })
    .openapi(invite, async (c) => {
      // The token goes to the invitee by email only; the inviter learns that it was sent.
      const { id, email, role, expiresAt } = await c.var.services.invitations.create(
        actor(c),
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json({ id, email, role, expiresAt: expiresAt.toISOString(), emailed: true as const }, 201);
    })
    .openapi(accept, async (c) => {
      const { services } = c.var;
      const accepted = await services.invitations.accept(c.req.valid('json'), c.get('requestId'));
      const fresh = await services.accounts.reload(accepted);
      const tokens = await services.auth.issueFor(fresh);
      return c.json({ account: accountView(fresh), tokens }, 201);
    });
}
