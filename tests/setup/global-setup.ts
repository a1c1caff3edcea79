import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findMeilisearch, findMongod } from '../../src/embedded/binaries.js';
import { type RunningMeilisearch, startMeilisearch } from '../../src/embedded/meilisearch.js';
import { type RunningMongod, startMongod } from '../../src/embedded/mongod.js';
import { findChromium } from '../web/chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    mongoUri: string;
    meiliUrl: string;
    meiliKey: string;
    meiliBin: string;
    mongodVersion: string;
    meiliVersion: string;
  }
}

/**
 * Starts one real mongod (single-node replica set) and one real Meilisearch for the whole run,
 * on free ports with throwaway data directories, and stops them afterwards, pass or fail.
 */
export default async function setup(project: TestProject) {
  const root = mkdtempSync(path.join(tmpdir(), 'internships-test-'));
  let mongod: RunningMongod | undefined;
  let meili: RunningMeilisearch | undefined;
  const teardown = async () => {
    await Promise.all([mongod?.stop(), meili?.stop()]);
    rmSync(root, { recursive: true, force: true });
  };
  try {
    const mongodBin = findMongod({ configured: process.env.MONGOD_BIN, autoInstall: true, log: console.log });
    const meiliBin = findMeilisearch({ configured: process.env.MEILI_BIN });
    [mongod, meili] = await Promise.all([
      startMongod({ bin: mongodBin.bin, dataDir: path.join(root, 'mongo'), cacheSizeGb: 0.5 }),
      startMeilisearch({ bin: meiliBin.bin, dataDir: path.join(root, 'meili') }),
    ]);
    project.provide('mongoUri', mongod.uri);
    project.provide('meiliUrl', meili.url);
    project.provide('meiliKey', meili.masterKey);
    project.provide('meiliBin', meiliBin.bin);
    project.provide('mongodVersion', mongodBin.version);
    project.provide('meiliVersion', meiliBin.version);
    console.log(`test stores: ${mongodBin.version} at ${mongod.uri}; ${meiliBin.version} at ${meili.url}`);
    // Unpacked here, once, when no Chromium is installed, rather than by the first browser test files at once.
    const browser = await findChromium();
    console.log(`test browser: ${browser.executablePath} (${browser.source})`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
