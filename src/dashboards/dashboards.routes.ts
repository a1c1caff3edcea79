import { createRoute, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idSchema } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { journeyStateSchema, outcomeTypes } from '../journey/journey.schemas.js';
import { placementStatusSchema } from '../placements/placements.schemas.js';

const percentage = z.number().nullable();
const figureFields = {
  proposals: z.number().int(),
  starts: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  withdrawn: z.number().int(),
  paidEmployment: z.number().int(),
  paidEmployment16Hours: z.number().int(),
  followedUp: z.number().int(),
  employedAt12Months: z.number().int(),
  followedUpInPaidEmployment: z.number().int(),
  stillEmployedAt12Months: z.number().int(),
  paidEmploymentPercent: percentage,
  paidEmployment16HoursPercent: percentage,
  twelveMonthRetentionPercent: percentage,
  employedAt12MonthsPercent: percentage,
  medianWeeksProposalToStart: z.number().nullable(),
};
const figuresSchema = z.object(figureFields).openapi('OutcomeFigures', { description: 'Each field is defined in `definitions`.' });
const breakdownRow = z.object({ key: z.string().nullable(), label: z.string(), ...figureFields }).openapi('OutcomeFiguresRow');
const definitionsSchema = z.record(z.string(), z.string()).openapi({ description: 'What each figure and breakdown means, in words.' });

const providerDashboardSchema = z
  .object({
    scope: z.object({ providerId: idSchema, jobCoachId: idSchema.optional(), coverage: z.enum(['provider', 'own_caseload']) }),
    generatedAt: z.string(),
    overall: figuresSchema,
    byCohortYear: z.array(breakdownRow),
    byLocalAuthority: z.array(breakdownRow),
    bySector: z.array(breakdownRow),
    byJobCoach: z.array(breakdownRow),
    supportHoursTrend: z.array(z.object({ week: z.number().int(), internships: z.number().int(), averageSupportHours: z.number(), averageHoursWorked: z.number() })),
    definitions: definitionsSchema,
  })
  .openapi('ProviderDashboard');

const employerFigureFields = {
  ...figureFields,
  awaitingDecision: z.number().int(),
  tasters: z.number().int(),
  acceptedByEmployer: z.number().int(),
  declinedByEmployer: z.number().int(),
  hiredByEmployer: z.number().int(),
  hiredByEmployerPercent: percentage,
};

const employerDashboardSchema = z
  .object({
    employerId: idSchema,
    generatedAt: z.string(),
    totals: z.object(employerFigureFields),
    placements: z.array(
      z.object({
        placementId: idSchema,
        title: z.string(),
        status: placementStatusSchema,
        startDate: z.string(),
        places: z.number().int(),
        placesFilled: z.number().int(),
        placesFree: z.number().int(),
        ...employerFigureFields,
      }),
    ),
    interns: z.array(
      z.object({
        matchId: idSchema,
        preferredName: z.string(),
        placementId: idSchema,
        placementTitle: z.string(),
        state: journeyStateSchema,
        startedOn: z.string(),
        endedOn: z.string().optional(),
        outcome: z.enum(outcomeTypes).optional(),
      }),
    ),
    definitions: definitionsSchema,
  })
  .openapi('EmployerDashboard');

const provider = createRoute({
  method: 'get',
  path: '/v1/dashboards/provider',
  operationId: 'getProviderDashboard',
  tags: ['dashboards'],
  summary: 'Outcome figures for my provider (provider admins; job coaches see their own caseload, read-only)',
  description:
    'Starts, in progress, completed, withdrawn; paid employment (and at least 16 hours a week); 12-month retention; median weeks from proposal to start; ' +
    'the support-hours trend by internship week; by cohort year, local authority, sector and job coach. Every figure is defined in `definitions`.',
  ...bearer,
  responses: { 200: jsonResponse(providerDashboardSchema, 'The dashboard.'), ...errorResponses(401, 403) },
});

const employer = createRoute({
  method: 'get',
  path: '/v1/dashboards/employer',
  operationId: 'getEmployerDashboard',
  tags: ['dashboards'],
  summary: 'My organisation’s placements, interns and outcomes (employer staff)',
  ...bearer,
  responses: { 200: jsonResponse(employerDashboardSchema, 'The dashboard.'), ...errorResponses(401, 403, 404) },
});

export function dashboardsRoutes() {
  return createRouter()
    .openapi(provider, async (c) => c.json(await c.var.services.dashboards.provider(actor(c)), 200))
    .openapi(employer, async (c) => c.json(await c.var.services.dashboards.employer(actor(c)), 200));
}
