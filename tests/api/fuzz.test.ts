import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';

/**
 * A property-based fuzz test over every operation of the OpenAPI document: requests built from
 * each operation's own schema (mostly valid, sometimes any JSON at all), sent as a provider admin,
 * a job coach, an employer and a young person. Whatever is sent: never a 5xx, every error in the
 * envelope in plain words, and a refused write changes nothing in MongoDB (compared with `dbHash`).
 */

type Json = Record<string, any>;
let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
let document: Json;

const runsPerOperation = Number(process.env.FUZZ_RUNS ?? 12);
/** Written on purpose by refused requests: the audit trail, sign-in throttles, refresh-token reuse detection. */
const writtenWhenRefused = /audit|throttle|attempt|refresh_tokens|sessions/;
const schemaLibraryWording = /expected|Too big|Too small|Invalid input|Invalid option|Unrecognized|>=|<=/;

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  document = (await callUntyped(harness.app, 'GET', '/openapi.json')).json as Json;
});
afterAll(() => harness.close());

function resolve(schema: Json): Json {
  return schema?.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()]) : schema;
}

function pattern(source: string): fc.Arbitrary<string> | undefined {
  try {
    return fc.stringMatching(new RegExp(source));
  } catch {
    return undefined;
  }
}

/** An arbitrary for the values a JSON Schema allows (enough of 3.1 for this document). */
function fromSchema(raw: Json, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(raw) ?? {};
  if (depth > 6) return fc.constant(null);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants) return fc.oneof(...variants.map((variant: Json) => fromSchema(variant, depth + 1)));
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'date')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (schema.format === 'date-time')
        return fc
          .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (schema.format === 'uri') return fc.webUrl();
      const matching = schema.pattern ? pattern(schema.pattern) : undefined;
      // Lengths are not forced onto pattern strings: a value the server refuses is as good a probe.
      return (
        matching ??
        fc.string({
          unit: 'grapheme',
          minLength: schema.minLength ?? 0,
          maxLength: Math.min(schema.maxLength ?? 40, 40),
        })
      );
    }
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
    case 'number':
      return fc.double({
        min: schema.minimum ?? -1000,
        max: schema.maximum ?? 1000,
        noNaN: true,
        noDefaultInfinity: true,
      });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(fromSchema(schema.items ?? {}, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 4, 4),
      });
    case 'object': {
      const properties = Object.entries<Json>(schema.properties ?? {});
      const required = new Set<string>(schema.required ?? []);
      const record = Object.fromEntries(properties.map(([name, property]) => [name, fromSchema(property, depth + 1)]));
      return fc.record(record, { requiredKeys: properties.map(([name]) => name).filter((name) => required.has(name)) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Mostly what the schema allows, sometimes anything at all. */
const fuzzed = (schema: Json) =>
  fc.oneof({ weight: 4, arbitrary: fromSchema(schema) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

async function storeFingerprint(): Promise<string> {
  const collections = (await harness.services.db.listCollections({}, { nameOnly: true }).toArray())
    .map((collection) => collection.name)
    .filter((name) => !writtenWhenRefused.test(name));
  const hash = await harness.services.db.command({ dbHash: 1, collections });
  return JSON.stringify(hash.collections);
}

function operations(): { method: string; path: string; operation: Json }[] {
  return Object.entries<Json>(document.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => item[method])
      .map((method) => ({ method, path, operation: item[method] })),
  );
}

describe('fuzzing every operation from its own schema', () => {
  it('never answers 5xx, keeps every error in the envelope, and leaves MongoDB unchanged when it refuses a write', async () => {
    const tokens = [world.admin.token, world.coach.token, employer.staff.token, world.youngPerson.token];
    const knownIds = [world.youngPersonId, employer.employerId, world.coach.accountId, '0123456789abcdef01234567'];
    let sent = 0;
    let refusedWrites = 0;
    const statuses = new Map<number, number>();
    for (const { method, path, operation } of operations()) {
      const parameters: Json[] = operation.parameters ?? [];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const queryParameters = parameters.filter((parameter) => parameter.in === 'query');
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const request = fc.record({
        token: fc.constantFrom(...tokens),
        path: fc.record(
          Object.fromEntries(
            pathParameters.map((p) => [p.name, fc.oneof(fc.constantFrom(...knownIds), fromSchema(p.schema))]),
          ),
        ),
        query: fc.record(Object.fromEntries(queryParameters.map((p) => [p.name, fromSchema(p.schema)])), {
          requiredKeys: [],
        }),
        body: body ? fuzzed(body) : fc.constant(undefined),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ token, path: values, query, body: payload }) => {
          const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) =>
            encodeURIComponent(String((values as Record<string, unknown>)[name])),
          );
          const search = new URLSearchParams(
            Object.entries(query as Record<string, unknown>).map(([name, value]): [string, string] => [
              name,
              String(value),
            ]),
          ).toString();
          const before = method === 'get' ? undefined : await storeFingerprint();
          const response = await callUntyped(
            harness.app,
            method.toUpperCase(),
            search ? `${concrete}?${search}` : concrete,
            {
              token,
              body: payload,
            },
          );
          sent += 1;
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const label = `${method.toUpperCase()} ${path} -> ${response.status} ${response.text.slice(0, 300)}`;
          expect(response.status, label).toBeLessThan(500);
          if (response.status >= 400) {
            expect(response.error, label).toMatchObject({
              code: expect.any(String),
              message: expect.any(String),
              requestId: expect.any(String),
            });
            const details = Array.isArray(response.error?.details) ? response.error.details : [];
            for (const message of [response.error?.message, ...details.map((problem) => problem.message)])
              expect(message, `${label}: a schema library's wording`).not.toMatch(schemaLibraryWording);
            if (before !== undefined && !path.startsWith('/v1/auth/')) {
              refusedWrites += 1;
              expect(await storeFingerprint(), `${label}: a refused write changed MongoDB`).toBe(before);
            }
          }
        }),
        { numRuns: runsPerOperation, seed: 20261129 },
      );
    }
    console.log(
      JSON.stringify({
        fuzz: {
          operations: operations().length,
          requests: sent,
          refusedWritesChecked: refusedWrites,
          statuses: Object.fromEntries(statuses),
        },
      }),
    );
  }, 600_000);
});

