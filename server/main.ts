// The server process: read the environment, open the database and keys, listen,
// and shut down cleanly on SIGTERM/SIGINT. Everything else lives in createApp.
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, databaseFileOf, type AppDeps } from './app';
import { loadKeyRing } from './auth/keys';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { createErrorReporter } from './ops/error-reports';
import { createMetrics } from './ops/metrics';
import { startMaintenance } from './ops/maintenance';
import { startupWarnings } from './ops/startup';
import { APP_VERSION, CLIENT_BUILD_DIR } from './paths';
import { openStorage } from './storage/open-storage';
import { trackConnections } from './shutdown';
import { startScheduledBackups } from './backup/scheduled-backups';
import { holdServerLock } from './backup/server-lock';

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  // Held while the server runs, so `admin restore` cannot swap the SQLite file under it.
  const lock = config.database ? null : holdServerLock(config.dataDir);
  for (const warning of startupWarnings(config, process.env)) logger.warn(warning);
  const { storage, applied, sqlite } = await openStorage(config);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  const keys = await loadKeyRing(storage.keys);

  const deps: AppDeps = {
    storage,
    keys,
    config,
    logger,
    clock: Date,
    version: APP_VERSION,
    staticRoot: CLIENT_BUILD_DIR,
  };
  if (config.sentryDsn)
    deps.errorReporter = createErrorReporter({ dsn: config.sentryDsn, release: APP_VERSION });
  // Made here rather than in createApp, so the backup timer reports to the same registry.
  const metrics = createMetrics(databaseFileOf(storage));
  deps.metrics = metrics;
  const app = createApp(deps);
  const stopMaintenance = startMaintenance(deps);
  const stopBackups =
    config.backups && sqlite
      ? startScheduledBackups({
          db: sqlite,
          logger,
          now: () => Date.now(),
          ...config.backups,
          onSuccess: (at) => metrics.backupLastSuccess.set(at / 1000),
          onFailure: () => metrics.backupFailures.inc(),
        })
      : () => undefined;
  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: config.host },
    (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${host === '0.0.0.0' || host === '[::]' ? 'localhost' : host}:${info.port}/`;
      logger.info({ url, dataDir: config.dataDir, version: APP_VERSION }, 'listening');
      // A plain line too, for people reading the terminal rather than a log pipeline.
      process.stdout.write(`PackYourBag is running at ${url}\n`);
    },
  );
  const graceful = trackConnections(server as Server);
  server.on('error', (error: NodeJS.ErrnoException) => {
    logger.fatal(
      { code: error.code },
      `cannot listen on ${config.host}:${config.port}: ${error.message}`,
    );
    void storage.close().finally(() => process.exit(1));
  });

  const stop = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    stopMaintenance();
    stopBackups();
    void graceful.shutdown({ timeoutMs: 5000 }).then(async () => {
      await deps.errorReporter?.flush(2000);
      await storage.close();
      lock?.release();
      logger.info('stopped');
      process.exit(0);
    });
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else
    console.error(
      `PackYourBag failed to start: ${error instanceof Error ? error.message : String(error)}`,
    );
  process.exit(1);
});
