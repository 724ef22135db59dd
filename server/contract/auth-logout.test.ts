// docs/api.md "Auth": ending sessions. POST /api/auth/logout (cookie) revokes one
// family, POST /api/auth/logout-all (Bearer) every family of the user, and
// POST /api/auth/password replaces them all with one new session. The server
// checks sid on every request, so access tokens of revoked families stop at once.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  expectError,
  expectSession,
  login,
  PASSWORD,
  post,
  refreshCookie,
  refreshOutcome,
  register,
  testApps,
  tokenWorks,
} from '../test-support/auth-client';

const app = testApps();
const NEW_PASSWORD = 'a brand new passphrase';

/** A user signed in on two devices. */
async function twoDevices() {
  const t = await app();
  const laptop = await register(t.app);
  const phone = await login(t.app, laptop.user.email);
  return { t, laptop, phone };
}

describe('POST /api/auth/logout', () => {
  it('answers 204, clears the cookie (Max-Age=0, Path=/api/auth) and revokes the family', async () => {
    const { t, laptop, phone } = await twoDevices();
    const res = await post(t.app, '/api/auth/logout', {
      body: {},
      refreshToken: laptop.refreshToken,
    });
    expect(res.status).toBe(204);
    const cookie = refreshCookie(res);
    expect(cookie?.value).toBe('');
    expect(cookie?.attrs.get('max-age')).toBe('0');
    expect(cookie?.attrs.get('path')).toBe('/api/auth');
    expect(await refreshOutcome(t.app, laptop.refreshToken)).toBe('invalid_refresh');
    expect(await tokenWorks(t.app, laptop.accessToken)).toBe(false);
    // The other device's family is untouched.
    expect(await tokenWorks(t.app, phone.accessToken)).toBe(true);
    expect(await refreshOutcome(t.app, phone.refreshToken)).toBe('ok');
  });

  it('answers 204 without a cookie or with an unknown one', async () => {
    const t = await app();
    expect((await post(t.app, '/api/auth/logout', { body: {} })).status).toBe(204);
    const res = await post(t.app, '/api/auth/logout', { body: {}, refreshToken: 'B'.repeat(43) });
    expect(res.status).toBe(204);
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', null])(
    'answers 415 for Content-Type %s and changes nothing',
    async (type) => {
      const t = await app();
      const s = await register(t.app);
      const res = await post(t.app, '/api/auth/logout', {
        body: type === null ? '{}' : 'x=1',
        contentType: type,
        refreshToken: s.refreshToken,
      });
      await expectError(res, 415, 'unsupported_media_type');
      expect(refreshCookie(res)).toBeNull();
      expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
      expect(await refreshOutcome(t.app, s.refreshToken)).toBe('ok');
    },
  );
});

describe('POST /api/auth/logout-all', () => {
  it('answers 204 and revokes every family of the user', async () => {
    const { t, laptop, phone } = await twoDevices();
    const other = await register(t.app);
    const res = await post(t.app, '/api/auth/logout-all', { bearer: phone.accessToken, body: {} });
    expect(res.status).toBe(204);
    for (const device of [laptop, phone]) {
      expect(await tokenWorks(t.app, device.accessToken)).toBe(false);
      expect(await refreshOutcome(t.app, device.refreshToken)).toBe('invalid_refresh');
    }
    // Another user is untouched, and this one can sign in again.
    expect(await tokenWorks(t.app, other.accessToken)).toBe(true);
    const again = await login(t.app, laptop.user.email);
    expect(await tokenWorks(t.app, again.accessToken)).toBe(true);
  });

  it('answers 401 unauthenticated without a valid Bearer token', async () => {
    const t = await app();
    const s = await register(t.app);
    await expectError(
      await post(t.app, '/api/auth/logout-all', { body: {} }),
      401,
      'unauthenticated',
    );
    const cookieOnly = await post(t.app, '/api/auth/logout-all', {
      body: {},
      refreshToken: s.refreshToken,
    });
    await expectError(cookieOnly, 401, 'unauthenticated');
    expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
  });
});

describe('POST /api/auth/password', () => {
  const change = (t: Awaited<ReturnType<typeof app>>, token: string, body: unknown) =>
    post(t.app, '/api/auth/password', { bearer: token, body: JSON.stringify(body) });

  it('answers 200 with a session of a new family and revokes every earlier one, the caller’s included', async () => {
    const { t, laptop, phone } = await twoDevices();
    const res = await change(t, laptop.accessToken, {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    const fresh = await expectSession(res, 200);
    expect(fresh.user).toEqual(laptop.user);
    const sid = decodeJwt(fresh.accessToken).sid;
    expect(sid).not.toBe(decodeJwt(laptop.accessToken).sid);
    expect(sid).not.toBe(decodeJwt(phone.accessToken).sid);
    for (const device of [laptop, phone]) {
      expect(await tokenWorks(t.app, device.accessToken)).toBe(false);
      expect(await refreshOutcome(t.app, device.refreshToken)).toBe('invalid_refresh');
    }
    expect(await tokenWorks(t.app, fresh.accessToken)).toBe(true);
    expect(await refreshOutcome(t.app, fresh.refreshToken)).toBe('ok');
  });

  it('makes the new password the only one that logs in', async () => {
    const t = await app();
    const s = await register(t.app);
    await expectSession(
      await change(t, s.accessToken, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
      200,
    );
    const old = await post(t.app, '/api/auth/login', {
      body: { email: s.user.email, password: PASSWORD },
    });
    await expectError(old, 401, 'invalid_credentials');
    await login(t.app, s.user.email, NEW_PASSWORD);
  });

  it('answers 401 invalid_credentials for a wrong current password and changes nothing', async () => {
    const t = await app();
    const s = await register(t.app);
    const res = await change(t, s.accessToken, {
      currentPassword: 'not my password',
      newPassword: NEW_PASSWORD,
    });
    await expectError(res, 401, 'invalid_credentials');
    expect(refreshCookie(res)).toBeNull();
    expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
    expect(await refreshOutcome(t.app, s.refreshToken)).toBe('ok');
    await login(t.app, s.user.email, PASSWORD);
  });

  it.each<[string, unknown]>([
    ['a new password of 7 characters', { currentPassword: PASSWORD, newPassword: 'x'.repeat(7) }],
    [
      'a new password of 257 characters',
      { currentPassword: PASSWORD, newPassword: 'x'.repeat(257) },
    ],
    ['no current password', { newPassword: NEW_PASSWORD }],
    ['a number as new password', { currentPassword: PASSWORD, newPassword: 123456789 }],
    ['an extra field', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD, email: 'x@y.z' }],
  ])('answers 400 invalid_request for %s and changes nothing', async (_, body) => {
    const t = await app();
    const s = await register(t.app);
    await expectError(await change(t, s.accessToken, body), 400, 'invalid_request');
    expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
    await login(t.app, s.user.email, PASSWORD);
  });

  it('answers 401 unauthenticated without a Bearer token', async () => {
    const t = await app();
    const res = await post(t.app, '/api/auth/password', {
      body: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    await expectError(res, 401, 'unauthenticated');
  });
});
