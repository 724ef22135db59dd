// GET /api/health: 200 with the version when the database answers a query,
// otherwise 503, so a load balancer or uptime probe can tell a broken instance.
import { Hono } from 'hono';
import type { Storage } from '../storage/storage';
import { errorBody } from '../../shared/errors';

export function healthRoutes(deps: { storage: Pick<Storage, 'ping'>; version: string }): Hono {
  const app = new Hono();
  app.get('/health', async (c) => {
    try {
      await deps.storage.ping();
    } catch {
      return c.json(errorBody('service_unavailable', 'The database is not answering.'), 503);
    }
    return c.json({ status: 'ok', version: deps.version });
  });
  return app;
}
