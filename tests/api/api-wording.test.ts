import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUntyped, createHarness, type Harness } from '../helpers/harness.js';
import { type EmployerWorld, makeEmployer, makeProvider, type ProviderWorld } from '../helpers/world.js';

/**
 * Every operation of the OpenAPI document, sent bodies and query strings that break each rule its
 * schema states (too long, too big, too many, the wrong type, the wrong choice, a field left out, a
 * field it does not know): every message in the answer is in plain words, never a schema library's.
 */

type Json = Record<string, any>;
let harness: Harness;
let world: ProviderWorld;
let employer: EmployerWorld;
let document: Json;

const schemaLibraryWording = /expected|Too big|Too small|Invalid input|Invalid option|Unrecognized|>=|<=/;
const someId = '0123456789abcdef01234567';

beforeAll(async () => {
  harness = await createHarness();
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  document = (await callUntyped(harness.app, 'GET', '/openapi.json')).json as Json;
});
afterAll(() => harness.close());

function resolve(schema: Json | undefined): Json {
  if (!schema) return {};
  return schema.$ref ? resolve(document.components.schemas[schema.$ref.split('/').pop()]) : schema;
}

/** A value that breaks the schema's own limits, or, with `wrongType`, is of another type altogether. */
function broken(raw: Json | undefined, wrongType: boolean, depth = 0): unknown {
  const schema = resolve(raw);
  const variant = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (variant) return broken(variant, wrongType, depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth > 5) return null;
  switch (type) {
    case 'string':
      if (wrongType) return 42;
      if (schema.enum) return 'not-one-of-them';
      if (schema.format === 'date') return '2027-02-30';
      return 'x'.repeat((schema.maxLength ?? 4000) + 1);
    case 'integer':
    case 'number':
      if (wrongType) return 'many';
      return schema.maximum !== undefined ? schema.maximum + 1.5 : -1.5;
    case 'boolean':
      return wrongType ? 'yes' : null;
    case 'array': {
      if (wrongType) return 'a list';
      const count = Math.min((schema.maxItems ?? 2) + 1, 60);
      return Array.from({ length: count }, () => broken(schema.items, false, depth + 1));
    }
    case 'object': {
      if (wrongType) return 'an object';
      const properties = Object.entries<Json>(schema.properties ?? {});
      return {
        ...Object.fromEntries(properties.map(([name, property]) => [name, broken(property, false, depth + 1)])),
        notAField: true,
      };
    }
    default:
      return null;
  }
}

function operations(): { method: string; path: string; operation: Json }[] {
  return Object.entries<Json>(document.paths).flatMap(([path, item]) =>
    ['get', 'post', 'put', 'patch', 'delete']
      .filter((method) => item[method])
      .map((method) => ({ method, path, operation: item[method] })),
  );
}

function messagesOf(json: unknown): string[] {
  const error = (json as { error?: { message: string; details?: unknown } } | undefined)?.error;
  if (!error) return [];
  const details = Array.isArray(error.details) ? (error.details as { message: string }[]) : [];
  return [error.message, ...details.map((problem) => problem.message)];
}

describe('the API’s messages', () => {
  it('never carry a schema library’s wording, whatever rule a request breaks', async () => {
    const tokens = [world.admin.token, world.coach.token, employer.staff.token, world.youngPerson.token];
    const offending: string[] = [];
    let messages = 0;
    for (const { method, path, operation } of operations()) {
      const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) =>
        name === 'section' ? 'aboutMe' : name === 'version' ? '1' : someId,
      );
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const queries: Json[] = (operation.parameters ?? []).filter((parameter: Json) => parameter.in === 'query');
      const search = new URLSearchParams(
        queries.map((parameter): [string, string] => {
          const value = broken(parameter.schema, false);
          return [parameter.name, typeof value === 'string' ? value.slice(0, 300) : String(value)];
        }),
      ).toString();
      const bodies: unknown[] = body ? [{}, broken(body, false), broken(body, true), { notAField: 1 }] : [undefined];
      for (const token of tokens)
        for (const payload of bodies) {
          const response = await callUntyped(
            harness.app,
            method.toUpperCase(),
            search ? `${concrete}?${search}` : concrete,
            { token, ...(payload === undefined ? {} : { body: payload }) },
          );
          for (const message of messagesOf(response.json)) {
            messages += 1;
            if (schemaLibraryWording.test(message))
              offending.push(`${method.toUpperCase()} ${path} -> ${response.status}: ${message}`);
          }
        }
    }
    expect([...new Set(offending)]).toEqual([]);
    expect(messages).toBeGreaterThan(500);
  }, 300_000);

  it('say what a limit is in the words the passport’s own messages use', async () => {
    const signUp = await callUntyped(harness.app, 'POST', '/v1/employers/signup', {
      body: {
        organisation: {
          name: 'x'.repeat(300),
          sector: 'not-a-sector',
          address: { line1: '', town: 'Leeds', postcode: 'LS1 4AP' },
        },
        account: { name: 'Priya Shah', email: 'priya@example.org', password: 'kettle-orchard-lantern' },
      },
    });
    expect(signUp.status).toBe(400);
    const problems = (signUp.json as { error: { details: { path: string; message: string }[] } }).error.details;
    const messagesFor = (path: string) =>
      problems.filter((problem) => problem.path === path).map((problem) => problem.message);
    expect(messagesFor('organisation.name')).toEqual(['must be 160 characters or fewer']);
    expect(messagesFor('organisation.address.line1')).toContain('must not be empty');
    expect(problems.find((problem) => problem.path === 'organisation.sector')?.message).toMatch(/^must be one of: /);
  });
});
