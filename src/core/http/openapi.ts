import { OpenAPIHono, z } from '@hono/zod-openapi';
import { type FieldProblem, fieldProblems, unprocessable, validationFailed } from '../errors.js';
import type { AppEnv } from './env.js';

const targetNames: Record<string, FieldProblem['in']> = {
  json: 'body',
  query: 'query',
  param: 'path',
  header: 'header',
  cookie: 'cookie',
  form: 'body',
};

/**
 * Every feature router is made here, so that schema failures always become the envelope: 400
 * for what the OpenAPI document states (types, patterns, limits, enums, required fields), and 422
 * when only refinements failed, the rules a JSON Schema cannot state ("after the start time"),
 * which the document describes on the field. So input the document calls valid never gets a 400.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const problems = fieldProblems(result.error, targetNames[result.target]);
        if (result.error.issues.every((issue) => issue.code === 'custom')) throw unprocessable(problems);
        throw validationFailed(problems);
      }
    },
  });
}

const fieldProblemSchema = z
  .object({
    path: z.string().openapi({ example: 'availability.days.0' }),
    in: z.enum(['body', 'query', 'path', 'header', 'cookie']).optional(),
    message: z.string(),
  })
  .openapi('FieldProblem');

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.union([z.array(fieldProblemSchema), z.record(z.string(), z.unknown())]).optional(),
      requestId: z.string(),
    }),
  })
  .openapi('Error');

const errorDescriptions: Record<number, string> = {
  400: 'The request is malformed or breaks the schema; `details` names each field.',
  401: 'No valid access token.',
  403: 'The caller may see this record but not do this to it.',
  404: 'Not found, or not visible to the caller.',
  409: 'The record is not in a state that allows this.',
  413: 'The request body is too large.',
  415: 'The request body must be application/json.',
  422: 'The request is well-formed but cannot be carried out; `details` says why.',
  429: 'Too many attempts; see Retry-After.',
  503: 'MongoDB or Meilisearch is unavailable. Nothing was changed, unless `details.saved` is `unknown`: then the change may have been saved (send it again with the same `Idempotency-Key`).',
};

/** The documented error responses for a route, all with the one envelope. */
export function errorResponses(...statuses: number[]) {
  const all = [...new Set([...statuses, 503])].sort();
  return Object.fromEntries(
    all.map((status) => [
      status,
      {
        description: errorDescriptions[status] ?? 'Error.',
        content: { 'application/json': { schema: errorEnvelopeSchema } },
      },
    ]),
  ) as Record<number, { description: string; content: { 'application/json': { schema: typeof errorEnvelopeSchema } } }>;
}

/** A required JSON request body. */
export function jsonBody<T extends z.ZodType>(schema: T, description?: string) {
  return { required: true, description, content: { 'application/json': { schema } } } as const;
}

/** A JSON response with a description. */
export function jsonResponse<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { 'application/json': { schema } } } as const;
}

/** Spread into a route that needs an access token. */
export const bearer = { security: [{ bearerAuth: [] as string[] }] };
