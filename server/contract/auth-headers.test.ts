// docs/api.md "Conventions": every /api/auth/* and /api/account* answer has
// Cache-Control: no-store (errors included: RFC 6749 §5.1 asks it of token
// answers), every answer has X-Content-Type-Options: nosniff, and every error
// is the JSON error body.
import { describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/errors';
import {
  PASSWORD,
  post,
  register,
  send,
  testApps,
  uniqueEmail,
  type App,
  type Session,
} from '../test-support/auth-client';

const app = testApps();

type Scenario = [string, (a: App, s: Session) => Promise<Response>];

const AUTH_AND_ACCOUNT: Scenario[] = [
  [
    'register 201',
    (a) => post(a, '/api/auth/register', { body: { email: uniqueEmail(), password: PASSWORD } }),
  ],
  [
    'register 400',
    (a) => post(a, '/api/auth/register', { body: { email: 'nope', password: PASSWORD } }),
  ],
  [
    'register 409',
    (a, s) => post(a, '/api/auth/register', { body: { email: s.user.email, password: PASSWORD } }),
  ],
  ['register 415', (a) => post(a, '/api/auth/register', { body: 'x', contentType: 'text/plain' })],
  [
    'login 200',
    (a, s) => post(a, '/api/auth/login', { body: { email: s.user.email, password: PASSWORD } }),
  ],
  [
    'login 401',
    (a, s) => post(a, '/api/auth/login', { body: { email: s.user.email, password: 'wrong one' } }),
  ],
  ['login 400', (a) => post(a, '/api/auth/login', { body: '{"email":' })],
  ['login 413', (a) => post(a, '/api/auth/login', { body: `{"a":"${'x'.repeat(17_000)}"}` })],
  [
    'refresh 200',
    (a, s) => post(a, '/api/auth/refresh', { body: {}, refreshToken: s.refreshToken }),
  ],
  ['refresh 401', (a) => post(a, '/api/auth/refresh', { body: {} })],
  [
    'refresh 415',
    (a, s) =>
      post(a, '/api/auth/refresh', {
        body: '{}',
        contentType: 'text/plain',
        refreshToken: s.refreshToken,
      }),
  ],
  ['logout 204', (a, s) => post(a, '/api/auth/logout', { body: {}, refreshToken: s.refreshToken })],
  [
    'logout-all 204',
    (a, s) => post(a, '/api/auth/logout-all', { body: {}, bearer: s.accessToken }),
  ],
  ['logout-all 401', (a) => post(a, '/api/auth/logout-all', { body: {} })],
  [
    'password 200',
    (a, s) =>
      post(a, '/api/auth/password', {
        bearer: s.accessToken,
        body: { currentPassword: PASSWORD, newPassword: 'new password 2' },
      }),
  ],
  [
    'password 401',
    (a, s) =>
      post(a, '/api/auth/password', {
        bearer: s.accessToken,
        body: { currentPassword: 'wrong one', newPassword: 'new password 2' },
      }),
  ],
  ['account 200', (a, s) => send(a, 'GET', '/api/account', { bearer: s.accessToken })],
  ['account 401', (a) => send(a, 'GET', '/api/account', { bearer: 'x.y.z' })],
  ['export 200', (a, s) => send(a, 'GET', '/api/account/export', { bearer: s.accessToken })],
  ['export 401', (a) => send(a, 'GET', '/api/account/export')],
  [
    'delete 401',
    (a, s) =>
      send(a, 'DELETE', '/api/account', { bearer: s.accessToken, body: { password: 'wrong one' } }),
  ],
  [
    'delete 204',
    (a, s) =>
      send(a, 'DELETE', '/api/account', { bearer: s.accessToken, body: { password: PASSWORD } }),
  ],
  ['unknown auth route 404', (a) => post(a, '/api/auth/nope', { body: {} })],
  [
    'unknown account route 404',
    (a, s) => send(a, 'GET', '/api/account/nope', { bearer: s.accessToken }),
  ],
];

describe('headers on auth and account answers', () => {
  it.each(AUTH_AND_ACCOUNT)('%s has Cache-Control: no-store and nosniff', async (name, run) => {
    const t = await app();
    const s = await register(t.app);
    const res = await run(t.app, s);
    expect(res.status, name).toBe(Number(name.split(' ').pop()));
    expect(res.headers.get('cache-control') ?? '').toContain('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    if (res.status >= 400) {
      expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
      expect(errorBodySchema.safeParse(await res.json()).success).toBe(true);
    }
  });

  it('the JWKS has nosniff too', async () => {
    const t = await app();
    const res = await send(t.app, 'GET', '/.well-known/jwks.json');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
