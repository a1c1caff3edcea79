import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actor } from '../auth/auth.middleware.js';
import { idSchema } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonResponse } from '../core/http/openapi.js';
import { sectorSchema } from '../domain/schemas.js';
import { journeyStateSchema, outcomeTypes } from '../journey/journey.schemas.js';
import { placementStatusSchema } from '../placements/placements.schemas.js';
import { accessToWorkFiguresSchema } from './access-to-work-figures.schemas.js';
import { adjustmentFiguresSchema } from './adjustment-figures.schemas.js';
import { csvColumns, employerDashboardCsv, providerDashboardCsvChunks, textStream } from './dashboard-csv.js';
import { defaultCoachPage } from './dashboards.service.js';

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
const figuresSchema = z
  .object(figureFields)
  .openapi('OutcomeFigures', { description: 'Each field is defined in `definitions`.' });
const breakdownRow = z
  .object({ key: z.string().nullable(), label: z.string(), ...figureFields })
  .openapi('OutcomeFiguresRow');
const definitionsSchema = z
  .record(z.string(), z.string())
  .openapi({ description: 'What each figure and breakdown means, in words.' });

const filtersQuery = z.strictObject({
  academicYear: z.coerce.number().int().min(2000).max(2100).optional().openapi({
    description:
      'Only internships in the academic year that starts in September of this year (2026 for 2026/27): by actual start, or by planned start before one.',
    example: 2026,
  }),
  localAuthority: z.string().trim().min(1).max(100).optional().openapi({
    description: 'Only young people of this local authority (as recorded when proposed).',
    example: 'Leeds',
  }),
  sector: sectorSchema.optional().openapi({ description: 'Only placements in this sector.' }),
  jobCoachId: idSchema
    .optional()
    .openapi({ description: 'Only this job coach’s caseload (a job coach may give only their own).' }),
  format: z
    .enum(['json', 'csv'])
    .optional()
    .openapi({ description: '`csv` for a CSV file, as `Accept: text/csv` does; JSON otherwise.' }),
});
const providerQuery = filtersQuery.extend({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(defaultCoachPage.limit)
    .openapi({ description: 'How many job coaches `byJobCoach` holds at most. The CSV has every coach.' }),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_000_000)
    .default(defaultCoachPage.offset)
    .openapi({ description: 'How many job coaches to pass over before `byJobCoach` starts, in its order.' }),
});
const filtersSchema = z
  .object({
    academicYear: z.number().int().optional(),
    localAuthority: z.string().optional(),
    sector: sectorSchema.optional(),
    jobCoachId: idSchema.optional(),
  })
  .openapi('DashboardFilters', { description: 'The filters applied, as given.' });

const csvDescription =
  `With \`Accept: text/csv\` or \`?format=csv\`: a CSV file in UTF-8 (with a byte-order mark), CRLF line ends, a header row (\`${csvColumns.join(',')}\`), ` +
  'then one row per figure per group, with the figure’s definition: ready for a local-authority return. `value` is empty where the JSON has null.';
const csvContent = {
  'text/csv': {
    schema: z.string().openapi({
      description: csvDescription,
      example: `${csvColumns.join(',')}\r\noverall,,All,starts,12,"Internships that started..."\r\n`,
    }),
  },
};