/**
 * A body nested `depth` levels: each level an object under a key or a list, chosen by `shape`;
 * written as text, because JSON.stringify itself overflows the stack long before 100,000 levels.
 */
function nestedBody(depth: number, shape: boolean[], innermost: string): string {
  const opening: string[] = [];
  const closing: string[] = [];
  for (let level = 0; level < depth; level += 1) {
    const isObject = shape[level % shape.length];
    opening.push(isObject ? '{"a":' : '[');
    closing.push(isObject ? '}' : ']');
  }
  return `${opening.join('')}${innermost}${closing.reverse().join('')}`;
}

describe('fuzzing every operation with deeply nested bodies', () => {
  it('answers 400 naming the depth limit past 32 levels, never 5xx, at any depth up to 100,000', async () => {
    // JSON bodies only: the multipart upload refuses a JSON body (415) before reading it.
    const withBody = operations().filter(({ operation }) => operation.requestBody?.content?.['application/json']);
    expect(withBody.length).toBeGreaterThan(30);
    const tokens = [world.admin.token, world.coach.token, employer.staff.token, world.youngPerson.token];
    const nested = fc.record({
      target: fc.constantFrom(...withBody),
      token: fc.constantFrom(...tokens),
      depth: fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 33, max: 100_000 })),
      shape: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
      innermost: fc.constantFrom('1', '"text"', 'null', '{}', '[]', '"nul\\u0000"'),
    });
    await fc.assert(
      fc.asyncProperty(nested, async ({ target, token, depth, shape, innermost }) => {
        const concrete = target.path.replace(/\{\w+\}/g, '0123456789abcdef01234567');
        const response = await callUntyped(harness.app, target.method.toUpperCase(), concrete, {
          token,
          rawBody: nestedBody(depth, shape, innermost),
          headers: { 'content-type': 'application/json' },
        });
        const label = `${target.method.toUpperCase()} ${target.path} nested ${depth} -> ${response.status} ${response.text.slice(0, 200)}`;
        expect(response.status, label).toBeLessThan(500);
        const containers = depth + (innermost === '{}' || innermost === '[]' ? 1 : 0);
        const refusedForDepth = (response.error?.details as { message: string }[] | undefined)?.some(
          (problem) => problem.message === 'must not nest objects and lists more than 32 levels deep',
        );
        expect(refusedForDepth ?? false, label).toBe(containers > 32);
      }),
      { numRuns: Number(process.env.FUZZ_NESTED_RUNS ?? 150), seed: 20261207 },
    );
  }, 300_000);
});
