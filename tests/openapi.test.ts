import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, type Harness } from './helpers/harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

describe('API description', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const response = await call(harness.app, 'GET', '/openapi.json');
    expect(response.status).toBe(200);
    expect(response.json.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(response.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents the bearer scheme and the error envelope', async () => {
    const { json } = await call(harness.app, 'GET', '/openapi.json');
    expect(json.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(json.paths['/health/ready'].get.responses['503']).toBeDefined();
  });

  it('serves interactive docs that load only local assets', async () => {
    const page = await call(harness.app, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const bundle = await harness.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
    const init = await call(harness.app, 'GET', '/docs/assets/init.js');
    expect(init.text).toContain("url: '/openapi.json'");
  });

  it('gives every list limit and offset, and answers with total, limit and offset', async () => {
    const { json } = await call(harness.app, 'GET', '/openapi.json');
    const lists = Object.entries(json.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, operation]) => {
          const schema = operation.responses?.['200']?.content?.['application/json']?.schema;
          const resolved = schema?.$ref ? json.components.schemas[schema.$ref.split('/').pop()] : schema;
          return resolved?.properties?.items?.type === 'array';
        })
        .map(([method, operation]) => ({
          operation: `${method.toUpperCase()} ${path}`,
          parameters: (operation.parameters ?? []).map((p: { name: string }) => p.name),
        })),
    );
    expect(lists.length).toBeGreaterThan(10);
    for (const list of lists)
      expect(list.parameters, list.operation).toEqual(expect.arrayContaining(['limit', 'offset']));
  });
});

describe('the contract and the authentication middleware agree', () => {
  it('lets through without a token exactly the operations documented without security', async () => {
    const { json } = await call(harness.app, 'GET', '/openapi.json');
    const documentedPublic: string[] = [];
    const letThrough: string[] = [];
    for (const [path, item] of Object.entries(
      json.paths as Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>>,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.security?.length) documentedPublic.push(name);
        const concrete = path
          .replace(/\{version\}/g, '1')
          .replace(/\{section\}/g, 'aboutMe')
          .replace(/\{[^}]+\}/g, '0123456789abcdef01234567');
        const response = await call(
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
    const { json } = await call(harness.app, 'GET', '/openapi.json');
    const unnamed = Object.entries(json.paths as Record<string, Record<string, { operationId?: string }>>).flatMap(
      ([path, item]) =>
        Object.entries(item)
          .filter(([, operation]) => !operation.operationId)
          .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(unnamed).toEqual([]);
  });
});
