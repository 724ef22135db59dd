// createApp(deps) builds the whole HTTP application from its dependencies, so
// tests drive it in process with app.request() and main.ts only wires Node.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
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
import type { Db } from './db/open';
import { jsonBodyLimit } from './http/body-limit';
import { apiNotFound, createErrorHandler } from './http/error-handler';
import { noStore } from './http/no-store';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { syncRoutes } from './sync/routes';
import { healthRoutes } from './ops/health';
import { createMetrics, measureRequests, metricsRoutes } from './ops/metrics';
import { openApiRoutes } from './ops/openapi';

export interface AppDeps {
  db: Db;
  keys: KeyRing;
  config: Config;
  logger: Logger;
  clock: Clock;
  version: string;
  /** Folder of the built client; omitted in API-only tests. */
  staticRoot?: string;
  /** Password hashing cost; production parameters unless a test lowers them. */
  scrypt?: ScryptParams;
}

/** API.md: auth bodies are at most 16 KiB. */
const AUTH_BODY_LIMIT = 16 * 1024;

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.logger));
  app.use(requestId());
  const metrics = createMetrics();
  app.use(measureRequests(metrics));
  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ https: deps.config.publicUrl.protocol === 'https:' }));
  app.use(compress());

  app.route('/', jwksRoutes(deps.keys));
  app.route('/', metricsRoutes(metrics, deps.config.metricsToken));

  const auth = createAuthService(deps, (event) => metrics.authEvents.inc({ event }));
  const api = new Hono();
  api.route('/', healthRoutes(deps));
  api.route('/', openApiRoutes(deps.version));
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
