// createApp(deps) builds the whole HTTP application from its dependencies, so
// tests drive it in process with app.request() and main.ts only wires Node.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { requestId } from 'hono/request-id';
import type { Logger } from 'pino';
import type { KeyRing } from './auth/keys';
import type { Config } from './config';
import type { Db } from './db/open';
import { apiNotFound, createErrorHandler } from './http/error-handler';
import { requestLog } from './http/request-log';
import { securityHeaders } from './http/security-headers';
import { staticFiles } from './http/static-files';
import { healthRoutes } from './ops/health';

export interface Clock {
  now(): number;
}

export interface AppDeps {
  db: Db;
  keys: KeyRing;
  config: Config;
  logger: Logger;
  clock: Clock;
  version: string;
  /** Folder of the built client; omitted in API-only tests. */
  staticRoot?: string;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.onError(createErrorHandler(deps.logger));
  app.use(requestId());
  app.use(requestLog(deps.logger));
  app.use(securityHeaders({ https: deps.config.publicUrl.protocol === 'https:' }));
  app.use(compress());

  const api = new Hono();
  api.route('/', healthRoutes(deps));
  api.all('*', apiNotFound);
  app.route('/api', api);

  if (deps.staticRoot) app.route('/', staticFiles(deps.staticRoot));
  app.notFound(apiNotFound);
  return app;
}
