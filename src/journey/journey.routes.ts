import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import type { AppEnv } from '../core/http/env.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageOf } from '../domain/schemas.js';
import type { Journey } from './journey.repository.js';
import {
  acceptInputSchema,
  completeInputSchema,
  declineInputSchema,
  employerAcceptInputSchema,
  followUpInputSchema,
  journeySchema,
  listQuerySchema,
  progressSchema,
  proposeInputSchema,
  reasonInputSchema,
  reviewInputSchema,
  reviewSchema,
  rotationInputSchema,
  startInputSchema,
  tasterInputSchema,
  weeklyLogCorrectionSchema,
  weeklyLogInputSchema,
  weeklyLogSchema,
  weekParams,
} from './journey.schemas.js';
import { reviewView, weeklyLogView } from './journey.views.js';

const tags = ['placement journey'];
const matchParams = idParams('matchId');

const stepErrors = errorResponses(400, 401, 403, 404, 409, 422);
const stepNote =
  ' A step that the match’s state does not allow answers 409 with `details.state` and `details.allowedNextSteps`; ' +
  'a step by the wrong side answers 403. Timestamped in the match’s history and audited.';

const propose = createRoute({
  method: 'post',
  path: '/v1/placement-matches',
  operationId: 'proposePlacementMatch',
  tags,
  summary: 'Propose a young person on my caseload for an open placement (job coaches)',
  description:
    'Starts a journey in state `proposed`. The young person (or a delegate with respond_to_proposals) answers next; the employer cannot see the proposal until they agree. ' +
    '`match` may carry the score and reasons from the matching endpoint.',
  ...bearer,
  request: { body: jsonBody(proposeInputSchema) },
  responses: { 201: jsonResponse(journeySchema, 'Proposed.'), ...errorResponses(400, 401, 403, 404, 409, 422) },
});

const list = createRoute({
  method: 'get',
  path: '/v1/placement-matches',
  operationId: 'listPlacementMatches',
  tags,
  summary: 'Placement matches I may see, most recently changed first',
  description:
    'Provider staff: their provider’s. Young people and delegates: their own. Employers: those the young person agreed to.',
  ...bearer,
  request: { query: listQuerySchema },
  responses: {
    200: jsonResponse(pageOf(journeySchema, 'PlacementMatchPage'), 'Matches.'),
    ...errorResponses(400, 401),
  },
});

const get = createRoute({
  method: 'get',
  path: '/v1/placement-matches/{matchId}',
  operationId: 'getPlacementMatch',
  tags,
  summary: 'One placement match, with its history and what I may do next',
  ...bearer,
  request: { params: matchParams },
  responses: { 200: jsonResponse(journeySchema, 'The match.'), ...errorResponses(401, 403, 404) },
});

function step<T extends z.ZodType>(path: string, summary: string, body: T, description: string) {
  return createRoute({
    method: 'post',
    path: `/v1/placement-matches/{matchId}/${path}`,
    // `employer-accept` -> `employerAcceptPlacementMatch`
    operationId: `${path.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}PlacementMatch`,
    tags,
    summary,
    description: description + stepNote,
    ...bearer,
    request: { params: matchParams, body: jsonBody(body) },
    responses: { 200: jsonResponse(journeySchema, 'The match after this step.'), ...stepErrors },
  });
}

