import { type Config, loadConfig } from '../core/config.js';
import { createLogger } from '../core/logger.js';
import { Stores } from '../embedded/index.js';
import { startSystem } from '../runtime.js';
import type { System } from '../services.js';

/**
 * Runs a command-line task against the same stores the service uses: MONGODB_URI / MEILI_URL
 * when set, otherwise the embedded mongod and Meilisearch over the same DATA_DIR. Everything it
 * started is stopped again, also when the task fails or the user presses Ctrl-C.
 */
export async function withServices<T>(work: (services: System, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const stores = new Stores();
  const interrupted = () => {
    void stores.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const running = await startSystem({ config, logger, stores });
    try {
      return await work(running.system, config);
    } finally {
      await running.close();
    }
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stores.stop();
  }
}
