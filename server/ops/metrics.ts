// Prometheus metrics (prom-client), one registry per app so tests stay
// independent: process metrics, HTTP requests by route pattern (never the raw
// path: ids would explode the label set) and status, sync cells in and out, and
// auth events, database and WAL file size (read at scrape time) and backups.
// GET /metrics needs Bearer PYB_METRICS_TOKEN when that is set; without one it is
// served to loopback clients only, and never behind a proxy (PYB_TRUST_PROXY):
// there every request arrives from the proxy on loopback, the internet included.
import { Hono, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import { timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { errorBody } from '../../shared/errors';
import { AUTH_EVENTS } from '../auth/audit';
import { clientIp } from '../http/client-ip';

/** Size of a file in bytes; 0 when it does not exist (no WAL right after a checkpoint). */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** `databaseFile`: the SQLite file whose size (and its -wal's) each scrape reports. */
export function createMetrics(options: { databaseFile?: string } = {}) {
  const registry = new Registry();
  const { databaseFile } = options;
  if (databaseFile) {
    for (const [name, help, file] of [
      ['pyb_database_size_bytes', 'Size of the SQLite database file', databaseFile],
      ['pyb_database_wal_size_bytes', 'Size of the SQLite write-ahead log', `${databaseFile}-wal`],
    ] as const) {
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(fileSize(file));
        },
      });
    }
  }
  collectDefaultMetrics({ register: registry });
  const labels = ['method', 'route', 'status'] as const;
  const metrics = {
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
    /** Set by the backup scheduler after a verified backup; 0 until the first one. */
    backupLastSuccess: new Gauge({
      name: 'pyb_backup_last_success_timestamp_seconds',
      help: 'Unix time of the last verified backup (0 = never)',
      registers: [registry],
    }),
    backupFailures: new Counter({
      name: 'pyb_backup_failures_total',
      help: 'Backups that failed or did not verify',
      registers: [registry],
    }),
  };
  // Known label values start at 0: Prometheus's increase() only sees a change
  // after a series exists, so a first lockout would otherwise never show.
  for (const event of AUTH_EVENTS) metrics.authEvents.inc({ event }, 0);
  for (const direction of ['pushed', 'applied', 'pulled']) metrics.syncCells.inc({ direction }, 0);
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Counts and times every request. The time also goes back to the caller as
 * `Server-Timing: app;dur=<ms>`, so a load test can tell the server's own handling
 * time from the time its requests spent queued in the network or in its own event loop.
 */
export function measureRequests(metrics: Metrics): MiddlewareHandler {
  return async function measure(c, next) {
    const start = performance.now();
    await next();
    const ms = performance.now() - start;
    // The pattern of the handler that answered: the first matched route that is
    // not middleware (`use` and the not-found catch-alls are registered as ALL).
    const route = matchedRoutes(c).find((r) => r.method !== 'ALL')?.path ?? 'unmatched';
    const labels = { method: c.req.method, route, status: c.res.status };
    metrics.requests.inc(labels);
    metrics.duration.observe(labels, ms / 1000);
    // On the response's own headers: c.header() after next() rebuilds the response as a
    // stream, which costs @hono/node-server its direct write of the body.
    c.res.headers.set('Server-Timing', `app;dur=${ms.toFixed(1)}`);
  };
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function metricsRoutes(
  metrics: Metrics,
  options: { token: string | null; trustProxy: boolean },
): Hono {
  const { token, trustProxy } = options;
  const app = new Hono();
  app.get('/metrics', async (c) => {
    const allowed = token
      ? safeEqual(c.req.header('authorization') ?? '', `Bearer ${token}`)
      : // The socket, never a forwarded header; behind a proxy the socket is the proxy.
        !trustProxy && LOOPBACK.test(clientIp(c, false));
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
