import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyFile, keysDir } from '../storage/sqlite/key-files';
import { createTestApp, manualClock, type TestApp } from '../test-support/fixture';
import { runToExit } from '../test-support/spawn-server';
import { runMaintenance } from './maintenance';

const DAY = 24 * 3600 * 1000;

describe('maintenance', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  it('purges audit entries older than 90 days and keeps newer ones', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    const insert = t.db.prepare(
      "INSERT INTO auth_events (at, event, user_id, ip, ua) VALUES (?, 'login_failed', NULL, NULL, 'none')",
    );
    insert.run(clock.now() - 91 * DAY);
    insert.run(clock.now() - 89 * DAY);
    const report = await runMaintenance(t.deps);
    expect(report.auditPurged).toBe(1);
    const left = t.db.prepare('SELECT count(*) AS n FROM auth_events').get() as { n: number };
    expect(left.n).toBe(1);
  });

  it('drops sessions that ended more than a week ago', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    const db = t.db;
    db.prepare(
      "INSERT INTO users (id, email, password_hash, created_at) VALUES ('u', 'u@x.io', 'h', 0)",
    ).run();
    const insert = db.prepare(
      "INSERT INTO sessions (id, user_id, created_at, expires_at, last_refresh_at, revoked_at) VALUES (?, 'u', 0, ?, ?, ?)",
    );
    const now = clock.now();
    insert.run('revoked-long-ago', now + DAY, now, now - 8 * DAY);
    insert.run('revoked-yesterday', now + DAY, now, now - DAY);
    insert.run('idle-40-days', now + DAY, now - 40 * DAY, null);
    insert.run('live', now + DAY, now, null);
    expect((await runMaintenance(t.deps)).sessionsPurged).toBe(2);
    const ids = db.prepare('SELECT id FROM sessions ORDER BY id').all() as { id: string }[];
    expect(ids.map((r) => r.id)).toEqual(['live', 'revoked-yesterday']);
  });

  it('reports whether a round ran the purges or found them claimed within the window', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    expect((await runMaintenance(t.deps, 60_000)).purges).toBe('ran');
    clock.advance(59_000);
    expect((await runMaintenance(t.deps, 60_000)).purges).toBe('skipped');
    expect((await runMaintenance(t.deps)).purges).toBe('ran'); // no window: always
    clock.advance(1_000);
    expect((await runMaintenance(t.deps, 60_000)).purges).toBe('ran');
  });

  it('publishes a rotated key at once and signs with it once it is two minutes old', async () => {
    const clock = manualClock(Date.now());
    t = await createTestApp({ clock });
    const old = t.deps.keys.current.kid;
    clock.advance(10 * 60_000); // the first key is well past its activation
    createKeyFile(t.deps.config.dataDir, new Date(clock.now()));
    await runMaintenance(t.deps);
    expect(t.deps.keys.published).toHaveLength(2);
    expect(t.deps.keys.current.kid).toBe(old);
    clock.advance(2 * 60_000 + 1000);
    const report = await runMaintenance(t.deps);
    expect(report.signingKid).not.toBe(old);
    expect(t.deps.keys.published.map((k) => k.kid)).toEqual([report.signingKid, old]);
  });

  it('picks up a key added by rotation and signs with it', async () => {
    t = await createTestApp();
    const before = t.deps.keys.current.kid;
    createKeyFile(t.deps.config.dataDir, new Date(Date.now() + 2000));
    const report = await runMaintenance(t.deps);
    expect(report.signingKid).not.toBe(before);
    expect(t.deps.keys.published.map((k) => k.kid)).toEqual([report.signingKid, before]);
    const jwks = (await (await t.app.request('/.well-known/jwks.json')).json()) as {
      keys: { kid: string }[];
    };
    expect(jwks.keys.map((k) => k.kid)).toEqual([report.signingKid, before]);
  });
});

describe('npm run rotate-keys', () => {
  it('adds a signing key and keeps the previous one', async () => {
    const t = await createTestApp();
    try {
      const dir = t.deps.config.dataDir;
      const { code, output } = await runToExit(
        process.execPath,
        ['--import', 'tsx', 'server/auth/rotate-keys-cli.ts'],
        { PYB_DATA_DIR: dir },
      );
      expect(output).toMatch(/New signing key \S+; published: \S+, \S+/);
      expect(code).toBe(0);
      expect(readdirSync(keysDir(dir)).filter((f) => f.endsWith('.pem'))).toHaveLength(2);
    } finally {
      t.close();
    }
  });
});
