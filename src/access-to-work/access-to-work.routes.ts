import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, paginationQuery } from '../domain/schemas.js';
import type { ClaimStep } from './access-to-work.rules.js';
import {
  applicationInputSchema,
  awardInputSchema,
  caseSchema,
  claimPageSchema,
  claimSchema,
  draftClaimInputSchema,
  fundingSchema,
  payClaimInputSchema,
  queryClaimInputSchema,
  sendClaimInputSchema,
  signClaimInputSchema,
} from './access-to-work.schemas.js';
import type { ClaimStepInput } from './access-to-work.service.js';
import {
  claimCsvColumns,
  claimsCsv,
  claimView,
  providerClaimCsvColumns,
  providerClaimsCsv,
} from './access-to-work.views.js';

const tags = ['access to work'];
const base = '/v1/young-people/{youngPersonId}/access-to-work';
const person = idParams('youngPersonId');
const claimParams = idParams('youngPersonId', 'claimId');
const readers =
  ' Read by the provider’s job coaches and admins, the young person, and a delegate with the view_profile right.';
const writers = ' Written by the provider’s job coaches and admins.';

const getCase = createRoute({
  method: 'get',
  path: base,
  operationId: 'getAccessToWorkCase',
  tags,
  summary: 'The Access to Work case: application, award and the dates that follow',
  description:
    'Always answers, with `application` and `award` null until they are recorded, because the dates from the planned start (apply from 6 months before; `applicationLate` when less than 6 months are left and nothing was sent) matter before anything is.' +
    readers,
  ...bearer,
  request: { params: person },
  responses: { 200: jsonResponse(caseSchema, 'The case.'), ...errorResponses(401, 403, 404) },
});

const getFunding = createRoute({
  method: 'get',
  path: `${base}/funding`,
  operationId: 'getAccessToWorkFunding',
  tags,
  summary: 'Until when Access to Work funds support (also for the employer hosting the intern)',
  description: `The only part an employer hosting the young person (agreed or in progress) may read.${readers}`,
  ...bearer,
  request: { params: person },
  responses: { 200: jsonResponse(fundingSchema, 'The funded-until date, or null.'), ...errorResponses(401, 403, 404) },
});

