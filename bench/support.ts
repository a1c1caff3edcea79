import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ServerType } from '@hono/node-server';
import { type Config, loadConfig } from '../src/core/config.js';
import { serveApp } from '../src/core/http/server.js';
import { createLogger } from '../src/core/logger.js';
import { startSystem } from '../src/runtime.js';

/**
 * What every benchmark stands on: the real service on real MongoDB and Meilisearch. With
 * MONGODB_URI / MEILI_URL set it uses those (and their data); otherwise it starts throwaway
 * embedded stores in a temporary directory.
 */
export async function benchEnvironment(overrides: Record<string, string> = {}) {
  const throwaway = process.env.MONGODB_URI ? undefined : mkdtempSync(path.join(tmpdir(), 'bench-'));
  const config: Config = loadConfig({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ...(throwaway ? { DATA_DIR: throwaway } : {}),
    ...overrides,
  });
  const { system: services, app, close } = await startSystem({ config, logger: createLogger(config.LOG_LEVEL) });
  const server: ServerType = await new Promise((resolve) => {
    const started = serveApp(
      app,
      { port: 0, hostname: '127.0.0.1', keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS },
      () => resolve(started),
    );
  });
  const address = server.address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    config,
    services,
    app,
    baseUrl,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await close();
      if (throwaway) rmSync(throwaway, { recursive: true, force: true });
    },
  };
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `work` n times one after another and returns each duration in milliseconds. */
export async function timeEach(n: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
