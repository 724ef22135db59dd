// createApp(deps) builds the whole HTTP application from its dependencies, so
// tests drive it in process with app.request() and main.ts only wires Node.
import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { Clock } from './clock';
import { accountRoutes } from './account/routes';
import { createAuthService } from './auth/auth-service';
import { jwksRoutes } from './auth/jwks';
import type { KeyRing } from './auth/keys';
import type { ScryptParams } from './auth/password';
import { authRoutes } from './auth/routes';
import type { Config } from './config';
import { jsonBodyLimit } from './http/body-limit';
import { compressLarge } from './http/compress-large';
import { apiNotFound, createErrorHandler } from './http/error-handler';
import { noStore } from './http/no-store';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { syncRoutes } from './sync/routes';
import { healthRoutes } from './ops/health';
import { errorReportRoutes } from './ops/error-report-routes';
import type { ErrorReporter } from './ops/error-reports';
import { createMetrics, measureRequests, metricsRoutes, type Metrics } from './ops/metrics';
import { openApiRoutes } from './ops/openapi';
import type { Storage } from './storage/storage';

export interface AppDeps {
  storage: Storage;
  keys: KeyRing;
  config: Config;
  logger: Logger;
  clock: Clock;
  version: string;
  /** Folder of the built client; omitted in API-only tests. */
  staticRoot?: string;
  /** Password hashing cost; production parameters unless a test lowers them. */
  scrypt?: ScryptParams;
  /** Sends unexpected errors to Sentry/GlitchTip (PYB_SENTRY_DSN); absent sends nothing. */
  errorReporter?: ErrorReporter;
  /** Shared with jobs outside the app (the backup scheduler); created here when absent. */
  metrics?: Metrics;
}

/** docs/api.md: auth bodies are at most 16 KiB. */
const AUTH_BODY_LIMIT = 16 * 1024;

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.logger, deps.errorReporter));
  app.use(requestId());
  const metrics = deps.metrics ?? createMetrics(databaseFileOf(deps.storage));
  app.use(measureRequests(metrics));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ https: deps.config.publicUrl.protocol === 'https:' }));
  app.use(compressLarge());

  app.route('/', jwksRoutes(deps.keys));
  const { metricsToken: token, trustProxy } = deps.config;
  app.route('/', metricsRoutes(metrics, { token, trustProxy }));

  const auth = createAuthService(deps, (event) => metrics.authEvents.inc({ event }));
  const api = new Hono();
  api.route('/', healthRoutes(deps));
  api.route('/', openApiRoutes(deps.version));
  api.route('/error-reports', errorReportRoutes(deps, deps.errorReporter));
  for (const path of ['/auth/*', '/account', '/account/*']) {
    api.use(path, noStore, jsonBodyLimit(AUTH_BODY_LIMIT));
  }
  api.route('/auth', authRoutes(deps, auth));
  api.route('/account', accountRoutes(deps, auth));
  api.route(
    '/sync',
    syncRoutes(deps, auth, {
      onSync(pushed, applied, pulled) {
        metrics.syncCells.inc({ direction: 'pushed' }, pushed);
        metrics.syncCells.inc({ direction: 'applied' }, applied);
        metrics.syncCells.inc({ direction: 'pulled' }, pulled);
      },
    }),
  );
  api.all('*', apiNotFound);
  app.route('/api', api);

  if (deps.staticRoot) app.route('/', staticFiles(deps.staticRoot));
  app.notFound(apiNotFound);
  return app;
}

/** What the metrics report about the database: the SQLite file's size; nothing on PostgreSQL. */
export function databaseFileOf(storage: Storage): { databaseFile?: string } {
  return storage.engine === 'sqlite' ? { databaseFile: storage.location } : {};
}