const putApplication = createRoute({
  method: 'put',
  path: `${base}/application`,
  operationId: 'putAccessToWorkApplication',
  tags,
  summary: 'Record the application: who applies, the reference, when it was sent, who signs',
  description: `422 for a date sent in the future or after the award letter, or an appointee without a name.${writers}`,
  ...bearer,
  request: { params: person, body: jsonBody(applicationInputSchema) },
  responses: {
    200: jsonResponse(caseSchema, 'The case with the application.'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const putAward = createRoute({
  method: 'put',
  path: `${base}/award`,
  operationId: 'putAccessToWorkAward',
  tags,
  summary: 'Record the award from DWP’s letter: its lines, the employer’s share, what was refused',
  description:
    'Job coach support lines need `hoursPerWeek` and `costPerHourPence` (and only they may have them), and must not overlap each other. ' +
    '422 for a line ending before it starts or a letter dated before the application was sent or in the future; 409 when the application’s sent date is not recorded yet.' +
    writers,
  ...bearer,
  request: { params: person, body: jsonBody(awardInputSchema) },
  responses: {
    200: jsonResponse(caseSchema, 'The case with the award.'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const listClaims = createRoute({
  method: 'get',
  path: `${base}/claims`,
  operationId: 'listAccessToWorkClaims',
  tags,
  summary: 'Every monthly claim, latest month first',
  description: readers.trim(),
  ...bearer,
  request: { params: person, query: paginationQuery },
  responses: { 200: jsonResponse(claimPageSchema, 'The claims.'), ...errorResponses(400, 401, 403, 404) },
});

const claimsCsvRoute = createRoute({
  method: 'get',
  path: `${base}/claims.csv`,
  operationId: 'exportAccessToWorkClaimsCsv',
  tags,
  summary: 'Every monthly claim as CSV',
  description: `UTF-8 with a byte-order mark, CRLF line ends, a header row (\`${claimCsvColumns.join(',')}\`); amounts in pounds. Sent with \`Cache-Control: no-store\`.${readers}`,
  ...bearer,
  request: { params: person },
  responses: {
    200: {
      description: 'The claims as CSV.',
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example: `${claimCsvColumns.join(',')}\r\n2027-10,2027-10-04,2027-10-31,4,31.5,28.50,897.75,sent,Sam Taylor,2027-11-01,2027-11-02,,,,,\r\n`,
          }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

const providerClaimsCsvRoute = createRoute({
  method: 'get',
  path: '/v1/access-to-work/claims.csv',
  operationId: 'exportProviderAccessToWorkClaimsCsv',
  tags,
  summary: 'Every monthly claim of the provider’s young people as CSV, one row each',
  description: `The caller’s provider’s claims, oldest month first, each with the young person’s id, name and AtW reference beside the fields of DWP’s claim form. UTF-8 with a byte-order mark, CRLF line ends, a header row (\`${providerClaimCsvColumns.join(',')}\`); amounts in pounds. Sent with \`Cache-Control: no-store\`. For the provider’s job coaches and admins; 403 for anyone else.`,
  ...bearer,
  responses: {
    200: {
      description: 'The claims as CSV.',
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example: `${providerClaimCsvColumns.join(',')}\r\n6b0cc29f1fa60ec5b99a1421,Sam,ATW-2027-118204,2027-10,2027-10-04,2027-10-31,4,31.5,28.50,897.75,sent,Sam Taylor,2027-11-01,2027-11-02,,,,,\r\n`,
          }),
        },
      },
    },
    ...errorResponses(401, 403),
  },
});

const draftClaim = createRoute({
  method: 'post',
  path: `${base}/claims`,
  operationId: 'draftAccessToWorkClaim',
  tags,
  summary: 'Draft a month’s claim from the weekly logs’ job coaching hours',
  description:
    'A week counts in the month its Monday falls in. Study time is never claimed. Warnings name weeks with no log, hours over the award’s weekly hours, and hours outside the award’s dates (left out). ' +
    '422 for a month that has not begun or ended before the internship started; 409 for a month already claimed, an internship not started, or no job coach support in the award.' +
    writers,
  ...bearer,
  request: { params: person, body: jsonBody(draftClaimInputSchema) },
  responses: { 201: jsonResponse(claimSchema, 'The draft claim.'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});

const getClaim = createRoute({
  method: 'get',
  path: `${base}/claims/{claimId}`,
  operationId: 'getAccessToWorkClaim',
  tags,
  summary: 'One monthly claim, with what the DWP claim form asks for',
  description: readers.trim(),
  ...bearer,
  request: { params: claimParams },
  responses: { 200: jsonResponse(claimSchema, 'The claim.'), ...errorResponses(401, 403, 404) },
});

function claimStep<T extends z.ZodType>(path: string, operationId: string, summary: string, body: T, from: string) {
  return createRoute({
    method: 'post',
    path: `${base}/claims/{claimId}/${path}`,
    operationId,
    tags,
    summary,
    description: `Only from ${from}; 409 (with \`details.state\`) otherwise. 422 for a date in the future or before the step it follows.${writers}`,
    ...bearer,
    request: { params: claimParams, body: jsonBody(body) },
    responses: {
      200: jsonResponse(claimSchema, 'The claim after this step.'),
      ...errorResponses(400, 401, 403, 404, 409, 422),
    },
  });
}

const sign = claimStep(
  'sign',
  'signAccessToWorkClaim',
  'Record who signed the claim, and when',
  signClaimInputSchema,
  '`draft`',
);
const send = claimStep(
  'send',
  'sendAccessToWorkClaim',
  'Record the day the claim was sent',
  sendClaimInputSchema,
  '`signed` or `queried`',
);
const pay = claimStep(
  'paid',
  'recordAccessToWorkClaimPaid',
  'Record the payment: the day and the amount',
  payClaimInputSchema,
  '`sent`',
);
const query = claimStep(
  'query',
  'recordAccessToWorkClaimQuery',
  'Record what Access to Work asked about the claim',
  queryClaimInputSchema,
  '`sent`',
);

/** Access to Work figures are not for shared caches or a browser's back button on a shared computer. */
function noStore(c: Context) {
  c.header('Cache-Control', 'no-store');
}

/** A claim moved one step on, with the body its step's form sent. */
function movedClaim<S extends ClaimStep>(
  c: Context<AppEnv>,
  params: { youngPersonId: string; claimId: string },
  step: S,
  input: ClaimStepInput[S],
) {
  return c.var.services.accessToWork.moveClaim(
    actor(c),
    params.youngPersonId,
    params.claimId,
    step,
    input,
    c.get('requestId'),
  );
}

/** The case: its dates, the funded-until date for a hosting employer, the application and the award. */
function caseRoutes() {
  return createRouter()
    .openapi(getCase, async (c) => {
      noStore(c);
      return c.json(await c.var.services.accessToWork.caseOf(actor(c), c.req.valid('param').youngPersonId), 200);
    })
    .openapi(getFunding, async (c) => {
      noStore(c);
      return c.json(await c.var.services.accessToWork.funding(actor(c), c.req.valid('param').youngPersonId), 200);
    })
    .openapi(putApplication, async (c) => {
      const saved = await c.var.services.accessToWork.saveApplication(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(putAward, async (c) => {
      const saved = await c.var.services.accessToWork.saveAward(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    });
}

/** The monthly claims: listed, downloaded (a young person's or the whole provider's), drafted and read. */
function claimRoutes() {
  return createRouter()
    .openapi(listClaims, async (c) => {
      noStore(c);
      const claims = await c.var.services.accessToWork.claims(actor(c), c.req.valid('param').youngPersonId);
      return c.json(pageFrom(claims.map(claimView), c.req.valid('query')), 200);
    })
    .openapi(claimsCsvRoute, async (c) => {
      const { youngPersonId } = c.req.valid('param');
      const claims = await c.var.services.accessToWork.claims(actor(c), youngPersonId);
      return c.body(claimsCsv(claims), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="access-to-work-claims.csv"',
        'cache-control': 'no-store',
      });
    })
    .openapi(providerClaimsCsvRoute, async (c) => {
      const rows = await c.var.services.accessToWork.providerClaims(actor(c));
      return c.body(providerClaimsCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="access-to-work-claims.csv"',
        'cache-control': 'no-store',
      });
    })
    .openapi(draftClaim, async (c) => {
      const claim = await c.var.services.accessToWork.draftClaim(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json').month,
        c.get('requestId'),
      );
      return c.json(claimView(claim), 201);
    })
    .openapi(getClaim, async (c) => {
      noStore(c);
      const { youngPersonId, claimId } = c.req.valid('param');
      return c.json(claimView(await c.var.services.accessToWork.claim(actor(c), youngPersonId, claimId)), 200);
    });
}

/** A claim's steps after the draft: signed, sent, paid, queried. */
function claimStepRoutes() {
  return createRouter()
    .openapi(sign, async (c) =>
      c.json(claimView(await movedClaim(c, c.req.valid('param'), 'sign', c.req.valid('json'))), 200),
    )
    .openapi(send, async (c) =>
      c.json(claimView(await movedClaim(c, c.req.valid('param'), 'send', c.req.valid('json'))), 200),
    )
    .openapi(pay, async (c) =>
      c.json(claimView(await movedClaim(c, c.req.valid('param'), 'pay', c.req.valid('json'))), 200),
    )
    .openapi(query, async (c) =>
      c.json(claimView(await movedClaim(c, c.req.valid('param'), 'query', c.req.valid('json'))), 200),
    );
}

/** Every Access to Work operation, in the order the API description lists them. */
export function accessToWorkRoutes() {
  return createRouter().route('/', caseRoutes()).route('/', claimRoutes()).route('/', claimStepRoutes());
}
