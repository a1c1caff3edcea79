import path from 'node:path';
import type { Config } from '../core/config.js';
import type { Logger } from '../core/logger.js';
import { projectRoot } from '../core/project-root.js';
import { findMeilisearch, findMongod } from './binaries.js';
import { runningMeilisearch, startMeilisearch } from './meilisearch.js';
import { runningMongod, startMongod } from './mongod.js';
import { LauncherError } from './process.js';

export interface StoreEndpoints {
  mongoUri: string;
  meiliUrl: string;
  meiliKey: string | undefined;
}

/**
 * Uses MONGODB_URI / MEILI_URL when set; otherwise starts mongod and Meilisearch as children
 * of this process, with their data under DATA_DIR so it survives restarts. When a running service
 * already owns the embedded stores on DATA_DIR (a script started beside it), they are shared, not
 * restarted. `stop()` may be called at any moment, even half-way through `start()`, and stops only
 * what this process started.
 */
export class Stores {
  #stops: (() => Promise<void>)[] = [];
  #stopping = false;

  async start(config: Config, logger: Logger): Promise<StoreEndpoints> {
    const dataDir = path.resolve(projectRoot, config.DATA_DIR);
    let mongoUri = config.MONGODB_URI ?? runningMongod(path.join(dataDir, 'mongo'));
    if (mongoUri && !config.MONGODB_URI)
      logger.info('sharing the embedded mongod of the service already running on DATA_DIR');
    if (!mongoUri) {
      const mongod = findMongod({
        configured: config.MONGOD_BIN,
        autoInstall: config.MONGOD_AUTO_INSTALL,
        log: (message) => logger.info(message),
      });
      logger.info({ bin: mongod.bin, version: mongod.version, source: mongod.source }, 'starting embedded mongod');
      const started = await startMongod({ bin: mongod.bin, dataDir: path.join(dataDir, 'mongo') });
      await this.#keep(started.stop);
      mongoUri = started.uri;
      logger.info({ port: started.port }, 'embedded mongod is primary');
    }
    const shared = config.MEILI_URL ? undefined : runningMeilisearch(path.join(dataDir, 'meili'));
    let meiliUrl = config.MEILI_URL ?? shared?.url;
    let meiliKey = config.MEILI_URL ? config.MEILI_MASTER_KEY : shared?.masterKey;
    if (shared) logger.info('sharing the embedded Meilisearch of the service already running on DATA_DIR');
    if (!meiliUrl) {
      const meili = findMeilisearch({ configured: config.MEILI_BIN });
      logger.info({ bin: meili.bin, version: meili.version, source: meili.source }, 'starting embedded Meilisearch');
      const started = await startMeilisearch({
        bin: meili.bin,
        dataDir: path.join(dataDir, 'meili'),
        maxIndexingMemory: config.MEILI_MAX_INDEXING_MEMORY,
        maxIndexingThreads: config.MEILI_MAX_INDEXING_THREADS,
      });
      await this.#keep(started.stop);
      meiliUrl = started.url;
      meiliKey = started.masterKey;
      logger.info({ port: started.port }, 'embedded Meilisearch is available');
    }
    return { mongoUri, meiliUrl, meiliKey };
  }

  async #keep(stop: () => Promise<void>): Promise<void> {
    if (this.#stopping) {
      await stop();
      throw new LauncherError('start-up was interrupted');
    }
    this.#stops.push(stop);
  }

  /** Stops the children this process started (cleanly, so MongoDB flushes its journal). */
  async stop(): Promise<void> {
    this.#stopping = true;
    await Promise.all(this.#stops.splice(0).map((stop) => stop()));
  }
}
