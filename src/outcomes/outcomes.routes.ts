import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { sen2Columns } from './outcome-reports.service.js';
import type { FollowUpMonth } from './outcomes.rules.js';
import {
  afterInternshipSchema,
  coreAimsInputSchema,
  ehcPlanInputSchema,
  ehcPlanSchema,
  employmentPlanInputSchema,
  followUpInputSchema,
  followUpParams,
  jobOutcomeFiltersQuery,
  jobOutcomesSchema,
  outcomeProgressSchema,
} from './outcomes.schemas.js';
import { sen2Csv } from './sen2.js';

const tags = ['outcomes'];
const person = idParams('youngPersonId');
const journey = idParams('matchId');
const readers =
  ' Read by the provider’s job coaches and admins, the young person, and a delegate with the view_profile right.';
const writers = ' Written by the provider’s job coaches and admins.';

const getEhcPlan = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/ehc-plan',
  operationId: 'getEhcPlan',
  tags,
  summary: 'The outcomes of the EHC plan the internship works towards, and its review dates',
  description: `Always answers: \`outcomes\` is empty and the dates null until recorded.${readers}`,
  ...bearer,
  request: { params: person },
  responses: { 200: jsonResponse(ehcPlanSchema, 'The plan’s outcomes.'), ...errorResponses(401, 403, 404) },
});

const putEhcPlan = createRoute({
  method: 'put',
  path: '/v1/young-people/{youngPersonId}/ehc-plan',
  operationId: 'putEhcPlan',
  tags,
  summary: 'Record the EHC plan’s outcomes (in the plan’s words) and the date of its next annual review',
  description: `The job coach is reminded (inbox and email) 4 weeks before the review. Keep an outcome’s \`id\` to keep the review targets that name it. 422 for an \`id\` not in the plan, a last review in the future or a next review not after it.${writers}`,
  ...bearer,
  request: { params: person, body: jsonBody(ehcPlanInputSchema) },
  responses: { 200: jsonResponse(ehcPlanSchema, 'The plan.'), ...errorResponses(400, 401, 403, 404, 422) },
});

const getOutcomeProgress = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/outcome-progress',
  operationId: 'getOutcomeProgress',
  tags,
  summary: 'Progress towards each outcome of the EHC plan, in plain words',
  description: `Each outcome with the review targets that serve it, as they stand at the latest review.${readers}`,
  ...bearer,
  request: { params: person },
  responses: { 200: jsonResponse(outcomeProgressSchema, 'The progress.'), ...errorResponses(401, 403, 404) },
});

const getAfter = createRoute({
  method: 'get',
  path: '/v1/placement-matches/{matchId}/after',
  operationId: 'getInternshipAfter',
  tags,
  summary: 'Core aims, employment plan and the follow-ups at 6, 9 and 12 months of one internship',
  description: `Each follow-up with its due date (months after the last day) and what was recorded, or null.${readers} 404 for an employer.`,
  ...bearer,
  request: { params: journey },
  responses: { 200: jsonResponse(afterInternshipSchema, 'The record.'), ...errorResponses(401, 403, 404) },
});

const putCoreAims = createRoute({
  method: 'put',
  path: '/v1/placement-matches/{matchId}/core-aims',
  operationId: 'putCoreAims',
  tags,
  summary: 'Record whether the core aims were met, and what was missing',
  description: `Once the internship is completed (422 before); \`missing\` is needed when \`met\` is false (422). Follow-ups and the employment plan already recorded stay.${writers}`,
  ...bearer,
  request: { params: journey, body: jsonBody(coreAimsInputSchema) },
  responses: { 200: jsonResponse(afterInternshipSchema, 'The record.'), ...errorResponses(400, 401, 403, 404, 422) },
});

const putEmploymentPlan = createRoute({
  method: 'put',
  path: '/v1/placement-matches/{matchId}/employment-plan',
  operationId: 'putEmploymentPlan',
  tags,
  summary: 'Record the employment plan: target jobs, actions with dates and who does them, a job offer',
  description: `The plan runs from the start of the last rotation to 60 days after the end (\`employmentPlanWindow\`): 422 for an action due outside it, a job offer outside the internship or in the future, or before the internship started.${writers}`,
  ...bearer,
  request: { params: journey, body: jsonBody(employmentPlanInputSchema) },
  responses: { 200: jsonResponse(afterInternshipSchema, 'The record.'), ...errorResponses(400, 401, 403, 404, 422) },
});

