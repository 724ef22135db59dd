// docs/api.md "Auth": anything but a well-formed RS256 access token from this
// server, for a live session, is 401 unauthenticated (the JWT attack catalogue:
// cases 6-14). Forged tokens are signed with the server's own private key where
// the point is a claim or header check, so only that one check can reject them.
import { constants, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  encodeSegment,
  forgeJwt,
  hs256,
  omit,
  parts,
  rs256,
  unsigned,
  type Json,
} from '../test-support/jwt-forge';
import {
  expectError,
  register,
  send,
  testApps,
  tokenWorks,
  type Session,
} from '../test-support/auth-client';
import type { TestApp } from '../test-support/fixture';

const app = testApps();

interface Ctx {
  t: TestApp;
  s: Session;
  other: Session;
  header: Json;
  payload: Json;
  signature: string;
  key: KeyObject;
}

async function context(): Promise<Ctx> {
  const t = await app();
  const s = await register(t.app);
  const other = await register(t.app);
  return { t, s, other, ...parts(s.accessToken), key: t.deps.keys.current.privateKey };
}

let strangerKey: KeyObject;
beforeAll(() => {
  strangerKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
});

const publicPem = (c: Ctx, type: 'spki' | 'pkcs1') =>
  createPublicKey(c.key).export({ type, format: 'pem' }).toString();
const hourFromNow = () => Math.floor(Date.now() / 1000) + 3600;
const ps256: (key: KeyObject) => (input: string) => string = (key) => (input) =>
  sign('sha256', Buffer.from(input), {
    key,
    padding: constants.RSA_PKCS1_PSS_PADDING,
    saltLength: 32,
  }).toString('base64url');

