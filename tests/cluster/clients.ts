import type { App } from '../../src/app.js';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { type RunningSystem, startSystem } from '../../src/runtime.js';
import type { Harness } from '../helpers/harness.js';
import { password, profileInput } from '../helpers/world.js';
import type { Cluster } from './cluster.js';

/** An `App` whose requests go over HTTP to `baseUrl` (the proxy, or one instance), for the tests' helpers. */
export function remoteApp(baseUrl: string): App {
  return {
    request: (url: string, init?: RequestInit) =>
      fetch(new URL(url, baseUrl), { ...init, redirect: 'manual', signal: AbortSignal.timeout(60_000) }),
  } as unknown as App;
}

/**
 * The test's own view of the deployment: its stores through the service's own repositories (to make
 * accounts and read back what was written; no worker runs here), and its API through the proxy.
 */
export async function clusterHarness(cluster: Cluster): Promise<Harness & { running: RunningSystem }> {
  const config = loadConfig({ ...cluster.instanceEnv(0), LOG_LEVEL: 'silent' });
  const running = await startSystem({ config, logger: createLogger('silent'), migrate: true });
  return {
    app: remoteApp(cluster.proxyUrl),
    services: running.system,
    config,
    clock: running.system.clock,
    running,
    close: () => running.close(),
  };
}

/** What one request of a load run got. */
export interface Outcome {
  kind: string;
  startedAt: number;
  ms: number;
  /** 0: no answer within the client's patience (a hang); -1: the connection failed. */
  status: number;
  code: string | undefined;
  retryAfter: string | null;
  instance: string | null;
  /** The id the service acknowledged for a write it answered 201 to. */
  id?: string;
}

export type LoadTask = (baseUrl: string) => Promise<Omit<Outcome, 'startedAt' | 'ms'>>;

/** Sends a request and reads what a client needs to judge the answer. */
export async function timedRequest(
  kind: string,
  url: string,
  init: RequestInit,
  patienceMs = 30_000,
): Promise<Omit<Outcome, 'startedAt' | 'ms'> & { json: unknown }> {
  try {
    const response = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(patienceMs) });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const code = (json as { error?: { code?: string } } | undefined)?.error?.code;
    return {
      kind,
      status: response.status,
      code,
      retryAfter: response.headers.get('retry-after'),
      instance: response.headers.get('x-cluster-instance'),
      json,
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { kind, status: timedOut ? 0 : -1, code: undefined, retryAfter: null, instance: null, json: undefined };
  }
}

/** Steady load: `concurrency` loops, each sending the next task as soon as the last was answered. */
export class Load {
  readonly outcomes: Outcome[] = [];
  #running = false;
  #loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly tasks: LoadTask[],
  ) {}

  start(concurrency: number): void {
    this.#running = true;
    let turn = 0;
    for (let i = 0; i < concurrency; i += 1) {
      this.#loops.push(
        (async () => {
          while (this.#running) {
            const task = this.tasks[turn++ % this.tasks.length]!;
            const startedAt = Date.now();
            const outcome = await task(this.baseUrl);
            this.outcomes.push({ ...outcome, startedAt, ms: Date.now() - startedAt });
            // Paced, so that two cores keep room for the stores and the election.
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })(),
      );
    }
  }

  async stop(): Promise<void> {
    this.#running = false;
    await Promise.all(this.#loops);
  }
}

/** A young person made by a coach: the write of the load runs; its id is recorded when acknowledged. */
export function createYoungPerson(token: string): LoadTask {
  let n = 0;
  return async (baseUrl) => {
    const result = await timedRequest('write', `${baseUrl}/v1/young-people`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(profileInput({ preferredName: `Load ${++n}` })),
    });
    const id = result.status === 201 ? (result.json as { id: string }).id : undefined;
    return { ...withoutJson(result), ...(id ? { id } : {}) };
  };
}

export function getJson(kind: string, path: string, token: string): LoadTask {
  return async (baseUrl) =>
    withoutJson(await timedRequest(kind, `${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } }));
}

function withoutJson<T extends { json: unknown }>(result: T): Omit<T, 'json'> {
  const { json: _json, ...rest } = result;
  return rest;
}

/** The figures of a run, in one line the lead can quote. */
export function summarise(outcomes: Outcome[]) {
  const count = (test: (o: Outcome) => boolean) => outcomes.filter(test).length;
  return {
    requests: outcomes.length,
    ok: count((o) => o.status >= 200 && o.status < 400),
    status503: count((o) => o.status === 503),
    status5xxOther: count((o) => o.status >= 500 && o.status !== 503),
    hangs: count((o) => o.status === 0),
    connectionErrors: count((o) => o.status === -1),
    writesAcknowledged: count((o) => o.kind === 'write' && o.status === 201),
  };
}

export { password };
