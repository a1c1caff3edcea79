import path from 'node:path';
import type { ServerType } from '@hono/node-server';
import { type Config, ConfigError, loadConfig } from './core/config.js';
import { serveApp } from './core/http/server.js';
import { createLogger, type Logger } from './core/logger.js';
import { projectRoot } from './core/project-root.js';
import { Stores } from './embedded/index.js';
import { LauncherError } from './embedded/process.js';
import { MailCatcher } from './notifications/mail-catcher.js';
import { type RunningSystem, startSystem } from './runtime.js';

/** Starts the service (runtime.ts does the wiring), loads demo data in development, and listens. */
async function main(config: Config, logger: Logger): Promise<void> {
  const started = performance.now();
  const stores = new Stores();
  let running: RunningSystem | undefined;
  let server: ServerType | undefined;
  let mailCatcher: MailCatcher | undefined;
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
    await mailCatcher?.stop();
    logger.info('stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let catcherOption: { catcher: MailCatcher; smtpUrl: string } | undefined;
  if (config.NODE_ENV === 'development' && !config.SMTP_URL) {
    // No mail server configured: keep the demo's emails under DATA_DIR and show them at /dev/mail.
    mailCatcher = new MailCatcher(path.resolve(projectRoot, config.DATA_DIR, 'mail'));
    catcherOption = { catcher: mailCatcher, smtpUrl: await mailCatcher.start() };
  } else if (!config.SMTP_URL) {
    logger.warn('SMTP_URL is not set: emails wait in the notifications outbox until it is');
  }
  try {
    running = await startSystem({
      config,
      logger,
      stores,
      services: catcherOption ? { mailCatcher: catcherOption } : {},
    });
  } catch (error) {
    await mailCatcher?.stop();
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
  system.notificationDelivery?.start();
  system.dailyNotifications.start();
  system.documentRetention.start();
  server = serveApp(
    app,
    { port: config.PORT, hostname: config.HOST, keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS },
    (info) => {
      const base = `http://${config.HOST}:${info.port}`;
      logger.info(
        { url: base, docs: `${base}/docs`, startMs: Math.round(performance.now() - started) },
        'service ready',
      );
    },
  );
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
