import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createHarness, type Harness, type RequestBody } from '../helpers/harness.js';
import { type Listener, listen, type RawResponse, rawRequest } from '../helpers/listener.js';
import {
  type EmployerWorld,
  makeEmployer,
  makeProvider,
  type ProviderWorld,
  placementInput,
} from '../helpers/world.js';

/**
 * Requests sent over a real socket to the real Node listener, shaped exactly as curl and
 * `fetch` send them, because `app.request()` never sees a request without a body stream,
 * an empty chunked body or a Content-Length that disagrees with the body.
 */

let harness: Harness;
let listener: Listener;
let world: ProviderWorld;
let employer: EmployerWorld;

interface Operation {
  method: string;
  path: string;
  takesBody: boolean;
  /** Its body is JSON; an upload takes multipart/form-data instead. */
  takesJson: boolean;
}
let operations: Operation[] = [];

const someId = '0123456789abcdef01234567';
const fillPath = (path: string) =>
  path
    .replace(/\{version\}/g, '1')
    .replace(/\{section\}/g, 'aboutMe')
    .replace(/\{[^}]+\}/g, someId);
const auth = () => ({ Authorization: `Bearer ${world.admin.token}` });

beforeAll(async () => {
  harness = await createHarness();
  listener = await listen(harness.app);
  world = await makeProvider(harness);
  employer = await makeEmployer(harness, world.admin);
  const document = (await (await fetch(`${listener.baseUrl}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
  };
  operations = Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      takesBody: operation.requestBody !== undefined,
      takesJson: operation.requestBody?.content['application/json'] !== undefined,
    })),
  );
  expect(operations.length).toBeGreaterThan(40);
});
afterAll(async () => {
  await listener.close();
  await harness.close();
});

const bodyTrouble = (response: RawResponse) =>
  response.status === 415 ||
  response.status >= 500 ||
  response.json.error?.code === 'malformed_json' ||
  (response.json.error?.details ?? []).some((problem) => problem.in === 'body' && problem.path === '(root)');

const withoutBody = () => operations.filter((operation) => !operation.takesBody);
const withBody = () => operations.filter((operation) => operation.takesJson);

describe('an operation that takes no body, called as curl and fetch call it', () => {
  it('accepts no body at all (no Content-Type, no Content-Length), as `curl -X METHOD` sends', async () => {
    for (const operation of withoutBody()) {
      const response = await rawRequest(listener, operation.method, fillPath(operation.path), { headers: auth() });
      expect(bodyTrouble(response), `${operation.method} ${operation.path}: ${response.status} ${response.text}`).toBe(
        false,
      );
    }
  });

  it('accepts `Content-Length: 0` and an empty chunked body', async () => {
    for (const operation of withoutBody().filter((candidate) => candidate.method !== 'GET')) {
      const path = fillPath(operation.path);
      const empty = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Length': '0' },
      });
      expect(bodyTrouble(empty), `${operation.method} ${operation.path}: ${empty.status} ${empty.text}`).toBe(false);
      const chunked = await rawRequest(listener, operation.method, path, { headers: auth(), chunks: [] });
      expect(bodyTrouble(chunked), `${operation.method} ${operation.path}: ${chunked.status} ${chunked.text}`).toBe(
        false,
      );
    }
  });

  it('accepts what fetch sends with no body', async () => {
    for (const operation of withoutBody()) {
      const response = await fetch(`${listener.baseUrl}${fillPath(operation.path)}`, {
        method: operation.method,
        headers: auth(),
      });
      const text = await response.text();
      const json = text.startsWith('{') ? JSON.parse(text) : {};
      expect(
        bodyTrouble({ status: response.status, headers: {}, text, json }),
        `${operation.method} ${operation.path}: ${response.status} ${text}`,
      ).toBe(false);
    }
  });

  it('refuses a body that cannot be read: malformed, UTF-16, a byte order mark, a Content-Length shorter than the body', async () => {
    for (const operation of withoutBody().filter((candidate) => candidate.method !== 'GET')) {
      const path = fillPath(operation.path);
      const label = `${operation.method} ${operation.path}`;
      const malformed = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{"reason":',
      });
      expect([malformed.status, malformed.json.error?.code], label).toEqual([400, 'malformed_json']);
      const utf16 = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json; charset=utf-16le' },
        body: Buffer.from('{"a":1}', 'utf16le'),
      });
      expect([utf16.status, utf16.json.error?.code], label).toEqual([415, 'unsupported_media_type']);
      const bom = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]),
      });
      expect([bom.status, bom.json.error?.code], label).toEqual([400, 'malformed_json']);
      const short = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Length': '4' },
        body: '{"a":1}',
      });
      expect(short.status, label).toBe(400);
      expect(['malformed_json', 'bad_request'], label).toContain(short.json.error?.code);
      expect(short.headers['x-request-id'], label).toBe(short.json.error?.requestId);
    }
  });
});

describe('a request Node cannot read', () => {
  it('answers a body cut shorter than its Content-Length with 400 in the envelope, X-Request-Id included', async () => {
    const cutShort = operations.filter((operation) => operation.method !== 'GET');
    for (const operation of cutShort) {
      const label = `${operation.method} ${operation.path}`;
      const response = await rawRequest(listener, operation.method, fillPath(operation.path), {
        headers: { ...auth(), 'Content-Type': 'application/json', 'Content-Length': '100' },
        body: '{"a":1}',
        endAfterSending: true,
      });
      expect(response.status, label).toBe(400);
      expect(response.json.error?.code, label).toBe('bad_request');
      expect(response.headers['x-request-id'], label).toMatch(/^[\w-]{8,}$/);
      expect(response.headers['x-request-id'], label).toBe(response.json.error?.requestId);
    }
    expect(cutShort.length).toBeGreaterThan(30);
  });
});

describe('a deeply nested body', () => {
  const nestedObjects = `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`;
  const nestedLists = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const justTooDeep = `${'['.repeat(33)}${']'.repeat(33)}`;

  it('answers 400 naming the depth limit, never 500, on every operation with a body', async () => {
    for (const operation of withBody()) {
      for (const body of [nestedObjects, nestedLists, justTooDeep]) {
        const label = `${operation.method} ${operation.path} with ${body.length} bytes`;
        const response = await rawRequest(listener, operation.method, fillPath(operation.path), {
          headers: { ...auth(), 'Content-Type': 'application/json' },
          body,
        });
        expect(response.status, label).toBe(400);
        expect(response.json.error?.details, label).toEqual([
          { path: '(root)', in: 'body', message: 'must not nest objects and lists more than 32 levels deep' },
        ]);
      }
    }
  });

  it('still reads a body nested 32 levels deep', async () => {
    const response = await rawRequest(listener, 'POST', '/v1/auth/token', {
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', extra: JSON.parse(`${'['.repeat(31)}${']'.repeat(31)}`) }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error?.details?.map((problem) => problem.message)).not.toContain(
      'must not nest objects and lists more than 32 levels deep',
    );
  });
});

describe('an operation that takes a body', () => {
  it('answers a request without one with 400 saying a body is required', async () => {
    for (const operation of withBody()) {
      const response = await rawRequest(listener, operation.method, fillPath(operation.path), { headers: auth() });
      expect(response.status, `${operation.method} ${operation.path}: ${response.text}`).toBe(400);
      expect(response.json.error?.details).toEqual([
        { path: '(root)', in: 'body', message: 'a JSON body is required' },
      ]);
    }
  });

  it('keeps 415 for a body of another type', async () => {
    for (const operation of withBody()) {
      const response = await rawRequest(listener, operation.method, fillPath(operation.path), {
        headers: { ...auth(), 'Content-Type': 'text/plain' },
        body: 'hello',
      });
      expect([response.status, response.json.error?.code], `${operation.method} ${operation.path}`).toEqual([
        415,
        'unsupported_media_type',
      ]);
    }
  });

  it('reads a JSON body sent in chunks', async () => {
    for (const operation of withBody()) {
      const response = await rawRequest(listener, operation.method, fillPath(operation.path), {
        headers: { ...auth(), 'Content-Type': 'application/json' },
        chunks: ['{', '}'],
      });
      expect(bodyTrouble(response), `${operation.method} ${operation.path}: ${response.status} ${response.text}`).toBe(
        false,
      );
    }
  });

  it('refuses malformed JSON, UTF-16 and a byte order mark', async () => {
    for (const operation of withBody()) {
      const path = fillPath(operation.path);
      const malformed = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{"a":',
      });
      expect(malformed.json.error?.code).toBe('malformed_json');
      const utf16 = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json; charset=UTF-16' },
        body: Buffer.from('\ufeff{}', 'utf16le'),
      });
      expect(utf16.status).toBe(415);
      const bom = await rawRequest(listener, operation.method, path, {
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{}')]),
      });
      expect(bom.json.error?.code).toBe('malformed_json');
    }
  });
});

describe('control characters in text', () => {
  it('answer 400 naming the query parameter, never 500', async () => {
    for (const path of ['/v1/employers?q=%00', '/v1/young-people?q=%00', '/v1/placements?q=a%1Fb']) {
      const response = await rawRequest(listener, 'GET', path, { headers: auth() });
      expect(response.status, path).toBe(400);
      expect(response.json.error?.details).toEqual([
        { path: 'q', in: 'query', message: 'must not contain control characters (such as NUL)' },
      ]);
    }
  });

  it('answer 400 naming the path parameter', async () => {
    const response = await rawRequest(listener, 'GET', '/v1/employers/%00abc', { headers: auth() });
    expect(response.status).toBe(400);
    expect(response.json.error?.details).toEqual([
      { path: 'employerId', in: 'path', message: 'must not contain control characters (such as NUL)' },
    ]);
  });

  it('answer 400 naming the body field', async () => {
    const response = await rawRequest(listener, 'PATCH', `/v1/employers/${employer.employerId}`, {
      headers: { Authorization: `Bearer ${employer.staff.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        name: 'Kitchen\u0000s',
        address: { line1: 'a\u0007', town: 'Leeds', postcode: 'LS1 5AB' },
      }),
    });
    expect(response.status).toBe(400);
    expect(response.json.error?.details).toEqual([
      { path: 'name', in: 'body', message: 'must not contain control characters (such as NUL)' },
      { path: 'address.line1', in: 'body', message: 'must not contain control characters (such as NUL)' },
    ]);
    const unchanged = await call(harness.app, 'GET', '/v1/employers/{employerId}', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
    });
    expect(unchanged.json.name).toBe('Northern Kitchens Ltd');
  });
});