const putFollowUp = createRoute({
  method: 'put',
  path: '/v1/placement-matches/{matchId}/follow-ups/{month}',
  operationId: 'putInternshipFollowUp',
  tags,
  summary: 'Record (or correct) the follow-up 6, 9 or 12 months after the end',
  description: `From its due date: 422 naming \`checkedOn\` for a check before it or in the future, and naming \`hoursPerWeek\`, \`payBand\` or \`sameEmployer\` when paid work lacks one. The 12-month one also moves the journey from \`completed\` to \`followed_up\` (a job coach’s step: 403 for others; 409 if the journey moved on).${writers}`,
  ...bearer,
  request: { params: followUpParams, body: jsonBody(followUpInputSchema) },
  responses: {
    200: jsonResponse(afterInternshipSchema, 'The record.'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const getJobOutcomes = createRoute({
  method: 'get',
  path: '/v1/dashboards/provider/job-outcomes',
  operationId: 'getJobOutcomes',
  tags: ['dashboards'],
  summary: 'Interns in paid work of 16+ hours a week at 6, 9 and 12 months, against the fidelity band',
  description:
    'With core aims met, by local authority, sector and job coach; each figure defined in `definitions`. The provider’s admins see the whole provider, a job coach their own caseload (403 for another coach’s). 403 for everyone else.',
  ...bearer,
  request: { query: jobOutcomeFiltersQuery },
  responses: { 200: jsonResponse(jobOutcomesSchema, 'The figures.'), ...errorResponses(400, 401, 403) },
});

const sen2Route = createRoute({
  method: 'get',
  path: '/v1/reports/sen2.csv',
  operationId: 'exportSen2Csv',
  tags: ['dashboards'],
  summary: 'The SEN2 return’s work-based learning fields, one row per internship that started (CSV)',
  description: `For the local authority: UTF-8 with a byte-order mark, CRLF line ends, a header row (\`${sen2Columns.join(',')}\`). \`attendance_pattern\` is \`full_time\` from 16 hours a week at the placement, \`part_time\` below. Never any passport text. With the report’s filters. For the provider’s admins only (403 for anyone else). Sent with \`Cache-Control: no-store\`.`,
  ...bearer,
  request: { query: jobOutcomeFiltersQuery },
  responses: {
    200: {
      description: 'The rows as CSV.',
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example: `${sen2Columns.join(',')}\r\n6b0cc29f1fa60ec5b99a1421,Sam,2007-05-14,Leeds,supported_internship,2026-09-07,2027-07-16,full_time,4,24,2026-11-20\r\n`,
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

function noStore(c: Context) {
  c.header('Cache-Control', 'no-store');
}

export function outcomesRoutes() {
  return createRouter()
    .openapi(getEhcPlan, async (c) => {
      noStore(c);
      return c.json(await c.var.services.outcomes.plan(actor(c), c.req.valid('param').youngPersonId), 200);
    })
    .openapi(putEhcPlan, async (c) => {
      const saved = await c.var.services.outcomes.savePlan(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(getOutcomeProgress, async (c) => {
      noStore(c);
      const { youngPersonId } = c.req.valid('param');
      return c.json(await c.var.services.outcomes.progressTowardsOutcomes(actor(c), youngPersonId), 200);
    })
    .openapi(getAfter, async (c) => {
      noStore(c);
      return c.json(await c.var.services.outcomes.after(actor(c), c.req.valid('param').matchId), 200);
    })
    .openapi(putCoreAims, async (c) => {
      const saved = await c.var.services.outcomes.saveCoreAims(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(putEmploymentPlan, async (c) => {
      const saved = await c.var.services.outcomes.saveEmploymentPlan(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(putFollowUp, async (c) => {
      const { matchId, month } = c.req.valid('param');
      const saved = await c.var.services.outcomes.recordFollowUp(
        actor(c),
        matchId,
        Number(month) as FollowUpMonth,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(getJobOutcomes, async (c) => {
      noStore(c);
      return c.json(await c.var.services.outcomes.jobOutcomes(actor(c), c.req.valid('query')), 200);
    })
    .openapi(sen2Route, async (c) => {
      const rows = await c.var.services.outcomes.sen2Rows(actor(c), c.req.valid('query'), c.get('requestId'));
      return c.body(sen2Csv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="sen2-work-based-learning.csv"',
        'cache-control': 'no-store',
      });
    });
}
