import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createMongoClient } from '../src/core/db/mongo.js';
import { createSearch } from '../src/core/search/meili.js';
import { startMeilisearch } from '../src/embedded/meilisearch.js';
import { freePort } from '../src/embedded/process.js';
import { call, createHarness, type Harness } from './helpers/harness.js';

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
        ...harness.services,
        search: createSearch(meili.url, meili.masterKey, 'health_', 1000),
      });
      expect((await call(app, 'GET', '/health/ready')).status).toBe(200);
      await meili.stop();
      const response = await call(app, 'GET', '/health/ready');
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(response.json.error).toMatchObject({
        code: 'dependency_unavailable',
        message: 'Meilisearch is unavailable.',
        details: { unavailable: ['meilisearch'] },
      });
    } finally {
      await meili.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 naming MongoDB when MongoDB cannot be reached', async () => {
    const mongo = createMongoClient(`mongodb://127.0.0.1:${await freePort()}/?directConnection=true`, 300);
    try {
      const app = createApp({ ...harness.services, mongo, db: mongo.db('nowhere') });
      const response = await call(app, 'GET', '/health/ready');
      expect(response.status).toBe(503);
      expect(response.json.error.details.unavailable).toEqual(['mongodb']);
      expect(response.json.error.message).toBe('MongoDB is unavailable.');
    } finally {
      await mongo.close();
    }
  });
});
