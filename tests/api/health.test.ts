import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import { createMongoClient } from '../../src/core/db/mongo.js';
import { createLogger } from '../../src/core/logger.js';
import { createSearch } from '../../src/core/search/meili.js';
import { findMongod } from '../../src/embedded/binaries.js';
import { startMeilisearch } from '../../src/embedded/meilisearch.js';
import { startMongod } from '../../src/embedded/mongod.js';
import { freePort } from '../../src/embedded/process.js';
import { HealthService } from '../../src/health/health.service.js';
import { openInfrastructure, prepareDatabase } from '../../src/runtime.js';
import { createServices } from '../../src/services.js';
import { call, callUntyped, createHarness, errorDetails, type Harness } from '../helpers/harness.js';

let harness: Harness;
beforeAll(async () => {
  harness = await createHarness();
});
afterAll(() => harness.close());

describe('health', () => {
  it('says the process is live', async () => {
    const response = await call(harness.app, 'GET', '/health/live');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'live' });
  });

  it('is ready when MongoDB and Meilisearch both answer', async () => {
    const response = await call(harness.app, 'GET', '/health/ready');
    expect(response.status).toBe(200);
    expect(response.json.checks.mongodb.status).toBe('up');
    expect(response.json.checks.meilisearch.status).toBe('up');
  });

  it('answers 503 naming Meilisearch when Meilisearch has stopped', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'meili-stop-'));
    const meili = await startMeilisearch({ bin: inject('meiliBin'), dataDir: dir });
    try {
      const app = createApp({
        ...harness.services.services,
        health: new HealthService({
          db: harness.services.db,
          search: createSearch(meili.url, meili.masterKey, 'health_', 1000),
        }),
      });
      expect((await call(app, 'GET', '/health/ready')).status).toBe(200);
      await meili.stop();
      const response = await call(app, 'GET', '/health/ready');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.error).toMatchObject({
        code: 'dependency_unavailable',
        message: 'Meilisearch is unavailable.',
        details: { unavailable: ['meilisearch'] },
      });
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers API calls with 503 naming MongoDB, not 500, when MongoDB stops', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mongo-stop-'));
    const mongod = await startMongod({ bin: findMongod({ autoInstall: false }).bin, dataDir: dir, cacheSizeGb: 0.25 });
    let infra: Awaited<ReturnType<typeof openInfrastructure>> | undefined;
    try {
      const config = loadConfig({
        NODE_ENV: 'test',
        MONGODB_URI: mongod.uri,
        MONGO_TIMEOUT_MS: '500',
        TOKEN_KEYS_SECRET: 'test-secret-test-secret-test-secret-0123',
        PASSWORD_ARGON2_MEMORY_KIB: '1024',
      });
      infra = await openInfrastructure({
        config,
        logger: createLogger('silent'),
        mongoUri: mongod.uri,
        meiliUrl: inject('meiliUrl'),
        meiliKey: inject('meiliKey'),
        indexPrefix: 'mongo_stop_',
      });
      await prepareDatabase(infra);
      const services = await createServices(infra);
      const app = createApp(services.services);
      const provider = await services.providers.create({ name: 'P', kind: 'college', localAuthority: 'Leeds' });
      const account = await services.accounts.insert({
        email: 'down@example.org',
        name: 'Down',
        role: 'job_coach',
        status: 'active',
        providerId: new ObjectId(provider.id),
      });
      const { accessToken } = await services.auth.issueFor(account);
      expect((await call(app, 'GET', '/v1/young-people', { token: accessToken })).status).toBe(200);

      await mongod.stop();
      for (const [method, route] of [
        ['GET', '/v1/young-people'],
        ['POST', '/v1/auth/token'],
      ] as const) {
        const response = await callUntyped(
          app,
          method,
          route,
          route.endsWith('token')
            ? { body: { email: 'down@example.org', password: 'whatever password' } }
            : { token: accessToken },
        );
        expect(response.status, route).toBe(503);
        expect(response.error).toMatchObject({
          code: 'dependency_unavailable',
          message: expect.stringContaining('MongoDB'),
          details: { dependency: 'mongodb' },
        });
        expect(response.headers.get('retry-after')).toBe('5');
        expect(response.text).not.toMatch(/ServerSelection|ECONNREFUSED|127\.0\.0\.1/);
      }
    } finally {
      await mongod.stop();
      await infra?.mongo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('answers 503 naming MongoDB when MongoDB cannot be reached', async () => {
    const mongo = createMongoClient(`mongodb://127.0.0.1:${await freePort()}/?directConnection=true`, 300);
    try {
      const app = createApp({
        ...harness.services.services,
        health: new HealthService({ db: mongo.db('nowhere'), search: harness.services.search }),
      });
      const response = await call(app, 'GET', '/health/ready');
      expect(response.status).toBe(503);
      expect(errorDetails(response).unavailable).toEqual(['mongodb']);
      expect(response.error?.message).toBe('MongoDB is unavailable.');
    } finally {
      await mongo.close();
    }
  });
});
