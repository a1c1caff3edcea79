import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../src/embedded/process.js';
import { uniqueName } from '../helpers/harness.js';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const scratch = mkdtempSync(path.join(tmpdir(), 'tracing-'));
const spans: OtlpSpan[] = [];
const contentTypes = new Set<string>();
let receiver: Server;
let receiverUrl: string;
const databases: string[] = [];

beforeAll(async () => {
  // A real OTLP/HTTP receiver: it takes what the exporter posts to /v1/traces, as a collector would.
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      contentTypes.add(String(request.headers['content-type']));
      if (request.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  const client = new MongoClient(inject('mongoUri'));
  for (const name of databases) await client.db(name).dropDatabase();
  await client.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Starts the service as `npm start` does (src/index.ts) on the run's stores, and waits until it is ready. */
async function startService(env: Record<string, string>) {
  const name = uniqueName('trace');
  databases.push(name);
  const port = await freePort();
  const importsFile = path.join(scratch, `${name}.imports`);
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--import', './tests/helpers/record-imports.mjs', 'src/index.ts'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        PORT: String(port),
        MONGODB_URI: inject('mongoUri'),
        MONGODB_DB: name,
        MEILI_URL: inject('meiliUrl'),
        MEILI_MASTER_KEY: inject('meiliKey'),
        MEILI_INDEX_PREFIX: `${name}_`,
        TOKEN_KEYS_SECRET: 'test-secret-test-secret-test-secret-0123',
        SEED_DEMO_DATA: 'never',
        SEARCH_RECONCILE_INTERVAL_SECONDS: '0',
        RECORD_IMPORTS_TO: importsFile,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const base = `http://127.0.0.1:${port}`;
  let ready = false;
  for (let attempt = 0; attempt < 600 && !ready && child.exitCode === null; attempt++) {
    ready = await fetch(`${base}/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(ready, output).toBe(true);
  const readyMs = performance.now() - started;
  return {
    base,
    readyMs,
    imports: () => (existsSync(importsFile) ? readFileSync(importsFile, 'utf8') : ''),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

const attribute = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value;

async function waitFor<T>(find: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline)
      throw new Error(
        `timed out; spans seen: ${JSON.stringify(spans.map(({ name, spanId, parentSpanId }) => ({ name, spanId, parentSpanId })))}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('OpenTelemetry traces', () => {
  const startTimes: { withTracing?: number; without?: number } = {};

  it('sends one span per request, named by its route pattern, with its MongoDB and Meilisearch calls as children', async () => {
    const service = await startService({ OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl, OTEL_BSP_SCHEDULE_DELAY: '100' });
    startTimes.withTracing = service.readyMs;
    try {
      spans.length = 0;
      const response = await fetch(`${service.base}/health/ready`);
      expect(response.status).toBe(200);
      const withChildren = () => {
        for (const request of spans.filter((span) => span.name === 'GET /health/ready')) {
          const children = spans.filter((span) => span.parentSpanId === request.spanId);
          const mongo = children.find((span) => attribute(span, 'db.system.name')?.stringValue === 'mongodb');
          const meili = children.find(
            (span) => String(attribute(span, 'server.port')?.intValue) === new URL(inject('meiliUrl')).port,
          );
          if (mongo && meili) return { request, mongo, meili };
        }
        return undefined;
      };
      const { request, mongo, meili } = await waitFor(withChildren);
      expect(attribute(request, 'http.route')?.stringValue).toBe('/health/ready');
      expect(mongo.traceId).toBe(request.traceId);
      expect(meili.traceId).toBe(request.traceId);
      expect(contentTypes).toContain('application/json');
      expect(service.imports()).toMatch(/@opentelemetry\/sdk-trace/);
    } finally {
      await service.stop();
    }
  }, 120_000);

  it('loads no OpenTelemetry package and sends nothing when no endpoint is configured', async () => {
    const service = await startService({});
    startTimes.without = service.readyMs;
    try {
      spans.length = 0;
      expect((await fetch(`${service.base}/health/ready`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(spans).toEqual([]);
      const imports = service.imports();
      expect(imports).toContain('/src/main.ts');
      expect(imports).not.toContain('@opentelemetry');
    } finally {
      await service.stop();
    }
    console.info(
      `start to ready: ${Math.round(startTimes.without ?? 0)} ms without tracing, ${Math.round(startTimes.withTracing ?? 0)} ms with it`,
    );
  }, 120_000);
});
