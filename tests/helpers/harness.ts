import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { App } from '../../src/app.js';
import { type Clock, type ManualClock, systemClock } from '../../src/core/clock.js';
import { type Config, loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import type { components, paths } from '../../src/generated/openapi.js';
import { startSystem } from '../../src/runtime.js';
import type { ServiceOptions, System } from '../../src/services.js';

export interface Harness {
  app: App;
  services: System;
  config: Config;
  clock: Clock;
  /** Drops this harness's database and indexes and closes its connections. */
  close(): Promise<void>;
}

/** A unique name per test file run, so files can share one mongod and one Meilisearch in parallel. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

/**
 * Builds the real app on the run's real MongoDB and Meilisearch, in its own database and
 * index prefix. Pass `env` to change configuration and `clock` to control time.
 */
export async function createHarness(
  options: { env?: Record<string, string>; clock?: Clock | ManualClock; serviceOptions?: ServiceOptions } = {},
): Promise<Harness> {
  const name = uniqueName('t');
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    MONGODB_URI: inject('mongoUri'),
    MONGODB_DB: name,
    MEILI_URL: inject('meiliUrl'),
    MEILI_MASTER_KEY: inject('meiliKey'),
    MEILI_INDEX_PREFIX: `${name}_`,
    TOKEN_KEYS_SECRET: 'test-secret-test-secret-test-secret-0123',
    PASSWORD_ARGON2_MEMORY_KIB: '1024',
    ...options.env,
  });
  const clock = options.clock ?? systemClock;
  // The same start-up as the service's, on the run's stores (MONGODB_URI and MEILI_URL are set); the
  // migrations run first even when a test sets NODE_ENV=production, as a deploy would have run them.
  const { system, app, close } = await startSystem({
    config,
    logger: createLogger(config.LOG_LEVEL),
    clock,
    migrate: true,
    ...(options.serviceOptions ? { services: options.serviceOptions } : {}),
  });
  return {
    app,
    services: system,
    config,
    clock,
    async close() {
      await system.notificationDelivery?.close();
      await system.db.dropDatabase().catch(() => undefined);
      const { results } = await system.search.client.getIndexes({ limit: 1000 });
      await Promise.all(
        results
          .filter((index) => index.uid.startsWith(system.search.prefix))
          .map((index) => system.search.client.deleteIndex(index.uid).waitTask()),
      );
      await close();
    },
  };
}

/** The operations of the contract, as `npm run openapi:types` generates them from /openapi.json. */
type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type SuccessStatus = 200 | 201 | 202 | 204;

/** Every documented path (`/v1/young-people/{youngPersonId}`) that has an operation for `method`. */
export type ContractPath<M extends HttpMethod> = {
  [P in keyof paths]: M extends keyof paths[P] ? P : never;
}[keyof paths];
type Operation<M extends HttpMethod, P extends keyof paths> = paths[P][M & keyof paths[P]];

type JsonContent<R> = R extends { content: { 'application/json': infer T } } ? T : undefined;
type SuccessJson<Op> = Op extends { responses: infer R }
  ? { [S in keyof R & SuccessStatus]: JsonContent<R[S]> }[keyof R & SuccessStatus]
  : never;
type RequestJson<Op> = Op extends { requestBody?: infer B }
  ? unknown extends B
    ? never
    : JsonContent<NonNullable<B>>
  : never;
type PathParams<Op> = Op extends { parameters: { path: infer T } } ? T : undefined;
type QueryParams<Op> = Op extends { parameters: { query?: infer T } }
  ? unknown extends T
    ? never
    : NonNullable<T>
  : never;

/** A named schema of the contract (`Schema<'PlacementInput'>`). */
export type Schema<N extends keyof components['schemas']> = components['schemas'][N];
/** The JSON request body of one operation. */
export type RequestBody<M extends HttpMethod, P extends ContractPath<M>> = RequestJson<Operation<M, P>>;

/** The JSON of one operation's success response. */
export type SuccessBody<M extends HttpMethod, P extends ContractPath<M>> = SuccessJson<Operation<M, P>>;

