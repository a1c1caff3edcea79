import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { projectRoot } from '../../src/core/project-root.js';
import { findMeilisearch, findMongod } from '../../src/embedded/binaries.js';
import { type RunningMeilisearch, startMeilisearch } from '../../src/embedded/meilisearch.js';
import { freePort } from '../../src/embedded/process.js';
import { SmtpSink } from '../helpers/mail.js';

/**
 * A deployment as a national service runs it, on this machine: a MongoDB replica set of three real
 * mongod processes, one Meilisearch, a real SMTP server, N instances of the service (each its own
 * Node.js process started as `npm start` starts it) and a round-robin proxy in front of them.
 */

const replicaSetName = 'cluster';
export const clusterSecret = 'cluster-secret-cluster-secret-cluster-0123';

export interface Member {
  port: number;
  host: string;
  dbPath: string;
  logFile: string;
  child: ChildProcess | undefined;
}

export interface Instance {
  index: number;
  port: number;
  url: string;
  logFile: string;
  child: ChildProcess;
  exited: Promise<void>;
}

export interface ClusterOptions {
  /** Extra environment for every instance (intervals of the workers, say). */
  env?: Record<string, string>;
}

function killGroup(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A mongod that died while starting: waiting longer will not help. */
class MemberExited extends Error {}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch((error: unknown) => {
      if (error instanceof MemberExited) throw error;
      return undefined;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs / 1000}s`);
    await sleep(200);
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export class Cluster {
  readonly root = mkdtempSync(path.join(tmpdir(), 'internships-cluster-'));
  readonly members: Member[] = [];
  readonly instances: (Instance | undefined)[] = [];
  readonly smtp = new SmtpSink();
  meili!: RunningMeilisearch;
  #meiliBin = '';
  #mongodBin = '';
  #smtpUrl = '';
  #proxy: http.Server | undefined;
  #next = 0;
  proxyUrl = '';
  readonly indexPrefix = 'cluster_';
  readonly dbName = 'internships';

  constructor(private readonly options: ClusterOptions = {}) {}

  get mongoUri(): string {
    return `mongodb://${this.members.map((m) => m.host).join(',')}/?replicaSet=${replicaSetName}`;
  }

  /** Whatever happens to the test process (a hook that timed out, a worker torn down), nothing it started outlives it. */
  readonly #killEverything = () => {
    for (const instance of this.live()) killGroup(instance.child, 'SIGKILL');
    for (const member of this.members) killGroup(member.child, 'SIGKILL');
    if (this.meili)
      killGroup({ pid: this.meili.process.pid, exitCode: null, signalCode: null } as ChildProcess, 'SIGKILL');
  };

  /** Starts the stores, the mail server and the proxy; the instances come with `startInstances`. */
  async start(): Promise<void> {
    process.once('exit', this.#killEverything);
    this.#mongodBin = findMongod({ configured: process.env.MONGOD_BIN, autoInstall: true }).bin;
    this.#meiliBin = findMeilisearch({ configured: process.env.MEILI_BIN }).bin;
    for (let i = 0; i < 3; i += 1) {
      const port = await freePort();
      const dbPath = path.join(this.root, `mongo${i}`);
      mkdirSync(dbPath, { recursive: true });
      this.members.push({
        port,
        host: `127.0.0.1:${port}`,
        dbPath,
        logFile: path.join(this.root, `mongod${i}.log`),
        child: undefined,
      });
    }
    const [meili] = await Promise.all([
      startMeilisearch({
        bin: this.#meiliBin,
        dataDir: path.join(this.root, 'meili'),
        maxIndexingThreads: 1,
        maxIndexingMemory: '256MiB',
      }),
      ...this.members.map((member) => this.startMember(member)),
    ]);
    this.meili = meili;
    await this.#direct(this.members[0]!, (admin) =>
      admin.command({
        replSetInitiate: {
          _id: replicaSetName,
          members: this.members.map((member, id) => ({ _id: id, host: member.host })),
          // Shorter than the default 10 s, so a test of a killed primary does not idle; still long
          // enough that a busy two-core machine does not call elections for nothing.
          settings: { electionTimeoutMillis: 4000 },
        },
      }),
    );
    await this.waitForPrimary(60_000);
    this.#smtpUrl = await this.smtp.start();
    await this.#startProxy();
  }

  async startMember(member: Member): Promise<void> {
    const args = [
      '--dbpath',
      member.dbPath,
      '--bind_ip',
      '127.0.0.1',
      '--port',
      String(member.port),
      '--replSet',
      replicaSetName,
      '--nounixsocket',
      '--setParameter',
      'diagnosticDataCollectionEnabled=false',
      '--wiredTigerCacheSizeGB',
      '0.25',
      '--oplogSize',
      '128',
      '--logpath',
      member.logFile,
      '--logappend',
    ];
    const child = spawn(this.#mongodBin, args, { stdio: 'ignore', detached: true });
    member.child = child;
    await until(
      `mongod on ${member.port} answering`,
      async () => {
        if (child.exitCode !== null || child.signalCode !== null) {
          throw new MemberExited(`mongod on ${member.port} exited while starting. Its log:\n${tail(member.logFile)}`);
        }
        return this.#direct(member, async (admin) => ((await admin.command({ ping: 1 })).ok === 1 ? true : undefined));
      },
      60_000,
    );
  }

  async #direct<T>(member: Member, work: (admin: import('mongodb').Db) => Promise<T>): Promise<T> {
    const client = new MongoClient(`mongodb://${member.host}/?directConnection=true`, {
      serverSelectionTimeoutMS: 2000,
      connectTimeoutMS: 2000,
    });
    try {
      return await work(client.db('admin'));
    } finally {
      await client.close().catch(() => undefined);
    }
  }

  /** The member that is primary now, once there is one. */
  waitForPrimary(timeoutMs = 60_000): Promise<Member> {
    return until(
      'a primary',
      async () => {
        for (const member of this.members) {
          if (!member.child || member.child.exitCode !== null || member.child.signalCode !== null) continue;
          const hello = await this.#direct(member, (admin) => admin.command({ hello: 1 })).catch(() => undefined);
          if (hello?.isWritablePrimary) return member;
        }
        return undefined;
      },
      timeoutMs,
    );
  }

  /** Asks the primary to step down (as a rolling upgrade or Atlas maintenance does); resolves once another is primary. */
  async stepDown(): Promise<{ old: Member; next: Member }> {
    const old = await this.waitForPrimary();
    await this.#direct(old, (admin) => admin.command({ replSetStepDown: 30, secondaryCatchUpPeriodSecs: 10 })).catch(
      () => undefined,
    );
    const next = await until(
      'a new primary',
      async () => {
        const primary = await this.waitForPrimary(1000).catch(() => undefined);
        return primary && primary !== old ? primary : undefined;
      },
      60_000,
    );
    return { old, next };
  }

  /** SIGKILLs the primary (a crashed machine); resolves once another is primary. */
  async killPrimary(): Promise<{ old: Member; next: Member }> {
    const old = await this.waitForPrimary();
    killGroup(old.child, 'SIGKILL');
    await exitOf(old.child!);
    old.child = undefined;
    const next = await this.waitForPrimary(60_000);
    return { old, next };
  }

  /** Starts a stopped member again, on its own data, and waits until it is a secondary that has caught up. */
  async restartMember(member: Member): Promise<void> {
    await this.startMember(member);
    await until(
      'the member to become secondary',
      () => this.#direct(member, async (admin) => ((await admin.command({ hello: 1 })).secondary ? true : undefined)),
      60_000,
    );
  }

  /** Freezes Meilisearch (SIGSTOP): it keeps its connections but answers nothing, as a hung server does. */
  freezeMeilisearch(): void {
    process.kill(this.meili.process.pid, 'SIGSTOP');
  }

  thawMeilisearch(): void {
    process.kill(this.meili.process.pid, 'SIGCONT');
  }

  async restartMeilisearch(downForMs: number): Promise<void> {
    await this.meili.stop();
    await sleep(downForMs);
    this.meili = await startMeilisearch({
      bin: this.#meiliBin,
      dataDir: path.join(this.root, 'meili'),
      port: this.meili.port,
      maxIndexingThreads: 1,
      maxIndexingMemory: '256MiB',
    });
  }

  /** The environment every instance shares: the same stores, secrets and settings. */
  instanceEnv(port: number): NodeJS.ProcessEnv {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([name]) => !/^(MEILI_|MONGO|SMTP_|NODE_ENV|PORT|LOG_LEVEL|VITEST)/.test(name),
      ),
    );
    return {
      ...inherited,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: path.join(this.root, 'data'),
      LOG_LEVEL: 'info',
      MONGODB_URI: this.mongoUri,
      MONGODB_DB: this.dbName,
      MEILI_URL: this.meili.url,
      MEILI_MASTER_KEY: this.meili.masterKey,
      MEILI_INDEX_PREFIX: this.indexPrefix,
      TOKEN_KEYS_SECRET: clusterSecret,
      PASSWORD_ARGON2_MEMORY_KIB: '1024',
      SMTP_URL: this.#smtpUrl,
      SEED_DEMO_DATA: 'never',
      NOTIFY_DAILY_HOUR: '0',
      PUBLIC_URL: this.proxyUrl,
      JWT_ISSUER: this.proxyUrl,
      ...this.options.env,
    };
  }

  /** Starts `count` instances at the same moment and waits until every one is ready. */
  async startInstances(count: number): Promise<Instance[]> {
    const started: Instance[] = [];
    for (let i = 0; i < count; i += 1) started.push(await this.#spawnInstance(this.instances.length));
    await Promise.all(started.map((instance) => this.#waitReady(instance)));
    return started;
  }

  async #spawnInstance(index: number): Promise<Instance> {
    const port = await freePort();
    const logFile = path.join(this.root, `instance${index}.log`);
    const log = openSync(logFile, 'a');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: projectRoot,
      env: this.instanceEnv(port),
      stdio: ['ignore', log, log],
      detached: true,
    });
    closeSync(log);
    const instance: Instance = { index, port, url: `http://127.0.0.1:${port}`, logFile, child, exited: exitOf(child) };
    this.instances[index] = instance;
    return instance;
  }

  async #waitReady(instance: Instance): Promise<void> {
    const ready = until(
      `instance ${instance.index} ready`,
      async () => {
        const response = await fetch(`${instance.url}/health/ready`, { signal: AbortSignal.timeout(2000) });
        return response.status === 200 ? true : undefined;
      },
      180_000,
    );
    const outcome = await Promise.race([ready.then(() => 'ready'), instance.exited.then(() => 'exited')]).catch(
      (error: Error) => error.message,
    );
    if (outcome !== 'ready') throw new Error(`instance ${instance.index}: ${outcome}\n${tail(instance.logFile)}`);
  }

  /** Stops an instance: SIGTERM lets it finish its requests; SIGKILL is a crash. */
  async stopInstance(instance: Instance, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    killGroup(instance.child, signal);
    const timer = setTimeout(() => killGroup(instance.child, 'SIGKILL'), 20_000);
    await instance.exited;
    clearTimeout(timer);
    this.instances[instance.index] = undefined;
  }

  live(): Instance[] {
    return this.instances.filter((instance): instance is Instance => instance !== undefined);
  }

  /** Every structured log line the instances wrote (pino JSON), for counting what each one did. */
  logLines(): Record<string, unknown>[] {
    const lines: Record<string, unknown>[] = [];
    for (let i = 0; i < this.instances.length + 8; i += 1) {
      let text: string;
      try {
        text = readFileSync(path.join(this.root, `instance${i}.log`), 'utf8');
      } catch {
        continue;
      }
      for (const line of text.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          lines.push({ instance: i, ...JSON.parse(line) });
        } catch {
          // A line cut short by a SIGKILL.
        }
      }
    }
    return lines;
  }

  /**
   * A round-robin proxy, as a load balancer: a backend that refuses the connection (stopped) is
   * skipped, since the request never reached it; one that drops a request it had is a 502.
   */
  async #startProxy(): Promise<void> {
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => this.#forward(request, Buffer.concat(chunks), response, 0));
    });
    // Longer than the clients' own keep-alive (undici's is 4 s), so that a client never sends a request
    // on a connection the proxy is closing at that moment (an ECONNRESET no real balancer would cause).
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.#proxy = server;
    this.proxyUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  #forward(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse, tried: number): void {
    const backends = this.live();
    if (backends.length === 0 || tried >= backends.length) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end('no instance answered');
      return;
    }
    const backend = backends[this.#next++ % backends.length]!;
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: backend.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, 'x-cluster-instance': String(backend.index) },
        // A connection per request: a kept-alive one that the instance closes while the proxy sends on it
        // would look like an instance dropping a request.
        agent: false,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          'x-cluster-instance': String(backend.index),
        });
        answer.pipe(response);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED' && !response.headersSent) {
        this.#forward(request, body, response, tried + 1);
        return;
      }
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('the instance dropped the request');
    });
    upstream.end(body);
  }

  /** Stops everything this cluster started, whatever state it is in, and removes its files. */
  async stop(): Promise<void> {
    process.off('exit', this.#killEverything);
    for (const instance of this.live()) killGroup(instance.child, 'SIGTERM');
    await Promise.race([Promise.all(this.live().map((i) => i.exited)), sleep(15_000)]);
    for (const instance of this.live()) killGroup(instance.child, 'SIGKILL');
    await this.smtp.stop().catch(() => undefined);
    await new Promise<void>((resolve) => (this.#proxy ? this.#proxy.close(() => resolve()) : resolve()));
    (this.#proxy as { closeAllConnections?: () => void } | undefined)?.closeAllConnections?.();
    await this.meili?.stop().catch(() => undefined);
    for (const member of this.members) killGroup(member.child, 'SIGTERM');
    await Promise.race([Promise.all(this.members.map((m) => (m.child ? exitOf(m.child) : undefined))), sleep(15_000)]);
    for (const member of this.members) killGroup(member.child, 'SIGKILL');
    // CLUSTER_KEEP_LOGS=<dir> keeps every process's log of the run, to read after a failure.
    const keep = process.env.CLUSTER_KEEP_LOGS;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      for (const file of readdirSync(this.root).filter((name) => name.endsWith('.log')))
        copyFileSync(path.join(this.root, file), path.join(keep, `${path.basename(this.root)}-${file}`));
    }
    rmSync(this.root, { recursive: true, force: true });
  }
}
