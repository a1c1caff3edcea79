import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { projectRoot } from '../../src/core/project-root.js';

/** Where Chromium came from and how to start it (extra environment for the browser process, if any). */
export interface ChromiumInstall {
  executablePath: string;
  env?: Record<string, string>;
  source: string;
}

const installedPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * The Chromium the browser tests drive: `CHROMIUM_BIN`, else Debian's, else the headless Chromium that the
 * devDependency `@sparticuz/chromium` carries inside its npm package, unpacked on first use into
 * `.tools/chromium/<version>/` with the NSS libraries it ships, so a fresh machine needs no download from
 * outside the npm registry and no system package.
 */
export async function findChromium(): Promise<ChromiumInstall> {
  if (process.env.CHROMIUM_BIN) return { executablePath: process.env.CHROMIUM_BIN, source: 'CHROMIUM_BIN' };
  const installed = installedPaths.find((candidate) => existsSync(candidate));
  if (installed) return { executablePath: installed, source: 'installed' };
  return packagedChromium();
}

async function packagedChromium(): Promise<ChromiumInstall> {
  // The package exports only its entry (build/index.js); its root is one folder up.
  const packageRoot = path.resolve(path.dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium')), '..');
  const { version } = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const binDir = path.join(packageRoot, 'bin');
  const target = path.join(projectRoot, '.tools', 'chromium', version);
  if (!existsSync(path.join(target, 'chromium'))) await unpack(binDir, target);
  const libDir = path.join(target, 'lib');
  return {
    executablePath: path.join(target, 'chromium'),
    env: { LD_LIBRARY_PATH: [libDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':') },
    source: `@sparticuz/chromium ${version}`,
  };
}

/** Unpacks into a scratch folder beside the target and renames it into place, so parallel test files never see half. */
async function unpack(binDir: string, target: string): Promise<void> {
  mkdirSync(path.dirname(target), { recursive: true });
  const scratch = mkdtempSync(`${target}.unpacking-`);
  try {
    const executable = path.join(scratch, 'chromium');
    await pipeline(
      createReadStream(path.join(binDir, 'chromium.br')),
      createBrotliDecompress(),
      createWriteStream(executable),
    );
    chmodSync(executable, 0o755);
    await untarBrotli(path.join(binDir, 'al2023.tar.br'), scratch);
    renameSync(scratch, target);
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    if (existsSync(path.join(target, 'chromium'))) return;
    throw error;
  }
}

/**
 * Decompressed to a file first, then unpacked: piping into `tar` races with tar exiting once it has read
 * the archive's end, before the padding after it is written ("Premature close" on a busy machine).
 */
async function untarBrotli(archive: string, into: string): Promise<void> {
  const tarFile = path.join(into, 'unpacking.tar');
  await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(tarFile));
  execFileSync('tar', ['-xf', tarFile, '-C', into], { stdio: 'inherit' });
  rmSync(tarFile);
}