/** The error envelope's `error`, as every operation documents it. */
export type ApiError = components['schemas']['Error']['error'];
export type FieldProblem = components['schemas']['FieldProblem'];

interface TransportOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as it is, for tests of malformed JSON or the wrong content type. */
  rawBody?: string;
}

export type CallOptions<Op> = TransportOptions & {
  /** The request body, as the contract describes it. */
  body?: RequestJson<Op>;
  /** A body the contract may refuse, sent as JSON unchecked: for tests of the 400s and 422s. */
  untypedBody?: unknown;
  query?: QueryParams<Op>;
  /** A query string sent as it is (without `?`), for tests of how the API reads bad or hostile queries. */
  rawQuery?: string;
} & (PathParams<Op> extends undefined ? { path?: never } : { path: PathParams<Op> });

interface LooseCallOptions extends TransportOptions {
  body?: unknown;
  untypedBody?: unknown;
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  rawQuery?: string;
}

type CallArgs<Op> = PathParams<Op> extends undefined ? [options?: CallOptions<Op>] : [options: CallOptions<Op>];

export interface CallResult<T> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, typed as the operation's success response: read it after checking `status`. */
  json: T;
  /** The error envelope's `error` when the body is one. */
  error: ApiError | undefined;
}

/**
 * Calls one operation of the contract in-process: `path` is the documented path and `options.path`
 * fills its parameters, so the body and the answer are typed from src/generated/openapi.d.ts.
 */
export function call<M extends Uppercase<HttpMethod>, P extends ContractPath<Lowercase<M>>>(
  app: App,
  method: M,
  path: P,
  ...[options]: CallArgs<Operation<Lowercase<M>, P>>
): Promise<CallResult<SuccessJson<Operation<Lowercase<M>, P>>>> {
  const given = (options ?? {}) as LooseCallOptions;
  let url: string = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = given.path?.[name];
    if (value === undefined) throw new Error(`call(): no value for {${name}} in ${path}`);
    return encodeURIComponent(String(value));
  });
  const query = new URLSearchParams(
    Object.entries(given.query ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([key, value]): [string, string] => [key, String(value)]),
  ).toString();
  if (query) url += `?${query}`;
  if (given.rawQuery) url += `${query ? '&' : '?'}${given.rawQuery}`;
  return send(app, method, url, { ...given, body: given.body ?? given.untypedBody }) as Promise<
    CallResult<SuccessJson<Operation<Lowercase<M>, P>>>
  >;
}

/**
 * Calls any URL, documented or not (the OpenAPI document itself, the docs, test-only routes, paths
 * made up by the fuzzer); the body it answers is `unknown`.
 */
export function callUntyped(
  app: App,
  method: string,
  url: string,
  options: TransportOptions & { body?: unknown } = {},
): Promise<CallResult<unknown>> {
  return send(app, method, url, options);
}

async function send(
  app: App,
  method: string,
  url: string,
  options: TransportOptions & { body?: unknown },
): Promise<CallResult<unknown>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  // A multipart upload: the request sets its own content type, with the boundary.
  else if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await app.request(url, { method, headers, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text, error: errorOf(json) };
}

function errorOf(json: unknown): ApiError | undefined {
  if (typeof json !== 'object' || json === null || !('error' in json)) return undefined;
  const { error } = json as { error: unknown };
  return typeof error === 'object' && error !== null && 'code' in error ? (error as ApiError) : undefined;
}

/** The field problems of a 400 or 422; fails the test when the answer has none. */
export function fieldProblems(response: { error: ApiError | undefined; text: string }): FieldProblem[] {
  const details = response.error?.details;
  if (!Array.isArray(details)) throw new Error(`expected field problems, got ${response.text}`);
  return details;
}

/** The details of an error that names a state rather than fields (a 409's state, a stale version). */
export function errorDetails(response: { error: ApiError | undefined; text: string }): Record<string, unknown> {
  const details = response.error?.details;
  if (typeof details !== 'object' || Array.isArray(details))
    throw new Error(`expected error details, got ${response.text}`);
  return details;
}