const accept = step(
  'accept',
  'Agree to the proposal and choose what to share (the young person, or a delegate with respond_to_proposals)',
  acceptInputSchema,
  'Moves `proposed` to `awaiting_employer`. Shares exactly the chosen passport sections with the employer, recording consent and purpose (sharing needs the share_passport right); an empty list shares nothing.',
);
const decline = step(
  'decline',
  'Say no to the proposal (the young person, or a delegate with respond_to_proposals)',
  declineInputSchema,
  'Moves `proposed` to `declined_by_young_person`.',
);
const employerAccept = step(
  'employer-accept',
  'Accept the intern (employer staff)',
  employerAcceptInputSchema,
  'From `awaiting_employer`, or from `taster_arranged` on or after the taster date, to `agreed`.',
);
const employerDecline = step(
  'employer-decline',
  'Decline, with a reason (employer staff)',
  reasonInputSchema,
  'Moves to `declined_by_employer` and ends the passport share made for this placement.',
);
const taster = step(
  'taster',
  'Ask for a taster day or informal interview first (employer staff)',
  tasterInputSchema,
  'Moves `awaiting_employer` to `taster_arranged`.',
);
const start = step(
  'start',
  'Record the first day (job coach or employer staff)',
  startInputSchema,
  'Moves `agreed` to `in_progress`, takes one of the placement’s free places (the placement becomes `filled` when none are left) and puts the young person `on_placement`, all at once. 409 when no place is free.',
);
const complete = step(
  'complete',
  'Record the end and the outcome (job coaches)',
  completeInputSchema,
  'Moves `in_progress` to `completed`; the young person becomes `completed`.',
);
const followUp = step(
  'follow-up',
  'Record the 12-month follow-up: still employed? (job coaches)',
  followUpInputSchema,
  'Moves `completed` to `followed_up`; possible from 11 months after the end.',
);
const withdraw = step(
  'withdraw',
  'Withdraw, with a reason (either side, at the points the journey allows)',
  reasonInputSchema,
  'Moves to `withdrawn`. A running internship gives its place back; a passport share made for this placement ends.',
);

const rotation = createRoute({
  method: 'post',
  path: '/v1/placement-matches/{matchId}/rotations',
  operationId: 'addRotation',
  tags,
  summary: 'Record a rotation: department, tasks, dates (job coach or employer staff, while in progress)',
  ...bearer,
  request: { params: matchParams, body: jsonBody(rotationInputSchema) },
  responses: { 201: jsonResponse(journeySchema, 'Recorded; the match with all its rotations.'), ...stepErrors },
});

const logWeek = createRoute({
  method: 'post',
  path: '/v1/placement-matches/{matchId}/logs',
  operationId: 'addWeeklyLog',
  tags,
  summary: 'Log a week: hours, tasks, job coach support, independence (job coach or employer staff)',
  description:
    'One log per week (409 for a second: correct it with PUT instead). `weekStarting` may be any date in the week, which must not be before the start nor yet to come.',
  ...bearer,
  request: { params: matchParams, body: jsonBody(weeklyLogInputSchema) },
  responses: { 201: jsonResponse(weeklyLogSchema, 'Logged.'), ...stepErrors },
});

const correctLog = createRoute({
  method: 'put',
  path: '/v1/placement-matches/{matchId}/logs/{week}',
  operationId: 'correctWeeklyLog',
  tags,
  summary: 'Correct the log of a week (job coach or employer staff, while in progress)',
  description:
    '`week` is any date in the week. The body replaces what the log says; the log keeps what it said before in `earlierVersions` and its `version` goes up by one. Audited with the hours before and after. 404 when the week has no log.',
  ...bearer,
  request: { params: weekParams, body: jsonBody(weeklyLogCorrectionSchema) },
  responses: { 200: jsonResponse(weeklyLogSchema, 'Corrected.'), ...errorResponses(400, 401, 403, 404, 409) },
});

const review = createRoute({
  method: 'post',
  path: '/v1/placement-matches/{matchId}/reviews',
  operationId: 'addReview',
  tags,
  summary: 'Record a progress review with SMART targets (job coach or employer staff)',
  description:
    'Reviews are about every six weeks; the next is due six weeks after this one unless `nextReviewDue` says otherwise.',
  ...bearer,
  request: { params: matchParams, body: jsonBody(reviewInputSchema) },
  responses: { 201: jsonResponse(reviewSchema, 'Recorded.'), ...stepErrors },
});

