import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, closeSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';

/** Something the launcher could not do; the message says what was tried and what to set. */
export class LauncherError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LauncherError';
  }
}

/** Asks the kernel for a free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
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

/**
 * If a previous run died without stopping its child (kill -9 of the parent, a power cut), the
 * child may still hold the data directory. Stop it, but only if the pid still belongs to a
 * process of the expected program.
 */
export async function stopStaleProcess(pidFile: string, programName: string): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  rmSync(pidFile, { force: true });
  if (!Number.isInteger(pid) || pid <= 1) return;
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes(programName)) return;
  process.kill(pid, 'SIGTERM');
  for (let waited = 0; waited < 15_000; waited += 100) {
    if (!existsSync(`/proc/${pid}`)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  process.kill(pid, 'SIGKILL');
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
      throw new LauncherError(`${process_.name} exited during start-up (${exitedWith}). Its log: ${logFile}\n${tail(logFile)}`);
    }
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await process_.stop(2000);
  throw new LauncherError(`${process_.name} did not become ready within ${timeoutMs / 1000}s. Its log: ${logFile}\n${tail(logFile)}`);
}

function tail(file: string, lines = 12): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log written)';
  }
}
