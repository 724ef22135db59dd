// Operations on PostgreSQL: health follows the database, /metrics serves the process's
// figures (the SQLite file's size gauges are SQLite's alone), and the periodic purges
// run in one instance per round however many share the database.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../test-support/fixture';
import { runMaintenance } from './maintenance';

const DAY = 24 * 3600 * 1000;
const fromSocket = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

const apps: TestApp[] = [];
afterEach(async () => {
  // The instance sharing another's database goes first; the owner then drops it.
  for (const t of apps.splice(0).reverse()) await t.close();
});

async function app(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp({ engine: 'postgres', ...options });
  apps.push(t);
  return t;
}

describe('operations on PostgreSQL', () => {
  it('/api/health answers 200 while the database answers, 503 once it does not', async () => {
    const t = await app();
    const ok = await t.app.request('/api/health');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 'ok' });
    await t.deps.storage.close();
    const down = await t.app.request('/api/health');
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ error: { code: 'service_unavailable' } });
  });

  it('/metrics serves the request figures and no SQLite file gauge', async () => {
    const t = await app();
    await t.app.request('/api/health');
    const text = await (await t.app.request('/metrics', {}, fromSocket('127.0.0.1'))).text();
    expect(text).toMatch(
      /pyb_http_requests_total\{method="GET",route="\/api\/health",status="200"\} 1/,
    );
    expect(text).not.toContain('pyb_database_size_bytes');
  });

  it('purges in one of two instances per round, and again a round later', async () => {
    const clock = manualClock();
    const first = await app({ clock });
    const url = first.databaseUrl ?? '';
    const second = await app({ clock, databaseUrl: url });
    const plantOld = () =>
      first.query(
        "INSERT INTO auth_events (at, event, user_id, ip, ua) VALUES (?, 'login_failed', NULL, NULL, 'none')",
        clock.now() - 91 * DAY,
      );
    const round = async () => {
      const reports = await Promise.all([first, second].map((t) => runMaintenance(t.deps, 54_000)));
      return reports.map((report) => report.auditPurged).sort();
    };
    await plantOld();
    await plantOld();
    expect(await round()).toEqual([0, 2]);
    await plantOld();
    clock.advance(30_000); // within the round: nobody purges
    expect(await round()).toEqual([0, 0]);
    clock.advance(30_000); // the next round: one instance purges
    expect(await round()).toEqual([0, 1]);
  });
});