const progress = createRoute({
  method: 'get',
  path: '/v1/placement-matches/{matchId}/progress',
  operationId: 'getPlacementProgress',
  tags,
  summary: 'The internship week by week: support hours over time (fading), weeks with no log, reviews',
  ...bearer,
  request: { params: matchParams },
  responses: { 200: jsonResponse(progressSchema, 'Progress.'), ...errorResponses(401, 403, 404) },
});

/** One journey as its caller may see it, with the job coach's work contact (the list leaves it out). */
const view = (c: Context<AppEnv>, match: Journey) => c.var.services.journey.viewOf(actor(c), match);

/** Proposing a journey, and reading the journeys the caller may see. */
function matchRoutes() {
  return createRouter()
    .openapi(propose, async (c) => {
      const created = await c.var.services.journey.propose(actor(c), c.req.valid('json'), c.get('requestId'));
      return c.json(await view(c, created), 201);
    })
    .openapi(list, async (c) => {
      const caller = actor(c);
      const query = c.req.valid('query');
      const { services } = c.var;
      const page = await services.journey.list(caller, query);
      const items = await services.journey.viewsOf(caller, page.items);
      return c.json({ items, total: page.total, limit: query.limit, offset: query.offset }, 200);
    })
    .openapi(get, async (c) => {
      const seen = await c.var.services.journey.view(actor(c), c.req.valid('param').matchId);
      return c.json(seen.view, 200);
    });
}

/** The answers to a proposal: the young person's, then the employer's (perhaps after a taster). */
function answerRoutes() {
  return createRouter()
    .openapi(accept, async (c) => {
      const moved = await c.var.services.journey.accept(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(decline, async (c) => {
      const moved = await c.var.services.journey.decline(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(employerAccept, async (c) => {
      const moved = await c.var.services.journey.employerAccept(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(employerDecline, async (c) => {
      const moved = await c.var.services.journey.employerDecline(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(taster, async (c) => {
      const moved = await c.var.services.journey.arrangeTaster(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    });
}

/** The internship: its first day, its rotations, its end, the 12-month follow-up, and withdrawing. */
function internshipRoutes() {
  return createRouter()
    .openapi(start, async (c) => {
      const moved = await c.var.services.journey.start(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(complete, async (c) => {
      const moved = await c.var.services.journey.complete(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(followUp, async (c) => {
      const moved = await c.var.services.journey.recordFollowUp(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(withdraw, async (c) => {
      const moved = await c.var.services.journey.withdraw(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, moved), 200);
    })
    .openapi(rotation, async (c) => {
      const updated = await c.var.services.journey.recordRotation(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(await view(c, updated), 201);
    });
}

/** The internship's weekly logs and reviews, and its progress week by week. */
function progressRoutes() {
  return createRouter()
    .openapi(logWeek, async (c) => {
      const log = await c.var.services.progress.logWeek(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(weeklyLogView(log), 201);
    })
    .openapi(correctLog, async (c) => {
      const { matchId, week } = c.req.valid('param');
      const log = await c.var.services.progress.correctLog(
        actor(c),
        matchId,
        week,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(weeklyLogView(log), 200);
    })
    .openapi(review, async (c) => {
      const recorded = await c.var.services.progress.recordReview(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(reviewView(recorded), 201);
    })
    .openapi(progress, async (c) => {
      const { match, logs, reviews, weeks, weeksWithoutLog, fading, nextReviewDue } =
        await c.var.services.progress.progress(actor(c), c.req.valid('param').matchId);
      return c.json(
        {
          matchId: match.id,
          state: match.state,
          startedOn: match.startedOn ?? null,
          weeks,
          weeksWithoutLog,
          fading,
          logs: logs.map(weeklyLogView),
          reviews: reviews.map(reviewView),
          nextReviewDue,
        },
        200,
      );
    });
}

/** Every journey operation; the groups are registered in this order, which is the OpenAPI document's. */
export function journeyRoutes() {
  return createRouter()
    .route('/', matchRoutes())
    .route('/', answerRoutes())
    .route('/', internshipRoutes())
    .route('/', progressRoutes());
}
