import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { App } from '../../src/app.js';
import { type Clock, type ManualClock, systemClock } from '../../src/core/clock.js';
import { type Config, loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { startSystem } from '../../src/runtime.js';
import type { ServiceOptions, System } from '../../src/services.js';

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
  // The same start-up as the service's, on the run's stores (MONGODB_URI and MEILI_URL are set); the
  // migrations run first even when a test sets NODE_ENV=production, as a deploy would have run them.
  const { system, app, close } = await startSystem({
    config,
    logger: createLogger(config.LOG_LEVEL),
    clock,
    migrate: true,
    ...(options.serviceOptions ? { services: options.serviceOptions } : {}),
  });
  return {
    app,
    services: system,
    config,
    clock,
    async close() {
      await system.notificationDelivery?.close();
      await system.db.dropDatabase().catch(() => undefined);
      const { results } = await system.search.client.getIndexes({ limit: 1000 });
      await Promise.all(
        results
          .filter((index) => index.uid.startsWith(system.search.prefix))
          .map((index) => system.search.client.deleteIndex(index.uid).waitTask()),
      );
      await close();
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
