import type { ServerType } from '@hono/node-server';
import { ConfigError, loadConfig, type Config } from './core/config.js';
import { serveApp } from './core/http/server.js';
import { createLogger, type Logger } from './core/logger.js';
import { Stores } from './embedded/index.js';
import { LauncherError } from './embedded/process.js';
import { startSystem, type RunningSystem } from './runtime.js';

/** Starts the service (runtime.ts does the wiring), loads demo data in development, and listens. */
async function main(config: Config, logger: Logger): Promise<void> {
  const started = performance.now();
  const stores = new Stores();
  let running: RunningSystem | undefined;
  let server: ServerType | undefined;
  let shuttingDown = false;

  const shutdown = async (signal: string, exitCode = 0) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const forced = setTimeout(() => {
      logger.error('shutdown took over 30s; stopping the stores now');
      void stores.stop().finally(() => process.exit(1));
    }, 30_000);
    forced.unref();
    // In-flight requests finish first, so everything acknowledged is written before MongoDB stops.
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await (running ? running.close() : stores.stop());
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    running = await startSystem({ config, logger, stores });
  } catch (error) {
    if (shuttingDown) return;
    throw error;
  }
  const { system, app } = running;
  if (config.NODE_ENV !== 'production' && config.SEED_DEMO_DATA === 'auto') {
    // Loaded only when wanted, so a production process never even holds the demo code.
    const { seedDemoDataIfEmpty } = await import('../seed/auto.js');
    await seedDemoDataIfEmpty(system);
  }
  system.searchSync.start();
  system.searchReconciler.start();
  server = serveApp(app, { port: config.PORT, hostname: config.HOST }, (info) => {
    const base = `http://${config.HOST}:${info.port}`;
    logger.info({ url: base, docs: `${base}/docs`, startMs: Math.round(performance.now() - started) }, 'service ready');
  });
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof ConfigError ? 2 : 1);
}
const logger = createLogger(config.LOG_LEVEL);
main(config, logger).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  logger.fatal({ kind: error instanceof LauncherError ? 'launcher' : 'start-up' }, 'the service could not start');
  process.stderr.write(`\nThe service could not start: ${message}\n`);
  process.exit(error instanceof LauncherError ? 3 : 1);
});
