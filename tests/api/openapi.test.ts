import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callUntyped, createHarness, type Harness } from '../helpers/harness.js';

/** The parts of the OpenAPI document these tests walk. */
interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  example?: unknown;
  examples?: unknown[];
  properties?: Record<string, JsonSchema>;
}
interface Media {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { name: string }[];
  requestBody?: { content?: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown> };
}

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

const openApiDocument = async () => (await callUntyped(harness.app, 'GET', '/openapi.json')).json as OpenApiDocument;

const operationsOf = (document: OpenApiDocument) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );

describe('API description', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const response = await callUntyped(harness.app, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    const document = response.json as OpenApiDocument;
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents the bearer scheme and the error envelope', async () => {
    const json = await openApiDocument();
    expect(json.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(json.paths['/health/ready']?.get?.responses['503']).toBeDefined();
  });

  it('serves interactive docs that load only local assets', async () => {
    const page = await callUntyped(harness.app, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const bundle = await harness.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const init = await callUntyped(harness.app, 'GET', '/docs/assets/init.js');
    expect(init.text).toContain("url: '/openapi.json'");
  });

  it('gives every list limit and offset, and answers with total, limit and offset', async () => {
    const json = await openApiDocument();
    const lists = operationsOf(json)
      .filter(({ operation }) => {
        const schema = operation.responses['200']?.content?.['application/json']?.schema;
        const resolved = schema?.$ref ? json.components.schemas[schema.$ref.split('/').pop()!] : schema;
        return resolved?.properties?.items?.type === 'array';
      })
      .map(({ name, operation }) => ({
        operation: name,
        parameters: (operation.parameters ?? []).map((p) => p.name),
      }));
    expect(lists.length).toBeGreaterThan(10);
    for (const list of lists)
      expect(list.parameters, list.operation).toEqual(expect.arrayContaining(['limit', 'offset']));
  });
});

describe('the contract and the authentication middleware agree', () => {
  it('lets through without a token exactly the operations documented without security', async () => {
    const json = await openApiDocument();
    const documentedPublic: string[] = [];
    const letThrough: string[] = [];
    for (const [path, item] of Object.entries(json.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.security?.length) documentedPublic.push(name);
        const concrete = path
          .replace(/\{version\}/g, '1')
          .replace(/\{section\}/g, 'aboutMe')
          .replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
        const response = await callUntyped(
          harness.app,
          method.toUpperCase(),
          concrete,
          operation.requestBody ? { body: {} } : {},
        );
        if (response.status !== 401) letThrough.push(name);
      }
    }
    expect(letThrough.sort()).toEqual(documentedPublic.sort());
  });

  it('names every operation', async () => {
    const json = await openApiDocument();
    const unnamed = operationsOf(json)
      .filter(({ operation }) => !operation.operationId)
      .map(({ name }) => name);
    expect(unnamed).toEqual([]);
  });
});

describe('examples in the contract', () => {
  /** The examples a media type gives: its own, or its schema's (through a $ref to a named schema). */
  function examplesOf(media: Media, document: OpenApiDocument): unknown[] {
    if (media.example !== undefined) return [media.example];
    if (media.examples) return Object.values(media.examples).map((example) => example.value);
    const schema = media.schema?.$ref ? document.components.schemas[media.schema.$ref.split('/').pop()!] : media.schema;
    if (schema?.example !== undefined) return [schema.example];
    return schema?.examples ?? [];
  }

  it('gives every request body and every JSON success response an example that its schema accepts', async () => {
    const document = await openApiDocument();
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addFormat('uri', (value: string) => URL.canParse(value));
    // The named schemas, under an id the media schemas' $refs are pointed at.
    ajv.addSchema({ $id: 'openapi.json', components: document.components });
    const withoutExample: string[] = [];
    const invalid: string[] = [];
    let checked = 0;
    for (const { name, operation } of operationsOf(document)) {
      const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
      const media = [
        { part: 'request', media: operation.requestBody?.content?.['application/json'] },
        { part: `${success?.[0]} response`, media: success?.[1].content?.['application/json'] },
      ];
      for (const { part, media: content } of media) {
        if (!content?.schema) continue;
        const examples = examplesOf(content, document);
        if (examples.length === 0) withoutExample.push(`${name} ${part}`);
        const schema = JSON.parse(
          JSON.stringify(content.schema).replaceAll('"#/components/', '"openapi.json#/components/'),
        );
        const validate = ajv.compile(schema);
        for (const example of examples) {
          checked += 1;
          if (!validate(example)) invalid.push(`${name} ${part}: ${ajv.errorsText(validate.errors)}`);
        }
      }
    }
    expect(withoutExample).toEqual([]);
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });

  it('rejects an example that breaks its schema, so the check above can fail', async () => {
    const document = await openApiDocument();
    const ajv = new Ajv2020({ strict: false, validateSchema: false });
    ajv.addSchema({ $id: 'openapi.json', components: document.components });
    const validate = ajv.compile({ $ref: 'openapi.json#/components/schemas/SignIn' });
    expect(validate({ email: 'sam@example.org', password: 'correct horse battery staple' })).toBe(true);
    expect(validate({ email: 'sam@example.org' })).toBe(false);
  });
});
