// docs/api.md "Auth", refresh rotation: POST /api/auth/refresh with the pyb_rt
// cookie rotates it; the just-rotated token is honoured for 10 s (same
// successor), any other reuse revokes the whole family; idle life 30 days
// (extended by each rotation), absolute life 90 days; JSON content type only.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../test-support/fixture';
import {
  DAY_MS,
  expectError,
  expectSession,
  login,
  post,
  refresh,
  refreshCookie,
  refreshOutcome,
  register,
  testApps,
  tokenWorks,
} from '../test-support/auth-client';

const app = testApps();
const THIRTY_DAYS_S = 30 * 24 * 60 * 60;

async function clockedSession() {
  const clock = manualClock();
  const t = await app({ clock });
  const s = await register(t.app);
  return { clock, t, s };
}

describe('POST /api/auth/refresh: rotation', () => {
  it('answers 200 with a session of the same user and family and a new cookie', async () => {
    const { t, s } = await clockedSession();
    const r = await expectSession(await refresh(t.app, s.refreshToken), 200);
    expect(r.user).toEqual(s.user);
    expect(r.refreshToken).not.toBe(s.refreshToken);
    expect(decodeJwt(r.accessToken).sid).toBe(decodeJwt(s.accessToken).sid);
    const cookie = refreshCookie(r.res);
    expect(cookie?.attrs.get('httponly')).toBe(true);
    expect(String(cookie?.attrs.get('samesite')).toLowerCase()).toBe('strict');
    expect(cookie?.attrs.get('path')).toBe('/api/auth');
    expect(Number(cookie?.attrs.get('max-age'))).toBeGreaterThan(THIRTY_DAYS_S - 60);
    expect(await tokenWorks(t.app, r.accessToken)).toBe(true);
  });

  it('accepts application/json with a charset parameter', async () => {
    const { t, s } = await clockedSession();
    const res = await refresh(t.app, s.refreshToken, {
      contentType: 'application/json; charset=utf-8',
    });
    await expectSession(res, 200);
  });

  it('finds pyb_rt among other cookies', async () => {
    const { t, s } = await clockedSession();
    const res = await post(t.app, '/api/auth/refresh', {
      body: {},
      headers: { cookie: `theme=dark; pyb_rt=${s.refreshToken}; lang=en` },
    });
    await expectSession(res, 200);
  });

  it('answers 401 invalid_refresh without a cookie', async () => {
    const t = await app();
    const res = await post(t.app, '/api/auth/refresh', { body: {} });
    await expectError(res, 401, 'invalid_refresh');
  });

  it('answers 401 invalid_refresh for an unknown or empty cookie', async () => {
    const t = await app();
    await register(t.app);
    for (const token of ['A'.repeat(43), 'nope', '']) {
      await expectError(await refresh(t.app, token), 401, 'invalid_refresh');
    }
  });

  it.each([
    ['text/plain', '{}'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['multipart/form-data; boundary=x', '--x--'],
    [null, '{}'],
  ])('answers 415 for Content-Type %s and leaves the token unused', async (type, body) => {
    const { clock, t, s } = await clockedSession();
    const res = await post(t.app, '/api/auth/refresh', {
      body,
      contentType: type,
      refreshToken: s.refreshToken,
    });
    await expectError(res, 415, 'unsupported_media_type');
    expect(refreshCookie(res)).toBeNull();
    // Past the grace window, so a token the 415 had rotated would now count as reused.
    clock.advance(11_000);
    await expectSession(await refresh(t.app, s.refreshToken), 200);
  });
});

describe('POST /api/auth/refresh: grace window and reuse', () => {
  it('answers the just-rotated token within 10 s with the same successor cookie', async () => {
    const { clock, t, s } = await clockedSession();
    const first = await expectSession(await refresh(t.app, s.refreshToken), 200);
    clock.advance(9_000);
    const again = await expectSession(await refresh(t.app, s.refreshToken), 200);
    expect(again.refreshToken).toBe(first.refreshToken);
    expect(again.user).toEqual(s.user);
    expect(decodeJwt(again.accessToken).sid).toBe(decodeJwt(s.accessToken).sid);
    expect(await tokenWorks(t.app, again.accessToken)).toBe(true);
    // The family stays valid: the successor rotates as usual.
    await expectSession(await refresh(t.app, first.refreshToken), 200);
  });

  it('lets two concurrent refreshes with one token both succeed with the same successor', async () => {
    const { t, s } = await clockedSession();
    const [a, b] = await Promise.all([
      refresh(t.app, s.refreshToken),
      refresh(t.app, s.refreshToken),
    ]);
    const [sa, sb] = [await expectSession(a, 200), await expectSession(b, 200)];
    expect(sa.refreshToken).toBe(sb.refreshToken);
    expect(await tokenWorks(t.app, sa.accessToken)).toBe(true);
    expect(await tokenWorks(t.app, sb.accessToken)).toBe(true);
    await expectSession(await refresh(t.app, sa.refreshToken), 200);
  });

  it('answers the rotated token after 10 s with 401 refresh_reused and revokes the family', async () => {
    const { clock, t, s } = await clockedSession();
    const first = await expectSession(await refresh(t.app, s.refreshToken), 200);
    clock.advance(11_000);
    await expectError(await refresh(t.app, s.refreshToken), 401, 'refresh_reused');
    expect(await refreshOutcome(t.app, first.refreshToken)).toBe('invalid_refresh');
    expect(await tokenWorks(t.app, s.accessToken)).toBe(false);
    expect(await tokenWorks(t.app, first.accessToken)).toBe(false);
  });

  it('answers an older ancestor within 10 s of its rotation with the live token of the family', async () => {
    const { t, s } = await clockedSession();
    const r1 = await expectSession(await refresh(t.app, s.refreshToken), 200);
    const r2 = await expectSession(await refresh(t.app, r1.refreshToken), 200);
    const again = await expectSession(await refresh(t.app, s.refreshToken), 200);
    expect(again.refreshToken).toBe(r2.refreshToken);
    expect(await tokenWorks(t.app, r2.accessToken)).toBe(true);
    await expectSession(await refresh(t.app, r2.refreshToken), 200);
  });

  it('answers an older ancestor after 10 s with refresh_reused and revokes the newest token', async () => {
    const { clock, t, s } = await clockedSession();
    const r1 = await expectSession(await refresh(t.app, s.refreshToken), 200);
    const r2 = await expectSession(await refresh(t.app, r1.refreshToken), 200);
    clock.advance(11_000);
    await expectError(await refresh(t.app, s.refreshToken), 401, 'refresh_reused');
    expect(await refreshOutcome(t.app, r2.refreshToken)).toBe('invalid_refresh');
    expect(await tokenWorks(t.app, r2.accessToken)).toBe(false);
  });

  it('revokes the thief too: a stolen token used first, then the victim refreshes later', async () => {
    const { clock, t, s } = await clockedSession();
    const thief = await expectSession(await refresh(t.app, s.refreshToken), 200);
    clock.advance(60_000);
    await expectError(await refresh(t.app, s.refreshToken), 401, 'refresh_reused');
    expect(await refreshOutcome(t.app, thief.refreshToken)).toBe('invalid_refresh');
    expect(await tokenWorks(t.app, thief.accessToken)).toBe(false);
  });

  it("leaves the user's other families (devices) alone", async () => {
    const { clock, t, s } = await clockedSession();
    const phone = await login(t.app, s.user.email);
    await expectSession(await refresh(t.app, s.refreshToken), 200);
    clock.advance(11_000);
    await expectError(await refresh(t.app, s.refreshToken), 401, 'refresh_reused');
    expect(await tokenWorks(t.app, phone.accessToken)).toBe(true);
    await expectSession(await refresh(t.app, phone.refreshToken), 200);
  });
});

describe('POST /api/auth/refresh: lifetimes', () => {
  it('expires a token unused for more than 30 days (401 invalid_refresh)', async () => {
    const { clock, t, s } = await clockedSession();
    clock.advance(30 * DAY_MS + 1_000);
    expect(await refreshOutcome(t.app, s.refreshToken)).toBe('invalid_refresh');
  });

  it('extends the idle life with each rotation', async () => {
    const { clock, t, s } = await clockedSession();
    clock.advance(29 * DAY_MS);
    const r1 = await expectSession(await refresh(t.app, s.refreshToken), 200);
    clock.advance(29 * DAY_MS);
    const r2 = await expectSession(await refresh(t.app, r1.refreshToken), 200);
    const maxAge = Number(refreshCookie(r2.res)?.attrs.get('max-age'));
    expect(maxAge).toBeGreaterThan(THIRTY_DAYS_S - 60);
    clock.advance(30 * DAY_MS + 1_000);
    expect(await refreshOutcome(t.app, r2.refreshToken)).toBe('invalid_refresh');
  });

  it('ends the family 90 days after login even when used every 20 days', async () => {
    const { clock, t, s } = await clockedSession();
    let token = s.refreshToken;
    for (let day = 20; day <= 80; day += 20) {
      clock.advance(20 * DAY_MS);
      token = (await expectSession(await refresh(t.app, token), 200)).refreshToken;
    }
    clock.advance(10 * DAY_MS + 1_000);
    expect(await refreshOutcome(t.app, token)).toBe('invalid_refresh');
  });
});
