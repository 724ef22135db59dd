// The audit trail decided beside docs/api.md (no emails, tokens or full IPs: GDPR data minimisation): auth_events
// gets one row per security event, with the client IP anonymized (IPv4 /24,
// IPv6 /48, IPv4-mapped addresses unwrapped) and only a coarse browser class;
// never an email, password or token, neither there nor in the server log.
import { describe, expect, it } from 'vitest';
import { manualClock, type TestApp } from '../test-support/fixture';
import {
  authEvents,
  expectSession,
  login,
  PASSWORD,
  post,
  refresh,
  register,
  send,
  testApps,
  uniqueEmail,
  type Session,
} from '../test-support/auth-client';

const app = testApps();
const NEW_PASSWORD = 'Sturdy-Backpack-2026!';

const UA = {
  chrome:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  firefox: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  safari:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  other: 'SomeRandomApp/3.1 (Linux)',
};

/** An IP address in one canonical text form (RFC 5952 for IPv6), so `2001:db8:0::` = `2001:db8::`. */
const canonicalIp = (ip: string | null) =>
  ip === null ? null : ip.includes(':') ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip;

/** Runs every audited action once; returns the secrets that must never be stored or logged. */
async function fullStory(t: TestApp, clock: ReturnType<typeof manualClock>) {
  const email = uniqueEmail('Audit.Me');
  const s = await register(t.app, email, PASSWORD);
  const failed = await post(t.app, '/api/auth/login', {
    body: { email, password: 'Wrong-Guess-123' },
  });
  expect(failed.status).toBe(401);
  await post(t.app, '/api/auth/login', { body: { email: uniqueEmail(), password: PASSWORD } });
  const l = await login(t.app, email);
  const r = await expectSession(await refresh(t.app, l.refreshToken), 200);
  clock.advance(11_000);
  expect((await refresh(t.app, l.refreshToken)).status).toBe(401);
  const broken = `{"email":"${email}","password":"${PASSWORD}"`;
  await post(t.app, '/api/auth/login', { body: broken });
  expect((await send(t.app, 'GET', '/api/account/export', { bearer: s.accessToken })).status).toBe(
    200,
  );
  const changed = await expectSession(
    await post(t.app, '/api/auth/password', {
      bearer: s.accessToken,
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    }),
    200,
  );
  const again = await login(t.app, email, NEW_PASSWORD);
  await post(t.app, '/api/auth/logout', { body: {}, refreshToken: again.refreshToken });
  await post(t.app, '/api/auth/logout-all', { body: {}, bearer: changed.accessToken });
  const last = await login(t.app, email, NEW_PASSWORD);
  const del = await send(t.app, 'DELETE', '/api/account', {
    bearer: last.accessToken,
    body: { password: NEW_PASSWORD },
  });
  expect(del.status).toBe(204);
  const sessions: Session[] = [s, l, r, changed, again, last];
  return {
    userId: s.user.id,
    secrets: [
      email,
      email.toLowerCase(),
      PASSWORD,
      NEW_PASSWORD,
      'Wrong-Guess-123',
      ...sessions.flatMap((x) => [x.accessToken, x.refreshToken]),
    ],
  };
}

describe('auth_events audit rows', () => {
  it('records every security event of an account’s life, with the server clock', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const { userId } = await fullStory(t, clock);
    const events = (await authEvents(t)).map((e) => e.event);
    for (const event of [
      'register',
      'login_ok',
      'login_failed',
      'refresh_reused',
      'logout',
      'logout_all',
      'password_changed',
      'export',
      'account_deleted',
    ]) {
      expect(events, event).toContain(event);
    }
    expect(events.indexOf('register')).toBeLessThan(events.indexOf('account_deleted'));
    for (const row of await authEvents(t)) {
      expect(row.at).toBeGreaterThanOrEqual(Date.parse('2026-11-26T10:00:00.000Z'));
      expect(row.at).toBeLessThanOrEqual(clock.now());
    }
    // Deleting the account unlinks its audit rows from the user id (GDPR erasure).
    expect((await authEvents(t)).filter((e) => e.user_id === userId)).toEqual([]);
    expect((await authEvents(t)).every((e) => e.user_id === null)).toBe(true);
  });

  it('stores no email, password or token', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const { secrets } = await fullStory(t, clock);
    const stored = JSON.stringify(await authEvents(t));
    for (const secret of secrets) expect(stored).not.toContain(secret);
  });

  it('writes login_failed for an unknown email without a user id', async () => {
    const t = await app();
    await post(t.app, '/api/auth/login', { body: { email: uniqueEmail(), password: PASSWORD } });
    expect(await authEvents(t)).toEqual([
      expect.objectContaining({ event: 'login_failed', user_id: null }),
    ]);
  });

  it.each([
    ['203.0.113.7', '203.0.113.0'],
    ['198.51.100.255', '198.51.100.0'],
    ['::ffff:198.51.100.23', '198.51.100.0'],
    ['2001:db8:abcd:12:3456:789a:bcde:f012', '2001:db8:abcd::'],
    ['2001:db8::1', '2001:db8::'],
  ])('anonymizes the client IP %s to %s', async (ip, stored) => {
    const t = await app();
    const s = await register(t.app, uniqueEmail(), PASSWORD, { ip });
    const row = (await authEvents(t)).find((e) => e.event === 'register');
    expect(row?.user_id).toBe(s.user.id);
    expect(canonicalIp(row?.ip ?? null)).toBe(stored);
  });

  it('uses the rightmost X-Forwarded-For entry behind a trusted proxy', async () => {
    const t = await app({ env: { PYB_TRUST_PROXY: 'true' } });
    await register(t.app, uniqueEmail(), PASSWORD, {
      ip: '127.0.0.1',
      headers: { 'x-forwarded-for': '192.0.2.1, 203.0.113.77' },
    });
    expect((await authEvents(t))[0]).toMatchObject({ event: 'register', ip: '203.0.113.0' });
  });

  it.each(Object.entries(UA))(
    'stores the browser class %s for its user agent',
    async (kind, ua) => {
      const t = await app();
      await register(t.app, uniqueEmail(), PASSWORD, { headers: { 'user-agent': ua } });
      expect((await authEvents(t))[0]).toMatchObject({ event: 'register', ua: kind });
    },
  );

  it.each(['curl/8.5.0', 'python-requests/2.32.3', ''])(
    'stores a short class, never the raw user agent, for %j',
    async (ua) => {
      const t = await app();
      await register(t.app, uniqueEmail(), PASSWORD, { headers: { 'user-agent': ua } });
      expect((await authEvents(t))[0]?.ua).toMatch(/^[a-z]{1,16}$/);
    },
  );
});

describe('server log', () => {
  it('never contains the email, a password or a token', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const { secrets } = await fullStory(t, clock);
    const logged = JSON.stringify(t.logLines());
    expect(t.logLines().length).toBeGreaterThan(10);
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });
});
