import { createRoute, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { accountView } from '../auth/auth.routes.js';
import { accountSchema, newPasswordSchema, tokenPairSchema } from '../auth/auth.schemas.js';
import { idParams } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { emailSchema, pageOf, paginationQuery, searchWords, shortText } from '../domain/schemas.js';
import { employerInputSchema, employerPatchSchema, employerSchema } from './employers.schemas.js';
import { employerView } from './employers.service.js';

const signUp = createRoute({
  method: 'post',
  path: '/v1/employers/signup',
  operationId: 'signUpEmployer',
  tags: ['employers'],
  summary: 'Sign up an employer organisation and its first staff account',
  description:
    'The organisation starts unverified: its placements cannot be opened or matched until a provider admin verifies it.',
  request: {
    body: jsonBody(
      z
        .strictObject({
          organisation: employerInputSchema,
          account: z.strictObject({ name: shortText(120), email: emailSchema, password: newPasswordSchema }),
        })
        .openapi('EmployerSignUp'),
    ),
  },
  responses: {
    201: jsonResponse(
      z.object({ employer: employerSchema, account: accountSchema, tokens: tokenPairSchema }),
      'Signed up and signed in.',
    ),
    ...errorResponses(400, 409, 422),
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/employers',
  operationId: 'listEmployers',
  tags: ['employers'],
  summary: 'List employers',
  description:
    'Verified employers for everyone; provider admins also see those awaiting verification (`verified=false`).',
  ...bearer,
  request: {
    query: paginationQuery.extend({
      verified: z
        .enum(['true', 'false'])
        .transform((v) => v === 'true')
        .optional(),
      q: searchWords(100).optional(),
    }),
  },
  responses: { 200: jsonResponse(pageOf(employerSchema, 'EmployerPage'), 'Employers.'), ...errorResponses(400, 401) },
});

const get = createRoute({
  method: 'get',
  path: '/v1/employers/{employerId}',
  operationId: 'getEmployer',
  tags: ['employers'],
  summary: 'One employer',
  ...bearer,
  request: { params: idParams('employerId') },
  responses: { 200: jsonResponse(employerSchema, 'The employer.'), ...errorResponses(401, 404) },
});

const update = createRoute({
  method: 'patch',
  path: '/v1/employers/{employerId}',
  operationId: 'updateEmployer',
  tags: ['employers'],
  summary: 'Change an employer’s details (its own staff)',
  ...bearer,
  request: { params: idParams('employerId'), body: jsonBody(employerPatchSchema) },
  responses: { 200: jsonResponse(employerSchema, 'Updated.'), ...errorResponses(400, 401, 403, 404, 422) },
});

const verify = createRoute({
  method: 'put',
  path: '/v1/employers/{employerId}/verification',
  operationId: 'setEmployerVerification',
  tags: ['employers'],
  summary: 'Verify an employer, or withdraw verification (provider admins)',
  ...bearer,
  request: {
    params: idParams('employerId'),
    body: jsonBody(z.strictObject({ verified: z.boolean() }).openapi('Verification')),
  },
  responses: { 200: jsonResponse(employerSchema, 'Verification recorded.'), ...errorResponses(400, 401, 403, 404) },
});

export function employersRoutes() {
  return createRouter()
    .openapi(signUp, async (c) => {
      const { services } = c.var;
      const { employer, account } = await services.employers.signUp(c.req.valid('json'), c.get('requestId'));
      const tokens = await services.auth.issueFor(account);
      return c.json({ employer: employerView(employer, true), account: accountView(account), tokens }, 201);
    })
    .openapi(list, async (c) => {
      const query = c.req.valid('query');
      const page = await c.var.services.employers.list(actor(c), query);
      return c.json({ ...page, limit: query.limit, offset: query.offset }, 200);
    })
    .openapi(get, async (c) => {
      const { employer, includePrivate } = await c.var.services.employers.get(
        actor(c),
        c.req.valid('param').employerId,
      );
      return c.json(employerView(employer, includePrivate), 200);
    })
    .openapi(update, async (c) => {
      const updated = await c.var.services.employers.update(
        actor(c),
        c.req.valid('param').employerId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(employerView(updated, true), 200);
    })
    .openapi(verify, async (c) => {
      const caller = actor(c);
      const updated = await c.var.services.employers.setVerification(
        caller,
        c.req.valid('param').employerId,
        c.req.valid('json').verified,
        c.get('requestId'),
      );
      return c.json(employerView(updated, true), 200);
    });
}
