import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { freePort, inspectPidFile, type ManagedProcess, startProcess, stopOrphan, waitUntilReady } from './process.js';

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  port: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/** Reads the master key kept beside the data, or makes one readable by this user only. */
export function masterKeyFor(dataDir: string): string {
  const file = path.join(dataDir, 'master-key');
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return readFileSync(file, 'utf8').trim();
  }
  const key = randomBytes(32).toString('base64url');
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Starts Meilisearch on 127.0.0.1 with analytics off and a master key, and waits until it is available. */
export async function startMeilisearch(options: {
  bin: string;
  dataDir: string;
  port?: number;
  /** `--max-indexing-memory` (e.g. `256MiB`); Meilisearch's default is two thirds of the machine's memory. */
  maxIndexingMemory?: string;
  /** `--max-indexing-threads`; Meilisearch's default is half the cores. */
  maxIndexingThreads?: number;
  /** `--import-dump`: a dump to load into an empty database before serving (a restore; docs/operations.md). */
  importDump?: string;
}): Promise<RunningMeilisearch> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const pidFile = path.join(options.dataDir, 'meilisearch.pid');
  const logFile = path.join(options.dataDir, 'meilisearch.log');
  await stopOrphan(pidFile, 'meilisearch');
  const masterKey = masterKeyFor(options.dataDir);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const args = [
    '--db-path',
    path.join(options.dataDir, 'data.ms'),
    '--dump-dir',
    path.join(options.dataDir, 'dumps'),
    '--snapshot-dir',
    path.join(options.dataDir, 'snapshots'),
    '--http-addr',
    `127.0.0.1:${port}`,
    '--env',
    'development',
    '--no-analytics',
    '--log-level',
    'WARN',
    ...(options.maxIndexingMemory ? ['--max-indexing-memory', options.maxIndexingMemory] : []),
    ...(options.maxIndexingThreads ? ['--max-indexing-threads', String(options.maxIndexingThreads)] : []),
    ...(options.importDump ? ['--import-dump', options.importDump] : []),
  ];
  // The key goes through the environment, not argv, so `ps` does not show it. Our own MEILI_*
  // settings are dropped because Meilisearch reads every MEILI_* variable as its own option.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEILI_')));
  const child = startProcess({
    name: 'meilisearch',
    bin: options.bin,
    args,
    logFile,
    pidFile,
    env: { ...env, MEILI_MASTER_KEY: masterKey },
  });
  await waitUntilReady(
    child,
    async () => {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
      return response.ok;
    },
    60_000,
    logFile,
  );
  writeFileSync(path.join(options.dataDir, 'endpoint'), url);
  return { url, masterKey, port, process: child, stop: () => child.stop() };
}

/** The address and key of an embedded Meilisearch that a running service already started here. */
export function runningMeilisearch(dataDir: string): { url: string; masterKey: string } | undefined {
  if (inspectPidFile(path.join(dataDir, 'meilisearch.pid'), 'meilisearch').state !== 'owned') return undefined;
  try {
    return { url: readFileSync(path.join(dataDir, 'endpoint'), 'utf8').trim(), masterKey: masterKeyFor(dataDir) };
  } catch {
    return undefined;
  }
}
