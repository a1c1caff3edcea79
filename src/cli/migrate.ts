import { loadConfig } from '../core/config.js';
import { appliedMigrations, loadMigrations, migrate } from '../core/db/migrations.js';
import { createLogger } from '../core/logger.js';
import { Stores } from '../embedded/index.js';
import { openInfrastructure } from '../runtime.js';

/**
 * `npm run migrate`: applies the pending migrations (migrations/NNNN-name.ts) to the database the
 * service uses (MONGODB_URI, or the embedded one under DATA_DIR), then says where it stands. Safe
 * to run from several places at once: a lock in MongoDB makes the others wait and then do nothing.
 * Production runs it as a deploy step; development and tests run it at every start.
 */
const config = loadConfig();
const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
const stores = new Stores();
const interrupted = () => {
  void stores.stop().finally(() => process.exit(130));
};
process.once('SIGINT', interrupted);
process.once('SIGTERM', interrupted);
try {
  const infra = await openInfrastructure({ config, logger, ...(await stores.start(config, logger)) });
  try {
    const migrations = await loadMigrations();
    const started = performance.now();
    const { applied } = await migrate(infra.db, { logger, migrations });
    const current = (await appliedMigrations(infra.db)).at(-1) ?? 'none';
    process.stdout.write(
      `${applied.length === 0 ? 'Nothing to migrate' : `Applied ${applied.join(', ')}`}; the database is at ${current} ` +
        `(${migrations.length} migrations known) in ${Math.round(performance.now() - started)} ms.\n`,
    );
  } finally {
    await infra.mongo.close();
  }
} catch (error) {
  process.stderr.write(`\nMigration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await stores.stop();
}