describe('Bearer tokens the server must refuse (401 unauthenticated)', () => {
  it('control: the issued token, and the same claims re-signed with the server key, are accepted', async () => {
    const c = await context();
    expect(await tokenWorks(c.t.app, c.s.accessToken)).toBe(true);
    const copy = forgeJwt(c.header, c.payload, rs256(c.key));
    expect(await tokenWorks(c.t.app, copy)).toBe(true);
  });

  it.each<[string, (c: Ctx) => string]>([
    [
      'alg none without a signature',
      (c) => forgeJwt({ ...c.header, alg: 'none' }, c.payload, unsigned),
    ],
    [
      'alg none keeping the original signature',
      (c) =>
        `${encodeSegment({ ...c.header, alg: 'none' })}.${encodeSegment(c.payload)}.${c.signature}`,
    ],
    [
      'HS256 keyed with the public key as SPKI PEM',
      (c) => forgeJwt({ ...c.header, alg: 'HS256' }, c.payload, hs256(publicPem(c, 'spki'))),
    ],
    [
      'HS256 keyed with the public key as PKCS#1 PEM',
      (c) => forgeJwt({ ...c.header, alg: 'HS256' }, c.payload, hs256(publicPem(c, 'pkcs1'))),
    ],
    [
      'HS256 keyed with the JWK n string',
      (c) =>
        forgeJwt(
          { ...c.header, alg: 'HS256' },
          c.payload,
          hs256(String(c.t.deps.keys.current.publicJwk.n)),
        ),
    ],
    [
      'HS256 keyed with the JWK n bytes',
      (c) =>
        forgeJwt(
          { ...c.header, alg: 'HS256' },
          c.payload,
          hs256(Buffer.from(String(c.t.deps.keys.current.publicJwk.n), 'base64url')),
        ),
    ],
    [
      'PS256 signed with the server key',
      (c) => forgeJwt({ ...c.header, alg: 'PS256' }, c.payload, ps256(c.key)),
    ],
    [
      'RS256 signed with another key under the same kid',
      (c) => forgeJwt(c.header, c.payload, rs256(strangerKey)),
    ],
    [
      'an unknown kid',
      (c) => forgeJwt({ ...c.header, kid: 'not-a-known-kid' }, c.payload, rs256(c.key)),
    ],
    ['no kid', (c) => forgeJwt(omit(c.header, 'kid'), c.payload, rs256(c.key))],
    ['typ JWT', (c) => forgeJwt({ ...c.header, typ: 'JWT' }, c.payload, rs256(c.key))],
    ['no typ', (c) => forgeJwt(omit(c.header, 'typ'), c.payload, rs256(c.key))],
    [
      'a wrong iss',
      (c) => forgeJwt(c.header, { ...c.payload, iss: 'https://evil.example' }, rs256(c.key)),
    ],
    ['a wrong aud', (c) => forgeJwt(c.header, { ...c.payload, aud: 'someone-else' }, rs256(c.key))],
    [
      'an aud array without ours',
      (c) => forgeJwt(c.header, { ...c.payload, aud: ['api', 'other'] }, rs256(c.key)),
    ],
    ['no sub', (c) => forgeJwt(c.header, omit(c.payload, 'sub'), rs256(c.key))],
    ['no sid', (c) => forgeJwt(c.header, omit(c.payload, 'sid'), rs256(c.key))],
    ['no jti', (c) => forgeJwt(c.header, omit(c.payload, 'jti'), rs256(c.key))],
    ['no exp', (c) => forgeJwt(c.header, omit(c.payload, 'exp'), rs256(c.key))],
    [
      'a sid of no session',
      (c) => forgeJwt(c.header, { ...c.payload, sid: 'no-such-session' }, rs256(c.key)),
    ],
    [
      'a sid of another user’s live session',
      (c) =>
        forgeJwt(
          c.header,
          { ...c.payload, sid: parts(c.other.accessToken).payload['sid'] },
          rs256(c.key),
        ),
    ],
    [
      'iat an hour ahead',
      (c) =>
        forgeJwt(
          c.header,
          { ...c.payload, iat: hourFromNow(), exp: hourFromNow() + 900 },
          rs256(c.key),
        ),
    ],
    [
      'nbf an hour ahead',
      (c) => forgeJwt(c.header, { ...c.payload, nbf: hourFromNow() }, rs256(c.key)),
    ],
    [
      'another user as sub with the original signature',
      (c) =>
        `${encodeSegment(c.header)}.${encodeSegment({ ...c.payload, sub: c.other.user.id })}.${c.signature}`,
    ],
    [
      'a later exp with the original signature',
      (c) =>
        `${encodeSegment(c.header)}.${encodeSegment({ ...c.payload, exp: hourFromNow() })}.${c.signature}`,
    ],
    ['a truncated signature', (c) => c.s.accessToken.slice(0, -6)],
    ['an empty signature', (c) => `${c.s.accessToken.split('.').slice(0, 2).join('.')}.`],
    ['no signature segment', (c) => c.s.accessToken.split('.').slice(0, 2).join('.')],
    ['a fourth segment', (c) => `${c.s.accessToken}.AAAA`],
    ['a payload that is not base64url', (c) => c.s.accessToken.replace('.', '.*')],
    ['the refresh token', (c) => c.s.refreshToken],
    ['the empty JSON header and payload', () => `${encodeSegment({})}.${encodeSegment({})}.`],
  ])('refuses %s', async (_, make) => {
    const c = await context();
    const res = await send(c.t.app, 'GET', '/api/account', { bearer: make(c) });
    await expectError(res, 401, 'unauthenticated');
  });

  it('refuses a token without iat', async () => {
    const c = await context();
    const token = forgeJwt(c.header, omit(c.payload, 'iat'), rs256(c.key));
    expect(await tokenWorks(c.t.app, token)).toBe(false);
  });
});

describe('Authorization headers that are not a Bearer token (401 unauthenticated)', () => {
  it.each<[string, (token: string) => string]>([
    ['an empty header', () => ''],
    ['the bare word Bearer', () => 'Bearer'],
    ['Bearer and a space', () => 'Bearer '],
    ['a token without the Bearer scheme', (token) => token],
    ['the Basic scheme', () => 'Basic dXNlcjpwYXNzd29yZA=='],
    ['the Token scheme', (token) => `Token ${token}`],
    ['Bearer with two tokens', (token) => `Bearer ${token} ${token}`],
    ['Bearer and garbage', () => 'Bearer x.y.z'],
    ['binary garbage', () => '\u00ff\u00fe\u00fd'],
  ])('refuses %s', async (_, header) => {
    const t = await app();
    const s = await register(t.app);
    const res = await send(t.app, 'GET', '/api/account', {
      headers: { authorization: header(s.accessToken) },
    });
    await expectError(res, 401, 'unauthenticated');
  });

  it.each<[string, string, unknown]>([
    ['GET', '/api/account', undefined],
    ['GET', '/api/account/export', undefined],
    ['DELETE', '/api/account', { password: 'whatever it is' }],
    ['POST', '/api/auth/logout-all', {}],
    ['POST', '/api/auth/password', { currentPassword: 'a password', newPassword: 'b password' }],
  ])('%s %s without a token answers 401 unauthenticated', async (method, path, body) => {
    const t = await app();
    await expectError(await send(t.app, method, path, { body }), 401, 'unauthenticated');
  });
});
