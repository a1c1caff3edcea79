import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Db, MongoClient, MongoServerError } from 'mongodb';
import { freePort, inspectPidFile, type ManagedProcess, startProcess, stopOrphan, waitUntilReady } from './process.js';

const replicaSetName = 'rs0';

export interface RunningMongod {
  uri: string;
  port: number;
  process: ManagedProcess;
  stop(): Promise<void>;
}

/**
 * Starts mongod as a single-node replica set on 127.0.0.1 (so transactions and change
 * streams work) with its data in `dataDir`, and waits until it is a writable primary.
 */
export async function startMongod(options: {
  bin: string;
  dataDir: string;
  port?: number;
  cacheSizeGb?: number;
}): Promise<RunningMongod> {
  const dbPath = path.join(options.dataDir, 'db');
  mkdirSync(dbPath, { recursive: true, mode: 0o700 });
  const pidFile = path.join(options.dataDir, 'mongod.pid');
  const logFile = path.join(options.dataDir, 'mongod.log');
  await stopOrphan(pidFile, 'mongod');
  const port = options.port ?? (await freePort());
  const args = [
    '--dbpath',
    dbPath,
    '--bind_ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--replSet',
    replicaSetName,
    '--nounixsocket',
    '--setParameter',
    'diagnosticDataCollectionEnabled=false',
    '--wiredTigerCacheSizeGB',
    String(options.cacheSizeGb ?? 1),
    '--oplogSize',
    '256',
  ];
  const child = startProcess({ name: 'mongod', bin: options.bin, args, logFile, pidFile });
  const directUri = `mongodb://127.0.0.1:${port}/?directConnection=true`;
  try {
    // A fresh client per attempt: a client whose first connection failed does not recover quickly.
    await waitUntilReady(
      child,
      () => withDirectClient(directUri, async (admin) => (await admin.command({ ping: 1 })).ok === 1),
      60_000,
      logFile,
    );
    await withDirectClient(directUri, (admin) => ensureReplicaSet(admin, `127.0.0.1:${port}`));
    await waitUntilReady(
      child,
      () =>
        withDirectClient(directUri, async (admin) => (await admin.command({ hello: 1 })).isWritablePrimary === true),
      60_000,
      logFile,
    );
  } catch (error) {
    await child.stop(5000);
    throw error;
  }
  const uri = `mongodb://127.0.0.1:${port}/?replicaSet=${replicaSetName}`;
  writeFileSync(path.join(options.dataDir, 'endpoint'), uri);
  return {
    uri,
    port,
    process: child,
    stop: () => child.stop(),
  };
}

/**
 * The address of an embedded mongod that a running service already started on this data
 * directory, so that a script (seed, reindex) can share it instead of fighting over the files.
 */
export function runningMongod(dataDir: string): string | undefined {
  if (inspectPidFile(path.join(dataDir, 'mongod.pid'), 'mongod').state !== 'owned') return undefined;
  try {
    return readFileSync(path.join(dataDir, 'endpoint'), 'utf8').trim();
  } catch {
    return undefined;
  }
}

async function withDirectClient<T>(uri: string, work: (admin: Db) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 1000, connectTimeoutMS: 1000 });
  try {
    return await work(client.db('admin'));
  } finally {
    await client.close();
  }
}

/** Initiates the replica set on first start; on later starts, follows a change of port. */
async function ensureReplicaSet(admin: Db, host: string): Promise<void> {
  try {
    await admin.command({ replSetGetStatus: 1 });
  } catch (error) {
    if (error instanceof MongoServerError && error.code === 94) {
      await admin.command({ replSetInitiate: { _id: replicaSetName, members: [{ _id: 0, host }] } });
      return;
    }
    // 93 InvalidReplicaSetConfig: the stored config names another port; fall through to fix it.
    if (!(error instanceof MongoServerError && error.code === 93)) throw error;
  }
  const { config } = await admin.command({ replSetGetConfig: 1 });
  if (config.members.length === 1 && config.members[0].host === host) return;
  config.members = [{ ...config.members[0], host }];
  config.version += 1;
  await admin.command({ replSetReconfig: config, force: true });
}
