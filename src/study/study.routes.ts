import { createRoute, z } from '@hono/zod-openapi';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { ilrCsv, ilrCsvColumns } from './ilr-export.js';
import {
  attendanceInputSchema,
  attendanceSchema,
  attendanceWeekSchema,
  ilrFiltersSchema,
  studyProgrammeInputSchema,
  studyProgrammeSchema,
} from './study.schemas.js';

const tags = ['study programme'];
const person = idParams('youngPersonId');
const match = idParams('matchId');
const weekParams = match.extend({
  week: z.string().openapi({ description: 'Any date in the week, as 2026-09-14; the week is its Monday.' }),
});
const readers =
  ' Read by the provider’s job coaches and admins, the young person, and a delegate with the view_profile right; an employer gets 404.';
const writers = ' Written by the provider’s job coaches and admins.';

const getProgramme = createRoute({
  method: 'get',
  path: '/v1/young-people/{youngPersonId}/study-programme',
  operationId: 'getStudyProgramme',
  tags,
  summary: 'The study programme: learning aims, planned hours and the learner reference',
  description: `Always answers, with \`plannedHours\` null and no aims until a programme is recorded.${readers}`,
  ...bearer,
  request: { params: person },
  responses: { 200: jsonResponse(studyProgrammeSchema, 'The programme.'), ...errorResponses(401, 403, 404) },
});

const putProgramme = createRoute({
  method: 'put',
  path: '/v1/young-people/{youngPersonId}/study-programme',
  operationId: 'putStudyProgramme',
  tags,
  summary: 'Record the study programme (replaces what was recorded)',
  description:
    'Fewer than 540 planned hours is saved with a warning in `warnings`, not refused. 422 for an aim achieved in the future or a date achieved on an aim that is not achieved; nothing is written.' +
    writers,
  ...bearer,
  request: { params: person, body: jsonBody(studyProgrammeInputSchema) },
  responses: {
    200: jsonResponse(studyProgrammeSchema, 'The programme as saved.'),
    ...errorResponses(400, 401, 403, 404, 422),
  },
});

const listAttendance = createRoute({
  method: 'get',
  path: '/v1/placement-matches/{matchId}/attendance',
  operationId: 'listAttendance',
  tags,
  summary: 'An internship’s attendance week by week, with the per cent over all its weeks',
  description: readers.trim(),
  ...bearer,
  request: { params: match },
  responses: { 200: jsonResponse(attendanceSchema, 'The weeks recorded.'), ...errorResponses(401, 403, 404) },
});

const recordAttendance = createRoute({
  method: 'put',
  path: '/v1/placement-matches/{matchId}/attendance/{week}',
  operationId: 'recordAttendance',
  tags,
  summary: 'Record (or correct) a week’s attendance: days expected, days attended, a reason for each day missed',
  description:
    '`absences` holds one reason for each day missed (days expected less days attended); `other` needs `details`. ' +
    '422, nothing written, for more days attended than expected, a reason missing or too many, or a week before the start, after the end or not yet begun; 409 before the internship starts.' +
    writers,
  ...bearer,
  request: { params: weekParams, body: jsonBody(attendanceInputSchema) },
  responses: {
    200: jsonResponse(attendanceWeekSchema, 'The week as recorded.'),
    ...errorResponses(400, 401, 403, 404, 409, 422),
  },
});

const ilrExport = createRoute({
  method: 'get',
  path: '/v1/reports/ilr-work-placements.csv',
  operationId: 'exportIlrWorkPlacementsCsv',
  tags,
  summary: 'The ILR-shaped work placement export: one row per internship that started',
  description:
    `The caller’s provider’s internships (placement matches) that started, earliest first, with the report’s filters: learner reference, learning aim \`Z0002347\`, start and end dates, planned hours (the placement’s hours a week times its weeks), mode 2 (external, at an employer) and the employer reference number. Never any passport text. UTF-8 with a byte-order mark, CRLF line ends, a header row (\`${ilrCsvColumns.join(',')}\`). Sent with \`Cache-Control: no-store\`. ` +
    'For the provider’s admins; 403 for anyone else.',
  ...bearer,
  request: { query: ilrFiltersSchema },
  responses: {
    200: {
      description: 'The export as CSV.',
      content: {
        'text/csv': {
          schema: z.string().openapi({
            example: `${ilrCsvColumns.join(',')}\r\nAVC0042187,Z0002347,2026-09-14,,360,2,123456789,6b0cc29f1fa60ec5b99a1421,Sam,Aire Hotel,6b0cc2a31fa60ec5b99a14a2\r\n`,
          }),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

export function studyRoutes() {
  return createRouter()
    .openapi(getProgramme, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await c.var.services.study.programme(actor(c), c.req.valid('param').youngPersonId), 200);
    })
    .openapi(putProgramme, async (c) => {
      const saved = await c.var.services.study.saveProgramme(
        actor(c),
        c.req.valid('param').youngPersonId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(listAttendance, async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await c.var.services.study.attendance(actor(c), c.req.valid('param').matchId), 200);
    })
    .openapi(recordAttendance, async (c) => {
      const { matchId, week } = c.req.valid('param');
      const saved = await c.var.services.study.recordAttendance(
        actor(c),
        matchId,
        week,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(saved, 200);
    })
    .openapi(ilrExport, async (c) => {
      const rows = await c.var.services.study.ilrWorkPlacements(actor(c), c.req.valid('query'));
      return c.body(ilrCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="ilr-work-placements.csv"',
        'cache-control': 'no-store',
      });
    });
}