const providerDashboardSchema = z
  .object({
    scope: z.object({
      providerId: idSchema,
      jobCoachId: idSchema.optional(),
      coverage: z.enum(['provider', 'own_caseload']),
    }),
    filters: filtersSchema,
    generatedAt: z.string(),
    overall: figuresSchema,
    byCohortYear: z.array(breakdownRow),
    byLocalAuthority: z.array(breakdownRow),
    bySector: z.array(breakdownRow),
    byJobCoach: z.array(breakdownRow).openapi({
      description:
        'One page of the job coaches: the most proposals first, then by id. `byJobCoachPage` says which page and how many coaches there are.',
    }),
    byJobCoachPage: z
      .object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
      .openapi({ description: 'How many job coaches have figures (`total`), and the page `byJobCoach` holds.' }),
    eligibilityExceptions: z.object({ total: z.number().int(), withoutEhcPlan: z.number().int() }).openapi({
      description: 'Young people admitted by a recorded exception to the eligibility rules; see `definitions`.',
    }),
    accessToWork: accessToWorkFiguresSchema,
    supportHoursTrend: z.array(
      z.object({
        week: z.number().int(),
        internships: z.number().int(),
        averageSupportHours: z.number(),
        averageHoursWorked: z.number(),
      }),
    ),
    adjustments: adjustmentFiguresSchema,
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
    filters: filtersSchema,
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
    adjustments: adjustmentFiguresSchema,
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
    'the support-hours trend by internship week; Access to Work (`accessToWork`); workplace adjustments (`adjustments`); by academic year, local authority, sector and job coach, optionally narrowed to one of each. ' +
    'The job coaches come a page at a time (`limit`, `offset`), the busiest first; the CSV has all of them. ' +
    'Every figure is defined in `definitions`. ' +
    csvDescription,
  ...bearer,
  request: { query: providerQuery },
  responses: {
    200: {
      description: 'The dashboard, as JSON or CSV.',
      content: { ...jsonResponse(providerDashboardSchema, 'The dashboard.').content, ...csvContent },
    },
    ...errorResponses(400, 401, 403),
  },
});

const employer = createRoute({
  method: 'get',
  path: '/v1/dashboards/employer',
  operationId: 'getEmployerDashboard',
  tags: ['dashboards'],
  summary: 'My organisation’s placements, interns and outcomes (employer staff)',
  description: `Optionally narrowed by academic year, local authority, sector and job coach. ${csvDescription} The CSV has the totals and each placement’s figures, not the interns’ names.`,
  ...bearer,
  request: { query: filtersQuery },
  responses: {
    200: {
      description: 'The dashboard, as JSON or CSV.',
      content: { ...jsonResponse(employerDashboardSchema, 'The dashboard.').content, ...csvContent },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

/** CSV when asked for by `?format=csv`, or by an Accept header that prefers text/csv to JSON. */
export function wantsCsv(format: 'json' | 'csv' | undefined, accept: string | undefined): boolean {
  if (format) return format === 'csv';
  const quality = new Map<string, number>();
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    quality.set(type, q ? Number(q.slice(2)) || 0 : 1);
  }
  const csv = quality.get('text/csv') ?? 0;
  return csv > 0 && csv > (quality.get('application/json') ?? quality.get('application/*') ?? 0);
}

function csvResponse(c: Context, body: string | ReadableStream<Uint8Array>, name: string) {
  return c.body(body, 200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${name}.csv"`,
    vary: 'Accept',
  });
}

export function dashboardsRoutes() {
  return createRouter()
    .openapi(provider, async (c) => {
      const { format, limit, offset, ...filters } = c.req.valid('query');
      if (wantsCsv(format, c.req.header('accept'))) {
        const { dashboard, coaches } = await c.var.services.dashboards.providerExport(actor(c), filters);
        return csvResponse(c, textStream(providerDashboardCsvChunks(dashboard, coaches)), 'provider-dashboard');
      }
      const dashboard = await c.var.services.dashboards.provider(actor(c), filters, { limit, offset });
      c.header('vary', 'Accept');
      return c.json(dashboard, 200);
    })
    .openapi(employer, async (c) => {
      const { format, ...filters } = c.req.valid('query');
      const dashboard = await c.var.services.dashboards.employer(actor(c), filters);
      if (wantsCsv(format, c.req.header('accept')))
        return csvResponse(c, employerDashboardCsv(dashboard), 'employer-dashboard');
      c.header('vary', 'Accept');
      return c.json(dashboard, 200);
    });
}
