// docs/api.md "Auth": POST /api/auth/register and POST /api/auth/login, the session
// body they answer with, and the pyb_rt cookie that carries the refresh token.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../test-support/fixture';
import {
  expectError,
  login,
  PASSWORD,
  post,
  refreshCookie,
  register,
  testApps,
  uniqueEmail,
} from '../test-support/auth-client';

const app = testApps();
const ID = /^[A-Za-z0-9:_-]{1,80}$/;
const THIRTY_DAYS_S = 30 * 24 * 60 * 60;

describe('POST /api/auth/register', () => {
  it('answers 201 with {user, accessToken, expiresIn: 900} and no refresh token in the body', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const email = uniqueEmail();
    const s = await register(t.app, email);
    expect(s.user).toEqual({
      id: expect.stringMatching(ID),
      email,
      createdAt: new Date(clock.now()).toISOString(),
    });
    expect(s.expiresIn).toBe(900);
    expect(decodeJwt(s.accessToken).sub).toBe(s.user.id);
  });

  it('sets pyb_rt with HttpOnly; SameSite=Strict; Path=/api/auth; Max-Age of 30 days; no Secure on http', async () => {
    const t = await app();
    const s = await register(t.app);
    const cookie = refreshCookie(s.res);
    expect(cookie?.attrs.get('httponly')).toBe(true);
    expect(String(cookie?.attrs.get('samesite')).toLowerCase()).toBe('strict');
    expect(cookie?.attrs.get('path')).toBe('/api/auth');
    const maxAge = Number(cookie?.attrs.get('max-age'));
    expect(maxAge).toBeGreaterThan(THIRTY_DAYS_S - 60);
    expect(maxAge).toBeLessThanOrEqual(THIRTY_DAYS_S);
    expect(cookie?.attrs.has('secure')).toBe(false);
  });

  it('adds Secure to the cookie and HSTS when the public URL is https', async () => {
    const t = await app({ env: { PYB_PUBLIC_URL: 'https://pack.example.com/' } });
    const s = await register(t.app);
    expect(refreshCookie(s.res)?.attrs.get('secure')).toBe(true);
    expect(s.res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(decodeJwt(s.accessToken).iss).toBe('https://pack.example.com');
  });

  it('gives every session a different refresh token of at least 256 bits', async () => {
    const t = await app();
    const a = await register(t.app);
    const b = await login(t.app, a.user.email);
    expect(b.refreshToken).not.toBe(a.refreshToken);
    expect(b.refreshToken.length).toBeGreaterThanOrEqual(43);
  });

  it('stores the email lower-cased', async () => {
    const t = await app();
    const email = uniqueEmail('Mixed.Case');
    const s = await register(t.app, email.toUpperCase());
    expect(s.user.email).toBe(email.toLowerCase());
  });

  it.each([
    ['8 characters', 'x'.repeat(8)],
    ['256 characters', 'y'.repeat(256)],
  ])('accepts a password of %s', async (_, password) => {
    const t = await app();
    await register(t.app, uniqueEmail(), password);
  });

  it('accepts an email of 254 characters', async () => {
    const t = await app();
    const domain = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(57)}.com`;
    const email = `${'u'.repeat(64)}@${domain}`;
    expect(email).toHaveLength(254);
    await register(t.app, email);
  });

  const ok = () => ({ email: uniqueEmail(), password: PASSWORD });
  const tooLongEmail = `${'u'.repeat(64)}@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(58)}.com`;
  it.each<[string, () => unknown]>([
    ['an email without @', () => ({ ...ok(), email: 'not-an-email' })],
    ['an email without a domain', () => ({ ...ok(), email: 'a@' })],
    ['an email without a local part', () => ({ ...ok(), email: '@example.com' })],
    ['an email with a space', () => ({ ...ok(), email: 'a b@example.com' })],
    ['an empty email', () => ({ ...ok(), email: '' })],
    ['an email of 255 characters', () => ({ ...ok(), email: tooLongEmail })],
    ['an email of 10 000 characters', () => ({ ...ok(), email: `a@b${'c'.repeat(10_000)}.com` })],
    ['a password of 7 characters', () => ({ ...ok(), password: 'x'.repeat(7) })],
    ['a password of 257 characters', () => ({ ...ok(), password: 'x'.repeat(257) })],
    ['an empty password', () => ({ ...ok(), password: '' })],
    ['a number as email', () => ({ ...ok(), email: 42 })],
    ['an array as email', () => ({ ...ok(), email: [uniqueEmail()] })],
    ['a number as password', () => ({ ...ok(), password: 12345678 })],
    ['a null password', () => ({ ...ok(), password: null })],
    ['no password', () => ({ email: uniqueEmail() })],
    ['no email', () => ({ password: PASSWORD })],
    ['an extra field', () => ({ ...ok(), admin: true })],
    ['an empty object', () => ({})],
    ['an array', () => [ok()]],
    ['a JSON string', () => 'x'],
    ['JSON null', () => null],
  ])('answers 400 invalid_request for %s', async (_, body) => {
    const t = await app();
    const value = body();
    const res = await post(t.app, '/api/auth/register', { body: JSON.stringify(value) });
    await expectError(res, 400, 'invalid_request');
    expect(refreshCookie(res)).toBeNull();
  });

  it('answers 409 email_taken for a registered email, whatever its case', async () => {
    const t = await app();
    const s = await register(t.app);
    for (const email of [s.user.email, s.user.email.toUpperCase()]) {
      const res = await post(t.app, '/api/auth/register', {
        body: { email, password: 'another password' },
      });
      await expectError(res, 409, 'email_taken');
    }
    // The first account is untouched: its password still works.
    await login(t.app, s.user.email);
  });

  it('lets exactly one of two simultaneous registrations of an email win (201 + 409, no 5xx)', async () => {
    const t = await app();
    const email = uniqueEmail();
    const results = await Promise.all(
      [email, email.toUpperCase(), email].map((e) =>
        post(t.app, '/api/auth/register', { body: { email: e, password: PASSWORD } }),
      ),
    );
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409]);
  });

  it('handles a NUL byte in the password consistently: refused, or the same password logs in', async () => {
    const t = await app();
    const email = uniqueEmail();
    const password = 'before\u0000after-nul';
    const res = await post(t.app, '/api/auth/register', { body: { email, password } });
    if (res.status === 400) return void (await expectError(res, 400, 'invalid_request'));
    expect(res.status).toBe(201);
    await login(t.app, email, password);
    const truncated = await post(t.app, '/api/auth/login', { body: { email, password: 'before' } });
    expect(truncated.status).not.toBe(200);
  });

  it('answers 403 signup_disabled when PYB_ALLOW_SIGNUP=false', async () => {
    const t = await app({ env: { PYB_ALLOW_SIGNUP: 'false' } });
    const res = await post(t.app, '/api/auth/register', { body: ok() });
    await expectError(res, 403, 'signup_disabled');
    expect(refreshCookie(res)).toBeNull();
  });
});

describe('POST /api/auth/login', () => {
  it('answers 200 with a session of the registered user and a new family', async () => {
    const t = await app();
    const s = await register(t.app);
    const l = await login(t.app, s.user.email);
    expect(l.user).toEqual(s.user);
    expect(decodeJwt(l.accessToken).sid).not.toBe(decodeJwt(s.accessToken).sid);
    expect(refreshCookie(l.res)?.attrs.get('path')).toBe('/api/auth');
  });

  it('compares emails case-insensitively and ignores surrounding spaces', async () => {
    const t = await app();
    const s = await register(t.app);
    for (const email of [s.user.email.toUpperCase(), `  ${s.user.email}\t`]) {
      const l = await login(t.app, email);
      expect(l.user.id).toBe(s.user.id);
    }
  });

  it('answers 401 invalid_credentials with byte-identical bodies for an unknown email and a wrong password', async () => {
    const t = await app();
    const s = await register(t.app);
    const wrong = await post(t.app, '/api/auth/login', {
      body: { email: s.user.email, password: 'wrong password' },
    });
    const unknown = await post(t.app, '/api/auth/login', {
      body: { email: uniqueEmail(), password: 'wrong password' },
    });
    const wrongText = await expectError(wrong, 401, 'invalid_credentials');
    const unknownText = await expectError(unknown, 401, 'invalid_credentials');
    expect(unknownText).toBe(wrongText);
    expect(unknown.headers.get('content-type')).toBe(wrong.headers.get('content-type'));
    expect(refreshCookie(wrong)).toBeNull();
    expect(refreshCookie(unknown)).toBeNull();
  });

  it('does not accept the password in another case', async () => {
    const t = await app();
    const s = await register(t.app);
    const res = await post(t.app, '/api/auth/login', {
      body: { email: s.user.email, password: PASSWORD.toUpperCase() },
    });
    await expectError(res, 401, 'invalid_credentials');
  });

  it('accepts the password typed in NFD when it was set in NFC', async () => {
    const t = await app();
    const nfc = 'caf\u00e9-ol\u00e9-pass';
    const s = await register(t.app, uniqueEmail(), nfc);
    await login(t.app, s.user.email, nfc.normalize('NFD'));
  });

  it.each<[string, unknown]>([
    ['no password', { email: 'a@example.com' }],
    ['a number as password', { email: 'a@example.com', password: 12345678 }],
    ['an extra field', { email: 'a@example.com', password: PASSWORD, remember: true }],
    ['an array', []],
  ])('answers 400 invalid_request for %s', async (_, body) => {
    const t = await app();
    const res = await post(t.app, '/api/auth/login', { body: JSON.stringify(body) });
    await expectError(res, 400, 'invalid_request');
  });
});
