// Debian's Prometheus scrapes the built server's /metrics with the bearer token
// (deploy/prometheus/prometheus.yml), a short load runs, and then every
// expression of the Grafana dashboard (deploy/grafana/packyourbag.json) is
// evaluated through Prometheus's HTTP API and must return data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHlc } from '../shared/hlc';
import { PROTOCOL_VERSION } from '../shared/protocol';
import { PACKAGE_ROOT } from '../server/paths';
import { startBuiltServer, type TestServer } from './support/server';
import { startPrometheus, type Prometheus } from './support/prometheus';
import { waitFor } from './support/services';

const TOKEN = 'prometheus-test-token-0123456789';

interface Dashboard {
  panels: { title: string; targets: { expr: string }[] }[];
}
const dashboard = JSON.parse(
  readFileSync(join(PACKAGE_ROOT, 'deploy/grafana/packyourbag.json'), 'utf8'),
) as Dashboard;
/** Grafana's variables, as Grafana would fill them for a short range. */
const fill = (expr: string) =>
  expr
    .replaceAll('$__rate_interval', '1m')
    .replaceAll('$__range', '5m')
    .replaceAll('$__interval', '15s');
const expressions = dashboard.panels.flatMap((p) =>
  p.targets.map((t) => ({ panel: p.title, expr: fill(t.expr) })),
);

describe('Prometheus and the Grafana dashboard', () => {
  let server: TestServer;
  let prometheus: Prometheus;
  beforeAll(async () => {
    server = await startBuiltServer({
      env: { PYB_TRUST_PROXY: 'true', PYB_METRICS_TOKEN: TOKEN },
    });
    prometheus = await startPrometheus(new URL(server.url).host, TOKEN);
  });
  afterAll(async () => {
    await prometheus?.stop();
    expect(await server?.close()).toBe(0);
  });

  /** A request from an internet client as a proxy would forward it. */
  const send = (path: string, body?: object, headers: Record<string, string> = {}) =>
    fetch(new URL(path, server.url), {
      method: body ? 'POST' : 'GET',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': '198.51.100.20',
        ...headers,
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('covers every area the self-hosting guide names', () => {
    const all = expressions.map((e) => e.expr).join('\n');
    for (const metric of [
      'pyb_http_requests_total',
      'pyb_http_request_duration_seconds_bucket',
      'pyb_sync_cells_total',
      'pyb_auth_events_total',
      'account_locked',
      'pyb_database_size_bytes',
      'pyb_database_wal_size_bytes',
      'pyb_backup_last_success_timestamp_seconds',
      'pyb_backup_failures_total',
      'process_resident_memory_bytes',
    ]) {
      expect(all).toContain(metric);
    }
  });

  it('evaluates every dashboard expression to data after a short load', async () => {
    // Load: a sign-up, a sync push and pull, wrong passwords up to a lockout, a 404.
    const signUp = await send('/api/auth/register', {
      email: 'watched@example.com',
      password: 'correct horse battery',
    });
    expect(signUp.status).toBe(201);
    const { accessToken } = (await signUp.json()) as { accessToken: string };
    const node = '00000000000000aa';
    const hlc = formatHlc({ millis: Date.now(), counter: 0, node });
    const sync = await send(
      '/api/sync',
      {
        protocol: PROTOCOL_VERSION,
        nodeId: node,
        since: '',
        changes: [{ table: 'items', id: 'i1', field: 'name', value: 'Tent', hlc }],
      },
      { authorization: `Bearer ${accessToken}` },
    );
    expect(sync.status).toBe(200);
    for (let i = 0; i < 5; i++) {
      const wrong = { email: 'watched@example.com', password: `wrong password ${i}` };
      expect((await send('/api/auth/login', wrong)).status).toBe(401);
    }
    expect((await send('/api/nope')).status).toBe(404);

    for (const { panel, expr } of expressions) {
      const result = await waitFor(`"${panel}": ${expr}`, async () => {
        const vector = await prometheus.query(expr);
        // A route seen once has no rate yet (its percentile is NaN, a gap in Grafana);
        // the panel has data when some series has a number.
        return vector.some((s) => Number.isFinite(Number(s.value[1]))) ? vector : undefined;
      });
      expect(result.length, panel).toBeGreaterThan(0);
    }
    // The lockout counted (its series existed at 0 before, so increase() sees it).
    await waitFor('the lockout in Prometheus', async () => {
      const locks = await prometheus.query(
        'sum(increase(pyb_auth_events_total{event="account_locked"}[5m]))',
      );
      return Number(locks[0]?.value[1]) > 0 ? true : undefined;
    });
    const database = await prometheus.query('pyb_database_size_bytes');
    expect(Number(database[0]?.value[1])).toBeGreaterThan(0);
  });
});
