import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createApp, type App } from '../../src/app.js';
import { ManualClock, systemClock, type Clock } from '../../src/core/clock.js';
import { loadConfig, type Config } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { openInfrastructure } from '../../src/runtime.js';
import { createServices, type ServiceOptions, type System } from '../../src/services.js';

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
  const infra = await openInfrastructure({
    config,
    logger: createLogger(config.LOG_LEVEL),
    mongoUri: config.MONGODB_URI!,
    meiliUrl: config.MEILI_URL!,
    meiliKey: config.MEILI_MASTER_KEY,
    clock,
  });
  const services = await createServices(infra, options.serviceOptions);
  const app = createApp(services.services);
  return {
    app,
    services,
    config,
    clock,
    async close() {
      await services.notificationDelivery?.close();
      await infra.db.dropDatabase().catch(() => undefined);
      const { results } = await infra.search.client.getIndexes({ limit: 1000 });
      await Promise.all(
        results.filter((index) => index.uid.startsWith(infra.search.prefix)).map((index) => infra.search.client.deleteIndex(index.uid).waitTask()),
      );
      await infra.mongo.close();
    },
  };
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** Calls the app in-process and returns status, headers and parsed JSON (or text). */
export async function call(app: App, method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.rawBody !== undefined) body = options.rawBody;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await app.request(path, { method, headers, body });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}
