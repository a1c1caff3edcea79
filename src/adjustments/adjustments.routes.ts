import { createRoute, type z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { actor } from '../auth/auth.middleware.js';
import { idParams } from '../core/db/ids.js';
import { bearer, createRouter, errorResponses, jsonBody, jsonResponse } from '../core/http/openapi.js';
import { pageFrom, paginationQuery } from '../domain/schemas.js';
import {
  addAdjustmentInputSchema,
  adjustmentListSchema,
  adjustmentSchema,
  answerAdjustmentInputSchema,
  checkInputSchema,
  inPlaceInputSchema,
  observationInputSchema,
  reviewInputSchema,
  suggestAdjustmentInputSchema,
  suggestionDecisionInputSchema,
} from './adjustments.schemas.js';

const tags = ['adjustments'];
const base = '/v1/placement-matches/{matchId}/adjustments';
const matchParams = idParams('matchId');
const adjustmentParams = idParams('matchId', 'adjustmentId');
const privacy =
  ' The words are the young person’s: an employer reads them only while the young person’s share of "what helps me at work" with them stands (afterwards `text` and `kind` are null).';
const stepErrors = errorResponses(400, 401, 403, 404, 409, 422);

const listAdjustments = createRoute({
  method: 'get',
  path: base,
  operationId: 'listAdjustments',
  tags,
  summary: 'The adjustment requests of a journey, each with its state and what the reader may do next',
  description: `Each help the young person shared as "what helps me at work" with this employer is one request. Read by the journey’s parties; an employer does not see a request the job coach added until the young person agrees to it.${privacy}`,
  ...bearer,
  request: { params: matchParams, query: paginationQuery },
  responses: { 200: jsonResponse(adjustmentListSchema, 'The requests.'), ...errorResponses(400, 401, 403, 404) },
});

const getAdjustment = createRoute({
  method: 'get',
  path: `${base}/{adjustmentId}`,
  operationId: 'getAdjustment',
  tags,
  summary: 'One adjustment request',
  description: privacy.trim(),
  ...bearer,
  request: { params: adjustmentParams },
  responses: { 200: jsonResponse(adjustmentSchema, 'The request.'), ...errorResponses(400, 401, 403, 404) },
});

const addAdjustment = createRoute({
  method: 'post',
  path: base,
  operationId: 'addAdjustment',
  tags,
  summary: 'Add a request (the job coach); it waits for the young person to agree',
  description:
    '409 when the journey is not awaiting the employer, agreed or in progress. The employer sees it once the young person agrees (`decideAdjustmentSuggestion`).',
  ...bearer,
  request: { params: matchParams, body: jsonBody(addAdjustmentInputSchema) },
  responses: { 201: jsonResponse(adjustmentSchema, 'The request, waiting for the young person.'), ...stepErrors },
});

function step<T extends z.ZodType>(path: string, operationId: string, summary: string, body: T, description: string) {
  return createRoute({
    method: 'post',
    path: `${base}/{adjustmentId}/${path}`,
    operationId,
    tags,
    summary,
    description: `${description} 403 for a side that never takes this step; 404 for a journey or request that is not the caller’s; 409 when the request is not in a state that allows it; nothing is written when refused.`,
    ...bearer,
    request: { params: adjustmentParams, body: jsonBody(body) },
    responses: { 200: jsonResponse(adjustmentSchema, 'The request after this step.'), ...stepErrors },
  });
}

const suggest = step(
  'suggestion',
  'suggestAdjustmentWording',
  'Suggest new words, or a split into several requests (the job coach)',
  suggestAdjustmentInputSchema,
  'Only while the request waits for the employer’s answer. Shown beside the young person’s words until they decide.',
);
const decideSuggestion = step(
  'suggestion/decision',
  'decideAdjustmentSuggestion',
  'Agree to the job coach’s words or added request, or say no (the young person, or a delegate with respond_to_proposals)',
  suggestionDecisionInputSchema,
  'Agreeing to a split keeps the first part here and adds a request for each other part. Declining an added request removes it.',
);
const answer = step(
  'answer',
  'answerAdjustment',
  'Answer a request: agreed (who, by when, who pays) or not possible (why, and an alternative) (the employer)',
  answerAdjustmentInputSchema,
  'Moves `requested` to `agreed` or `not_possible`; a second answer is 409. 400 names a field the answer needs or must leave out; 422 for a by-date in the past.',
);
const inPlace = step(
  'in-place',
  'putAdjustmentInPlace',
  'Record the day an agreed adjustment was in place (the employer or the job coach)',
  inPlaceInputSchema,
  'Moves `agreed` to `in_place`. 422 for a day before the employer agreed the placement or in the future; 409 while the placement is not agreed.',
);
const check = step(
  'check',
  'checkAdjustment',
  'Answer "Does this help you at work?" (the young person, or a delegate with respond_to_proposals)',
  checkInputSchema,
  'Moves `in_place` to `checked`, once: 409 before the adjustment is in place and for a second answer.',
);
const observe = step(
  'observation',
  'observeAdjustment',
  'Record what the job coach saw at work',
  observationInputSchema,
  'While the adjustment is in place or checked.',
);
const review = step(
  'review',
  'reviewAdjustment',
  'Review at a 6-weekly review: keep, change or stop (the job coach)',
  reviewInputSchema,
  'From `in_place`, `checked` or `not_possible`: keep leaves it as it is, change sends it back to the employer as `requested`, stop makes it `stopped`.',
);

const addToPassport = createRoute({
  method: 'post',
  path: `${base}/{adjustmentId}/passport`,
  operationId: 'addAdjustmentToPassport',
  tags,
  summary: 'Add an adjustment that helped to the passport, as "this worked at <employer>, <month year>"',
  description:
    'Only by the young person (or a delegate with edit_passport), only for an adjustment they said helps (yes or a bit), once: 409 otherwise. The passport gets a new version; the next employer they share "what helps me at work" with sees it.',
  ...bearer,
  request: { params: adjustmentParams },
  responses: { 200: jsonResponse(adjustmentSchema, 'The request, now in the passport.'), ...stepErrors },
});

/** The young person's words are not for shared caches. */
function noStore(c: Context) {
  c.header('Cache-Control', 'no-store');
}

/** The requests themselves: reading them, the coach adding one or new words, the young person's choice. */
function requestRoutes() {
  return createRouter()
    .openapi(listAdjustments, async (c) => {
      noStore(c);
      const { items, ...list } = await c.var.services.adjustments.list(actor(c), c.req.valid('param').matchId);
      return c.json({ ...list, ...pageFrom(items, c.req.valid('query')) }, 200);
    })
    .openapi(getAdjustment, async (c) => {
      noStore(c);
      const { matchId, adjustmentId } = c.req.valid('param');
      return c.json(await c.var.services.adjustments.one(actor(c), matchId, adjustmentId), 200);
    })
    .openapi(addAdjustment, async (c) => {
      const added = await c.var.services.adjustments.add(
        actor(c),
        c.req.valid('param').matchId,
        c.req.valid('json'),
        c.get('requestId'),
      );
      return c.json(added, 201);
    })
    .openapi(suggest, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.suggest(actor(c), matchId, adjustmentId, body, c.get('requestId')),
        200,
      );
    })
    .openapi(decideSuggestion, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const { decision } = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.decideSuggestion(
          actor(c),
          matchId,
          adjustmentId,
          decision,
          c.get('requestId'),
        ),
        200,
      );
    });
}

/** The steps a request takes once the employer sees it: answer, in place, check, observation, passport, review. */
function stepRoutes() {
  return createRouter()
    .openapi(answer, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.answer(actor(c), matchId, adjustmentId, body, c.get('requestId')),
        200,
      );
    })
    .openapi(inPlace, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const { inPlaceOn } = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.putInPlace(actor(c), matchId, adjustmentId, inPlaceOn, c.get('requestId')),
        200,
      );
    })
    .openapi(check, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.check(actor(c), matchId, adjustmentId, body, c.get('requestId')),
        200,
      );
    })
    .openapi(observe, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const { note } = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.observe(actor(c), matchId, adjustmentId, note, c.get('requestId')),
        200,
      );
    })
    .openapi(addToPassport, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      return c.json(
        await c.var.services.adjustments.addToPassport(actor(c), matchId, adjustmentId, c.get('requestId')),
        200,
      );
    })
    .openapi(review, async (c) => {
      const { matchId, adjustmentId } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(
        await c.var.services.adjustments.review(actor(c), matchId, adjustmentId, body, c.get('requestId')),
        200,
      );
    });
}

export function adjustmentsRoutes() {
  return createRouter().route('/', requestRoutes()).route('/', stepRoutes());
}
