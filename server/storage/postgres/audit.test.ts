// The audit log on the real engine: entries are stored anonymized as SQLite stores
// them, and purged after the retention period.
import { describe, expect, it } from 'vitest';
import { AUDIT_RETENTION_MS } from '../../auth/audit';
import { postgresPerTest } from '../../test-support/postgres-instances';
import { createPostgresAudit } from './audit';

const pg = postgresPerTest();
const T0 = 1_700_000_000_000;
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

describe('PostgreSQL audit log', () => {
  it('stores the network, not the address, and the browser class, not the user agent', async () => {
    const sql = await pg.instance();
    const audit = createPostgresAudit(sql);
    await audit.record({
      event: 'login_ok',
      at: T0,
      userId: 'u1',
      ip: '203.0.113.77',
      userAgent: FIREFOX,
    });
    await audit.record({
      event: 'login_failed',
      at: T0 + 1,
      userId: null,
      ip: '2001:db8:1:2::5',
      userAgent: undefined,
    });
    await audit.record({
      event: 'admin_enabled',
      at: T0 + 2,
      userId: 'u1',
      ip: '',
      userAgent: undefined,
    });
    const rows = await sql`SELECT at, event, user_id, ip, ua FROM auth_events ORDER BY id`;
    expect([...rows]).toEqual([
      { at: T0, event: 'login_ok', user_id: 'u1', ip: '203.0.113.0', ua: 'firefox' },
      { at: T0 + 1, event: 'login_failed', user_id: null, ip: '2001:db8:1::', ua: 'none' },
      { at: T0 + 2, event: 'admin_enabled', user_id: 'u1', ip: null, ua: 'none' },
    ]);
  });

  it('purges entries older than the retention period', async () => {
    const sql = await pg.instance();
    const audit = createPostgresAudit(sql);
    for (const at of [T0, T0 + 1, T0 + 2]) {
      await audit.record({ event: 'logout', at, userId: 'u1', ip: '', userAgent: undefined });
    }
    expect(await audit.purge(T0 + 2 + AUDIT_RETENTION_MS)).toBe(2);
    expect(await audit.purge(T0 + 2 + AUDIT_RETENTION_MS)).toBe(0);
    const rows = await sql`SELECT at FROM auth_events`;
    expect(rows.map((row) => row['at'])).toEqual([T0 + 2]);
  });
});
