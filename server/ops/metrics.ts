// Prometheus metrics (prom-client), one registry per app so tests stay
// independent: process metrics, HTTP requests by route pattern (never the raw
// path: ids would explode the label set) and status, sync cells in and out, and
// auth events. GET /metrics needs Bearer PYB_METRICS_TOKEN when that is set and
// is otherwise served to loopback clients only (docs/api.md "Operations").
import { Hono, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { errorBody } from '../../shared/errors';
import { clientIp } from '../http/client-ip';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  return {
    registry,
    requests: new Counter({
      name: 'pyb_http_requests_total',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: labels,
      registers: [registry],
    }),
    duration: new Histogram({
      name: 'pyb_http_request_duration_seconds',
      help: 'HTTP request duration by method, route pattern and status',
      labelNames: labels,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    syncCells: new Counter({
      name: 'pyb_sync_cells_total',
      help: 'Sync cells: pushed, applied (won the merge) and pulled',
      labelNames: ['direction'] as const,
      registers: [registry],
    }),
    authEvents: new Counter({
      name: 'pyb_auth_events_total',
      help: 'Auth events by kind (the audit log)',
      labelNames: ['event'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

export function measureRequests(metrics: Metrics): MiddlewareHandler {
  return async function measure(c, next) {
    const start = performance.now();
    await next();
    // The pattern of the handler that answered: the first matched route that is
    // not middleware (`use` and the not-found catch-alls are registered as ALL).
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
    const labels = { method: c.req.method, route, status: c.res.status };
    metrics.requests.inc(labels);
    metrics.duration.observe(labels, (performance.now() - start) / 1000);
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function metricsRoutes(metrics: Metrics, token: string | null): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const allowed = token
      ? safeEqual(c.req.header('authorization') ?? '', `Bearer ${token}`)
      : LOOPBACK.test(clientIp(c, false)); // the socket, never a forwarded header
    if (!allowed && token) {
      return c.json(errorBody('unauthenticated', 'Send Authorization: Bearer <token>.'), 401);
    }
    // Without a token the endpoint does not exist for the outside world.
    if (!allowed) return c.json(errorBody('not_found', 'No route for GET /metrics'), 404);
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  });
  return app;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
