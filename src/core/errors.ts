import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import './plain-messages.js';

/** Every error code the API can answer with; clients may switch on these. */
export const errorCodes = {
  bad_request: 400,
  malformed_json: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  rate_limited: 429,
  internal: 500,
  dependency_unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof errorCodes;

/** One problem with one field of the request, e.g. `{ path: "availability.days.0", message: "..." }`. */
export interface FieldProblem {
  path: string;
  in?: 'body' | 'query' | 'path' | 'header' | 'cookie';
  message: string;
}

export type ErrorDetails = FieldProblem[] | Record<string, unknown>;

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: ErrorDetails; requestId: string };
}

/**
 * The only error type handlers throw. Its message is shown to the client, so it must never
 * carry personal data, passport contents, driver messages or stack traces.
 */
export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetails; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(errorCodes[code], { message, cause: options.cause });
    this.name = 'ApiError';
    this.code = code;
    this.details = options.details;
    this.headers = options.headers;
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} was not found.`);
export const forbidden = (message = 'You are not allowed to do this.') => new ApiError('forbidden', message);
export const validationFailed = (problems: FieldProblem[], message = 'The request is not valid.') =>
  new ApiError('validation_failed', message, { details: problems });
export const unprocessable = (problems: FieldProblem[], message = 'The request cannot be carried out as it stands.') =>
  new ApiError('unprocessable', message, { details: problems });

/** A dependency (MongoDB, Meilisearch) could not be reached; the message names it. */
export class DependencyUnavailableError extends Error {
  /** True when a change of this request may have been saved before the store stopped answering. */
  readonly mayHaveSaved: boolean;
  constructor(
    readonly dependency: 'mongodb' | 'meilisearch',
    cause?: unknown,
    outcome: { mayHaveSaved?: boolean } = {},
  ) {
    super(`${dependency === 'mongodb' ? 'MongoDB' : 'Meilisearch'} is unavailable`, { cause });
    this.mayHaveSaved = outcome.mayHaveSaved === true;
    this.name = 'DependencyUnavailableError';
  }
}

/**
 * Turns a zod error into one problem per field, with dotted paths a client can point at. The
 * messages are already plain fragments ("must be 2000 characters or fewer"): importing
 * `plain-messages` above installs them as zod's messages wherever a schema gives none of its own.
 */
export function fieldProblems(error: ZodError, location?: FieldProblem['in']): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: [...base, key].join('.'),
        ...(location ? { in: location } : {}),
        message: 'is not a known field',
      }));
    }
    return [{ path: base.join('.') || '(root)', ...(location ? { in: location } : {}), message: issue.message }];
  });
}
