import { type ChildProcess, spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** Something the launcher could not do; the message says what was tried and what to set. */
export class LauncherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LauncherError';
  }
}

/** Above the ports that servers commonly take by default (3000, 7700, 8080…); MongoDB's own are left alone too. */
const lowestChosenPort = 20_000;
const mongodbDefaultPorts = [27_017, 27_018, 27_019];
const handedOut = new Set<number>();

/**
 * A free port on 127.0.0.1 for a store we start, chosen below the kernel's range for outgoing
 * connections' local ports. A port from that range (what `listen(0)` gives) can be taken by any
 * outgoing connection in the moment between our check and the store's own bind; the store then
 * fails with "address in use". Below the range only another listener can take it.
 */
export async function freePort(): Promise<number> {
  const outgoingFrom = outgoingPortsFrom();
  if (outgoingFrom && outgoingFrom > lowestChosenPort + 1000) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const port = lowestChosenPort + randomInt(outgoingFrom - lowestChosenPort);
      if (mongodbDefaultPorts.includes(port) || handedOut.has(port)) continue;
      if (await listenOnce(port).catch(() => false)) {
        // Free now, but the store given it may not have bound it yet: never hand it out twice.
        handedOut.add(port);
        return port;
      }
    }
  }
  return listenOnce(0);
}

/** Where Linux's range for the local ports of outgoing connections starts, or undefined elsewhere. */
export function outgoingPortsFrom(): number | undefined {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) ? low : undefined;
  } catch {
    return undefined;
  }
}

/** Binds `port` (0: any) on 127.0.0.1 and lets it go; resolves with the port bound. */
function listenOnce(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves when the process has exited, with its exit code (or signal). */
  readonly exited: Promise<string>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts a child process whose output goes to a log file, records its pid in `pidFile` so that
 * a later start can clean up after a crash, and fails fast if the process dies during start-up.
 */
export function startProcess(options: {
  name: string;
  bin: string;
  args: string[];
  logFile: string;
  pidFile: string;
  env?: NodeJS.ProcessEnv;
}): ManagedProcess {
  const log = openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(options.bin, options.args, {
      stdio: ['ignore', log, log],
      env: options.env ?? process.env,
      // Its own process group, so Ctrl-C reaches only us and we stop the child after the
      // last in-flight request has been written, not before.
      detached: true,
    });
  } finally {
    closeSync(log);
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      rmSync(options.pidFile, { force: true });
      resolve(signal ? `signal ${signal}` : `exit code ${code}`);
    });
    child.once('error', (error) => resolve(`spawn error: ${error.message}`));
  });
  if (child.pid) writeFileSync(options.pidFile, String(child.pid));
  let stopping: Promise<void> | undefined;
  return {
    name: options.name,
    pid: child.pid ?? -1,
    exited,
    stop(graceMs = 15_000) {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      })();
      return stopping;
    },
  };
}

function readProc(pid: number, file: 'cmdline' | 'stat'): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Who holds a data directory, from its pid file: nobody; a live service (the process's parent is
 * a running Node.js process), whose stores a script may share; or an orphan left by a parent that
 * died without stopping it (kill -9, a power cut), which is safe to stop.
 */
export function inspectPidFile(
  pidFile: string,
  programName: string,
): { state: 'none' } | { state: 'owned' | 'orphan'; pid: number } {
  if (!existsSync(pidFile)) return { state: 'none' };
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 1 || !readProc(pid, 'cmdline')?.includes(programName)) return { state: 'none' };
  // /proc/<pid>/stat is "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
  const stat = readProc(pid, 'stat') ?? '';
  const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  const owned = parent > 1 && (readProc(parent, 'cmdline') ?? '').includes('node');
  return { state: owned ? 'owned' : 'orphan', pid };
}

/** Stops an orphaned child of an earlier run that still holds the data directory. */
export async function stopOrphan(pidFile: string, programName: string): Promise<void> {
  const holder = inspectPidFile(pidFile, programName);
  if (holder.state === 'owned') {
    throw new LauncherError(
      `${programName} (pid ${holder.pid}) is already running on ${pidFile.replace(/\/[^/]+$/, '')} for another process.`,
    );
  }
  if (holder.state === 'none') {
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(holder.pid, 'SIGTERM');
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!existsSync(`/proc/${holder.pid}`)) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (existsSync(`/proc/${holder.pid}`)) process.kill(holder.pid, 'SIGKILL');
  rmSync(pidFile, { force: true });
}

/** Polls `probe` until it succeeds, the process exits, or the time is up. */
export async function waitUntilReady(
  process_: ManagedProcess,
  probe: () => Promise<boolean>,
  timeoutMs: number,
  logFile: string,
): Promise<void> {
  let exitedWith: string | undefined;
  void process_.exited.then((how) => (exitedWith = how));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitedWith) {
      throw new LauncherError(
        `${process_.name} exited during start-up (${exitedWith}). Its log: ${logFile}\n${tail(logFile)}`,
      );
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await process_.stop(2000);
  throw new LauncherError(
    `${process_.name} did not become ready within ${timeoutMs / 1000}s. Its log: ${logFile}\n${tail(logFile)}`,
  );
}

function tail(file: string, lines = 12): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}
