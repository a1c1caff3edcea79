import { parseArgs } from 'node:util';
import { withServices } from '../src/cli/with-services.js';
import { loadConfig } from '../src/core/config.js';
import { migrate } from '../src/core/db/migrations.js';
import { progressBar } from '../src/core/progress.js';
import { loadIndexConfigs, waitForSuccess } from '../src/core/search/meili.js';
import type { System } from '../src/services.js';
import { type GenerateOptions, generate } from './generate.js';
import { assertDemoDataAllowed, hasAccounts, loadDataset, summaryLine } from './load.js';

/**
 * `npm run seed -- [--placements N] [--young-people N] [--employers N] [--seed N] [--reset]`:
 * loads demo data into the service's stores (MONGODB_URI / MEILI_URL, or the embedded ones
 * under DATA_DIR, which must not be in use by a running service at the same time).
 */

const usage = 'Usage: npm run seed -- [--placements N] [--young-people N] [--employers N] [--seed N] [--reset]';
const numberOptions = {
  placements: 'placements',
  'young-people': 'youngPeople',
  employers: 'employers',
  seed: 'seed',
} as const;

function readOptions(argv: string[]): { generate: GenerateOptions; reset: boolean } {
  let args: Record<string, string | boolean | undefined>;
  try {
    args = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.keys(numberOptions).map((flag) => [flag, { type: 'string' as const }])),
        reset: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  const options: GenerateOptions = {};
  for (const [flag, key] of Object.entries(numberOptions)) {
    const value = args[flag];
    if (typeof value !== 'string') continue;
    if (!/^\d+$/.test(value)) throw new Error(`--${flag} must be a whole number, not "${value}"\n${usage}`);
    options[key] = Number(value);
  }
  return { generate: options, reset: args.reset === true };
}

/** Empties the database and the search indexes, keeping their validators, indexes and settings. */
async function resetStores(services: System): Promise<void> {
  await services.db.dropDatabase();
  await migrate(services.db, { logger: services.logger });
  for (const index of await loadIndexConfigs()) {
    const uid = services.search.indexUid(index.name);
    await waitForSuccess(services.search.client.index(uid).deleteAllDocuments(), `empty ${uid}`);
  }
}

try {
  const options = readOptions(process.argv.slice(2));
  // Checked before any store starts, and again inside the loader.
  assertDemoDataAllowed(loadConfig());
  const dataset = generate(options.generate);
  const summary = await withServices(async (services) => {
    if (options.reset) await resetStores(services);
    else if (await hasAccounts(services)) {
      throw new Error(
        `the database "${services.config.MONGODB_DB}" already has accounts; add --reset to replace everything in it with demo data`,
      );
    }
    return loadDataset(services, dataset, {
      progress: (label, total) => progressBar({ label: label.padEnd(19), total }),
    });
  });
  process.stdout.write(`${summaryLine(summary)}\n`);
} catch (error) {
  process.stderr.write(`\nSeed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
