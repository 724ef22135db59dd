// docs/api.md "Limits" (rate limits) and "Auth" (lockout): 10 login and 10
// register attempts a minute per client IP, the socket address unless a
// trusted proxy is configured (then the rightmost X-Forwarded-For entry); and
// after 5 failed logins in 15 minutes an account refuses even the right
// password for 15 minutes, with the same answer as a wrong password.
import { describe, expect, it } from 'vitest';
import { manualClock } from '../test-support/fixture';
import {
  expectError,
  login,
  PASSWORD,
  post,
  register,
  testApps,
  uniqueEmail,
  type App,
  type SendOptions,
} from '../test-support/auth-client';

const app = testApps();
const MINUTE_MS = 60_000;

const attempt = (a: App, email: string, password: string, options: SendOptions = {}) =>
  post(a, '/api/auth/login', { body: { email, password }, ...options });

async function expectRateLimited(res: Response) {
  await expectError(res, 429, 'rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(res.headers.get('cache-control')).toContain('no-store');
}

describe('account lockout after 5 failed logins in 15 minutes', () => {
  it('refuses the right password on the 6th attempt with the wrong-password body, then lets it in after 15 minutes', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    let wrongBody = '';
    for (let i = 0; i < 5; i += 1) {
      clock.advance(MINUTE_MS);
      wrongBody = await expectError(
        await attempt(t.app, s.user.email, 'wrong password'),
        401,
        'invalid_credentials',
      );
    }
    const locked = await attempt(t.app, s.user.email, PASSWORD);
    expect(await expectError(locked, 401, 'invalid_credentials')).toBe(wrongBody);
    clock.advance(14 * MINUTE_MS);
    await expectError(await attempt(t.app, s.user.email, PASSWORD), 401, 'invalid_credentials');
    clock.advance(MINUTE_MS + 1_000);
    await login(t.app, s.user.email);
  });

  it('does not let a right guess through when it was sent together with many wrong ones', async () => {
    const t = await app({ clock: manualClock() });
    const s = await register(t.app);
    // Each from its own IP, all at once: every one passes the lock check before any
    // hash is done, so the lock must be checked again after the hash.
    const guesses = [...Array.from({ length: 20 }, () => 'wrong password'), PASSWORD];
    const answers = await Promise.all(guesses.map((p) => attempt(t.app, s.user.email, p)));
    expect(answers.map((r) => r.status)).toEqual(guesses.map(() => 401));
  });

  it('locks only the account under attack', async () => {
    const t = await app({ clock: manualClock() });
    const victim = await register(t.app);
    const bystander = await register(t.app);
    for (let i = 0; i < 5; i += 1) {
      await expectError(
        await attempt(t.app, victim.user.email, 'wrong password'),
        401,
        'invalid_credentials',
      );
    }
    // The victim is locked: the right password is refused...
    await expectError(
      await attempt(t.app, victim.user.email, PASSWORD),
      401,
      'invalid_credentials',
    );
    // ...the bystander is not.
    await login(t.app, bystander.user.email);
    // Sessions that already exist keep working.
    const res = await post(t.app, '/api/auth/refresh', {
      body: {},
      refreshToken: victim.refreshToken,
    });
    expect(res.status).toBe(200);
  });

  it('counts any 15 minutes: 3 failures at minute 14 and 2 at minute 16 lock the account', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    await attempt(t.app, s.user.email, 'wrong password');
    clock.advance(14 * MINUTE_MS);
    for (let i = 0; i < 3; i += 1) await attempt(t.app, s.user.email, 'wrong password');
    clock.advance(2 * MINUTE_MS);
    for (let i = 0; i < 2; i += 1) await attempt(t.app, s.user.email, 'wrong password');
    // Five failures within the last 2 minutes: locked, whatever the password.
    await expectError(await attempt(t.app, s.user.email, PASSWORD), 401, 'invalid_credentials');
  });

  it('does not lock for failures spread over more than 15 minutes', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    for (let i = 0; i < 4; i += 1) await attempt(t.app, s.user.email, 'wrong password');
    clock.advance(16 * MINUTE_MS);
    await attempt(t.app, s.user.email, 'wrong password');
    await login(t.app, s.user.email);
  });
});

describe('rate limits: 10 login/register attempts a minute per client IP', () => {
  it('answers the 11th login from one IP with 429 rate_limited and Retry-After', async () => {
    const t = await app();
    const ip = '203.0.113.7';
    for (let i = 0; i < 10; i += 1) {
      const res = await attempt(t.app, uniqueEmail(), 'wrong password', { ip });
      await expectError(res, 401, 'invalid_credentials');
    }
    await expectRateLimited(await attempt(t.app, uniqueEmail(), 'wrong password', { ip }));
    // Even the right credentials wait; another IP does not.
    const s = await register(t.app);
    await expectRateLimited(await attempt(t.app, s.user.email, PASSWORD, { ip }));
    await login(t.app, s.user.email, PASSWORD, { ip: '203.0.113.8' });
  });

  it('answers the 11th register from one IP with 429, counted apart from logins', async () => {
    const t = await app();
    const ip = '198.51.100.20';
    for (let i = 0; i < 10; i += 1) await register(t.app, uniqueEmail(), PASSWORD, { ip });
    const res = await post(t.app, '/api/auth/register', {
      body: { email: uniqueEmail(), password: PASSWORD },
      ip,
    });
    await expectRateLimited(res);
    await expectError(
      await attempt(t.app, uniqueEmail(), 'wrong password', { ip }),
      401,
      'invalid_credentials',
    );
  });

  it('ignores X-Forwarded-For without PYB_TRUST_PROXY (a spoofed header cannot dodge the limit)', async () => {
    const t = await app();
    const ip = '203.0.113.50';
    for (let i = 0; i < 10; i += 1) {
      const headers = { 'x-forwarded-for': `192.0.2.${i + 1}` };
      await attempt(t.app, uniqueEmail(), 'wrong password', { ip, headers });
    }
    const headers = { 'x-forwarded-for': '192.0.2.99' };
    await expectRateLimited(await attempt(t.app, uniqueEmail(), 'wrong password', { ip, headers }));
  });

  it('with PYB_TRUST_PROXY=true keys on the rightmost X-Forwarded-For entry', async () => {
    const t = await app({ env: { PYB_TRUST_PROXY: 'true' } });
    const proxy = '127.0.0.1';
    const client = '203.0.113.60';
    for (let i = 0; i < 10; i += 1) {
      const headers = { 'x-forwarded-for': `192.0.2.${i + 1}, ${client}` };
      await attempt(t.app, uniqueEmail(), 'wrong password', { ip: proxy, headers });
    }
    // A different spoofed left part does not help: the proxy's entry decides.
    const spoofed = { 'x-forwarded-for': `192.0.2.200, ${client}` };
    await expectRateLimited(
      await attempt(t.app, uniqueEmail(), 'wrong password', { ip: proxy, headers: spoofed }),
    );
    // Another client behind the same proxy is not limited.
    const other = { 'x-forwarded-for': `${client}, 203.0.113.61` };
    const res = await attempt(t.app, uniqueEmail(), 'wrong password', {
      ip: proxy,
      headers: other,
    });
    await expectError(res, 401, 'invalid_credentials');
  });
});
