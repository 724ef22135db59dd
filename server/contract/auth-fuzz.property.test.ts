// docs/api.md "Conventions": "never a 5xx for bad input", and every error is the
// JSON error body. Random bodies, content types, cookies and Authorization
// headers go to every auth and account route; the seed is the project's fixed
// one (shared/test-support/property.ts), so a failure replays with PYB_SEED.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorBodySchema } from '../../shared/errors';
import { PROPERTY_SEED } from '../../shared/test-support/property';
import { createTestApp, type TestApp } from '../test-support/fixture';
import { connEnv, PASSWORD, register, type Session } from '../test-support/auth-client';

const ROUTES = [
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/refresh'],
  ['POST', '/api/auth/logout'],
  ['POST', '/api/auth/logout-all'],
  ['POST', '/api/auth/password'],
  ['GET', '/api/account'],
  ['GET', '/api/account/export'],
  ['DELETE', '/api/account'],
] as const;

const jsonish = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc
    .record(
      {
        email: fc.oneof(fc.emailAddress(), fc.string(), fc.jsonValue()),
        password: fc.oneof(fc.string({ maxLength: 300 }), fc.constant(PASSWORD), fc.jsonValue()),
        currentPassword: fc.oneof(fc.string(), fc.constant(PASSWORD)),
        newPassword: fc.string({ maxLength: 300 }),
      },
      { requiredKeys: [] },
    )
    .map((v) => JSON.stringify(v)),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constant('{"__proto__": {"admin": true}, "constructor": {"prototype": {}}}'),
);

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'application/jsonx',
  '',
);

const request = fc.record({
  route: fc.constantFrom(...ROUTES),
  body: fc.option(jsonish, { nil: undefined }),
  type: fc.option(contentType, { nil: undefined }),
  auth: fc.constantFrom('valid', 'none', 'garbage', 'refresh-as-bearer'),
  cookie: fc.constantFrom('valid', 'none', 'garbage', 'twice'),
  ip: fc.ipV4(),
});

describe('auth routes never answer 5xx', () => {
  let t: TestApp;
  let s: Session;
  beforeAll(async () => {
    t = await createTestApp();
    s = await register(t.app);
  });
  afterAll(() => t.close());

  it('answers random requests with a status below 500 and a JSON error body for errors', async () => {
    const property = fc.asyncProperty(request, async (r) => {
      const headers: Record<string, string> = {};
      if (r.type !== undefined) headers['content-type'] = r.type;
      if (r.auth === 'valid') headers['authorization'] = `Bearer ${s.accessToken}`;
      if (r.auth === 'garbage') headers['authorization'] = 'Bearer a.b.c';
      if (r.auth === 'refresh-as-bearer') headers['authorization'] = `Bearer ${s.refreshToken}`;
      if (r.cookie === 'valid') headers['cookie'] = `pyb_rt=${s.refreshToken}`;
      if (r.cookie === 'garbage') headers['cookie'] = 'pyb_rt=%%%; pyb_rt';
      if (r.cookie === 'twice') headers['cookie'] = `pyb_rt=x; pyb_rt=${s.refreshToken}`;
      const method: string = r.route[0];
      const path: string = r.route[1];
      const init: RequestInit = { method, headers };
      if (r.body !== undefined && method !== 'GET') init.body = r.body;
      const res = await t.app.request(path, init, connEnv(r.ip));
      const text = await res.text();
      expect(res.status, `${method} ${path} → ${text}`).toBeLessThan(500);
      if (res.status >= 400) {
        expect(errorBodySchema.safeParse(JSON.parse(text)).success, text).toBe(true);
      }
    });
    // Valid requests may log the user out or delete them; the property holds regardless.
    await fc.assert(property, { seed: PROPERTY_SEED, numRuns: 150 });
  });
});