describe('methods a path does not have', () => {
  it('answer 405 with Allow listing the methods it has', async () => {
    const trace = await rawRequest(listener, 'TRACE', '/v1/me', { headers: auth() });
    expect(trace.status).toBe(405);
    expect(trace.headers.allow).toBe('GET, HEAD');
    expect(trace.json.error?.code).toBe('method_not_allowed');
    const paths = new Map<string, Set<string>>();
    for (const operation of operations)
      paths.set(operation.path, (paths.get(operation.path) ?? new Set()).add(operation.method));
    for (const [path, methods] of paths) {
      const missing = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].find((method) => !methods.has(method))!;
      const response = await rawRequest(listener, missing, fillPath(path), {
        headers: { ...auth(), 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(response.status, `${missing} ${path}`).toBe(405);
      expect(
        response.headers.allow
          ?.split(', ')
          .filter((method) => method !== 'HEAD')
          .sort(),
      ).toEqual([...methods].sort());
    }
  });

  it('a literal path is its own resource, though a template with an id matches it too', async () => {
    const response = await rawRequest(listener, 'PATCH', '/v1/employers/signup', {
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  it('OPTIONS lists only the methods of the path asked about, a fixed path winning over a template', async () => {
    const signup = await rawRequest(listener, 'OPTIONS', '/v1/employers/signup', { headers: auth() });
    expect(signup.status).toBe(405);
    expect(signup.headers.allow).toBe('POST');
    const paths = new Map<string, Set<string>>();
    for (const operation of operations)
      paths.set(operation.path, (paths.get(operation.path) ?? new Set()).add(operation.method));
    for (const [path, methods] of paths) {
      const response = await rawRequest(listener, 'OPTIONS', fillPath(path), { headers: auth() });
      expect(response.status, `OPTIONS ${path}`).toBe(405);
      expect(
        response.headers.allow
          ?.split(', ')
          .filter((method) => method !== 'HEAD')
          .sort(),
        `OPTIONS ${path}`,
      ).toEqual([...methods].sort());
    }
  });

  it('a path that does not exist is still 404', async () => {
    const response = await rawRequest(listener, 'TRACE', '/v1/nothing-here', { headers: auth() });
    expect(response.status).toBe(404);
  });
});

describe('real requests that change things, sent without a body', () => {
  it('withdraws consent with `curl -X DELETE` and with fetch', async () => {
    const token = world.youngPerson.token;
    const passport: RequestBody<'put', '/v1/young-people/{youngPersonId}/passport'> = {
      sections: {
        aboutMe: { summary: 'I like routine.' },
        myCondition: null,
        whatHelps: { adjustments: [{ category: 'instructions', details: 'Written checklists' }] },
        accessToWork: null,
        review: null,
      },
    };
    expect(
      (
        await call(harness.app, 'PUT', '/v1/young-people/{youngPersonId}/passport', {
          path: { youngPersonId: world.youngPersonId },
          token,
          body: passport,
        })
      ).status,
    ).toBe(200);
    const placement = await call(harness.app, 'POST', '/v1/employers/{employerId}/placements', {
      path: { employerId: employer.employerId },
      token: employer.staff.token,
      body: placementInput(),
    });
    const share = async () =>
      call(harness.app, 'POST', '/v1/young-people/{youngPersonId}/passport/shares', {
        path: { youngPersonId: world.youngPersonId },
        token,
        body: {
          employerId: employer.employerId,
          placementId: placement.json.id,
          sections: ['whatHelps'],
          purpose: 'My supervisor knows what helps me',
        },
      });
    const first = await share();
    expect(first.status).toBe(201);
    const byCurl = await rawRequest(
      listener,
      'DELETE',
      `/v1/young-people/${world.youngPersonId}/passport/shares/${first.json.id}`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(byCurl.status).toBe(200);
    const second = await share();
    const byFetch = await fetch(
      `${listener.baseUrl}/v1/young-people/${world.youngPersonId}/passport/shares/${second.json.id}`,
      {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(byFetch.status).toBe(200);

    // The employer prints what is still shared, as curl and a browser's fetch ask for a page.
    const third = await share();
    const printPath = `/v1/shared-passports/${third.json.id}/print`;
    const printed = await rawRequest(listener, 'GET', printPath, {
      headers: { Authorization: `Bearer ${employer.staff.token}`, Accept: '*/*' },
    });
    expect(printed.status).toBe(200);
    const page = await fetch(`${listener.baseUrl}${printPath}`, {
      headers: { Authorization: `Bearer ${employer.staff.token}`, Accept: 'text/html' },
    });
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('Written checklists');
  });

  it('disables and enables an account with a body-less POST', async () => {
    const path = `/v1/accounts/${world.coach.accountId}`;
    const disabled = await rawRequest(listener, 'POST', `${path}/disable`, { headers: auth() });
    expect(disabled.status).toBe(200);
    const enabled = await fetch(`${listener.baseUrl}${path}/enable`, { method: 'POST', headers: auth() });
    expect(enabled.status).toBe(200);
  });
});

describe('an upload', () => {
  it('takes a document as curl -F sends it, and refuses JSON with 415 naming multipart', async () => {
    const uploads = operations.filter((operation) => operation.takesBody && !operation.takesJson);
    expect(uploads.map((operation) => `${operation.method} ${operation.path}`)).toEqual([
      'POST /v1/young-people/{youngPersonId}/documents',
    ]);
    const path = `/v1/young-people/${world.youngPersonId}/documents`;
    const boundary = '------------------------d74496d66958873e';
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nrisk_assessment\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="risk.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const uploaded = await rawRequest(listener, 'POST', path, {
      headers: { ...auth(), 'Content-Type': `multipart/form-data; boundary=${boundary}` },
      body,
    });
    expect(uploaded.status, uploaded.text).toBe(201);
    const json = await rawRequest(listener, 'POST', path, {
      headers: { ...auth(), 'Content-Type': 'application/json' },
      body: '{"kind":"risk_assessment"}',
    });
    expect([json.status, json.json.error?.code]).toEqual([415, 'unsupported_media_type']);
    expect(json.headers['x-request-id']).toBe(json.json.error?.requestId);
  });
});

describe('kept-alive connections', () => {
  it('stay open for longer than a load balancer keeps its own (65 s against 60 s), and say so', async () => {
    const agent = new http.Agent({ keepAlive: true });
    try {
      const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
        http
          .get(`${listener.baseUrl}/health/live`, { agent }, (response) => {
            response.resume();
            response.on('end', () => resolve(response.headers));
          })
          .on('error', reject);
      });
      expect(headers.connection).toBe('keep-alive');
      expect(headers['keep-alive']).toBe('timeout=65');
    } finally {
      agent.destroy();
    }
  });
});
