import { createRoute, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors.js';
import { jsonBody, jsonResponse } from '../../src/core/http/openapi.js';
import { call, callUntyped, createHarness, fieldProblems, type Harness } from '../helpers/harness.js';

let harness: Harness;

const echo = createRoute({
  method: 'post',
  path: '/test/echo',
  request: {
    body: jsonBody(
      z.strictObject({
        name: z.string().min(1).max(20),
        days: z.array(z.enum(['mon', 'tue'])).max(2),
        travel: z.strictObject({ maxMinutes: z.number().int().positive() }),
      }),
    ),
  },
  responses: { 200: jsonResponse(z.object({ ok: z.boolean() }), 'ok') },
});

beforeAll(async () => {
  harness = await createHarness({ env: { BODY_LIMIT_BYTES: '2048' } });
  harness.app.openapi(echo, (c) => c.json({ ok: true }, 200));
  harness.app.get('/test/boom', () => {
    throw new Error('driver said: E11000 duplicate key { email: "someone@example.org" }');
  });
  harness.app.get('/test/refused', () => {
    throw new ApiError('forbidden', 'You are not allowed to do this.');
  });
});
afterAll(() => harness.close());

const valid = { name: 'Sam', days: ['mon'], travel: { maxMinutes: 30 } };

describe('the error envelope', () => {
  it('accepts a valid body', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', { body: valid });
    expect(response.status).toBe(200);
  });

  it('answers malformed JSON with 400 malformed_json', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', {
      rawBody: '{"name": "Sam",',
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
    expect(response.error).toMatchObject({
      code: 'malformed_json',
      message: 'The request body is not valid JSON.',
    });
    expect(response.error?.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('names the path of every field that breaks the schema', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', {
      body: { name: '', days: ['mon', 'sun'], travel: { maxMinutes: -5 }, extra: 1 },
    });
    expect(response.status).toBe(400);
    expect(response.error?.code).toBe('validation_failed');
    const paths = fieldProblems(response)
      .map((d: { path: string }) => d.path)
      .sort();
    expect(paths).toEqual(['days.1', 'extra', 'name', 'travel.maxMinutes']);
    expect(fieldProblems(response).find((d: { path: string }) => d.path === 'extra')).toEqual({
      path: 'extra',
      in: 'body',
      message: 'is not a known field',
    });
  });

  it('refuses a query operator where a value belongs', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', { body: { ...valid, name: { $gt: '' } } });
    expect(response.status).toBe(400);
    expect(fieldProblems(response)[0]!.path).toBe('name');
  });

  it('answers an oversized body with 413', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', {
      body: { ...valid, name: 'x'.repeat(5000) },
    });
    expect(response.status).toBe(413);
    expect(response.error?.code).toBe('payload_too_large');
  });

  it('answers a body that is not JSON with 415', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', {
      rawBody: 'name=Sam',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(415);
    expect(response.error?.code).toBe('unsupported_media_type');
  });

  it('answers a missing JSON body with 400, not 500', async () => {
    const response = await callUntyped(harness.app, 'POST', '/test/echo', {
      headers: { 'content-type': 'application/json' },
    });
    expect(response.status).toBe(400);
  });

  it('answers an unknown route with 404 in the envelope', async () => {
    const response = await callUntyped(harness.app, 'GET', '/v1/nothing-here');
    expect(response.status).toBe(404);
    expect(response.error).toMatchObject({ code: 'not_found' });
  });

  it('passes ApiError codes and messages through', async () => {
    const response = await callUntyped(harness.app, 'GET', '/test/refused');
    expect(response.status).toBe(403);
    expect(response.error).toMatchObject({ code: 'forbidden', message: 'You are not allowed to do this.' });
  });

  it('never shows a stack trace or a driver message', async () => {
    const response = await callUntyped(harness.app, 'GET', '/test/boom');
    expect(response.status).toBe(500);
    expect(response.error?.code).toBe('internal');
    expect(response.text).not.toContain('E11000');
    expect(response.text).not.toContain('someone@example.org');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('puts a request id and secure headers on every response', async () => {
    const response = await call(harness.app, 'GET', '/health/live');
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
  });
});
