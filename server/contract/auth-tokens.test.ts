// docs/api.md "Auth": the access token's header and claims, its 15-minute life with
// 30 s of clock tolerance, and the public keys at /.well-known/jwks.json that
// let anyone verify it.
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { manualClock } from '../test-support/fixture';
import {
  ACCESS_TTL_S,
  expectSession,
  issuerOf,
  login,
  refresh,
  register,
  send,
  testApps,
  tokenWorks,
} from '../test-support/auth-client';

const app = testApps();
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

describe('access token', () => {
  it('has the header {alg: RS256, typ: at+jwt, kid: the current key}', async () => {
    const t = await app();
    const s = await register(t.app);
    expect(decodeProtectedHeader(s.accessToken)).toEqual({
      alg: 'RS256',
      typ: 'at+jwt',
      kid: t.deps.keys.current.kid,
    });
  });

  it('has iss, aud packyourbag, sub, sid, jti, iat from the server clock and exp = iat + 900', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    const claims = decodeJwt(s.accessToken);
    const iat = Math.floor(clock.now() / 1000);
    expect(claims).toMatchObject({
      iss: issuerOf(t),
      aud: 'packyourbag',
      sub: s.user.id,
      sid: expect.any(String),
      jti: expect.any(String),
      iat,
      exp: iat + ACCESS_TTL_S,
    });
    expect(issuerOf(t)).toBe('http://localhost:8080');
  });

  it('keeps sid across a refresh and gives every token its own jti', async () => {
    const t = await app();
    const s = await register(t.app);
    const r = await expectSession(await refresh(t.app, s.refreshToken), 200);
    const l = await login(t.app, s.user.email);
    const [a, b, c] = [s, r, l].map((x) => decodeJwt(x.accessToken));
    expect(b?.sid).toBe(a?.sid);
    expect(c?.sid).not.toBe(a?.sid);
    expect(new Set([a?.jti, b?.jti, c?.jti]).size).toBe(3);
  });

  it('is accepted until 30 s after exp (20 s late → 200)', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    clock.advance((ACCESS_TTL_S + 20) * 1000);
    expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
  });

  it('is refused beyond the 30 s tolerance (31 s late → 401 unauthenticated)', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    clock.advance((ACCESS_TTL_S + 31) * 1000);
    expect(await tokenWorks(t.app, s.accessToken)).toBe(false);
  });

  it('from a refresh after expiry works again (the session outlives the access token)', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    clock.advance(2 * 60 * 60 * 1000);
    const r = await expectSession(await refresh(t.app, s.refreshToken), 200);
    expect(await tokenWorks(t.app, r.accessToken)).toBe(true);
    expect(decodeJwt(r.accessToken).iat).toBe(Math.floor(clock.now() / 1000));
  });
});

describe('GET /.well-known/jwks.json', () => {
  it('publishes RSA public keys with kid, alg RS256 and use sig, including the current key', async () => {
    const t = await app();
    const res = await send(t.app, 'GET', '/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/(jwk-set\+)?json/);
    const body = (await res.json()) as { keys: JWK[] };
    expect(body.keys.length).toBeGreaterThan(0);
    for (const key of body.keys) {
      expect(key).toMatchObject({
        kty: 'RSA',
        kid: expect.any(String),
        alg: 'RS256',
        use: 'sig',
        n: expect.any(String),
        e: expect.any(String),
      });
    }
    expect(body.keys.map((k) => k.kid)).toContain(t.deps.keys.current.kid);
  });

  it('has no private key members (d, p, q, dp, dq, qi)', async () => {
    const t = await app();
    const res = await send(t.app, 'GET', '/.well-known/jwks.json');
    const body = (await res.json()) as { keys: Record<string, unknown>[] };
    for (const key of body.keys) {
      for (const member of PRIVATE_MEMBERS) expect(key).not.toHaveProperty(member);
    }
  });

  it('verifies the access tokens the server issues (issuer, audience and typ included)', async () => {
    const clock = manualClock();
    const t = await app({ clock });
    const s = await register(t.app);
    const res = await send(t.app, 'GET', '/.well-known/jwks.json');
    const jwks = createLocalJWKSet((await res.json()) as { keys: JWK[] });
    const { payload } = await jwtVerify(s.accessToken, jwks, {
      algorithms: ['RS256'],
      issuer: issuerOf(t),
      audience: 'packyourbag',
      typ: 'at+jwt',
      currentDate: new Date(clock.now()),
    });
    expect(payload.sub).toBe(s.user.id);
  });
});
