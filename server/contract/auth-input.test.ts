// docs/api.md "Conventions" and "Limits" applied to the auth and account routes: bodies over
// 16 KiB → 413 payload_too_large, a body that is not JSON → 415
// unsupported_media_type, malformed JSON → 400 invalid_request; always the JSON
// error body, never a 5xx.
import { describe, expect, it } from 'vitest';
import {
  expectError,
  login,
  PASSWORD,
  register,
  send,
  testApps,
  uniqueEmail,
  type App,
  type Session,
} from '../test-support/auth-client';

const app = testApps();
const LIMIT = 16 * 1024;

interface Route {
  method: string;
  path: string;
  /** A valid body for this route; credentials come from a registered user. */
  body: (s: Session) => Record<string, unknown>;
  bearer?: boolean;
  cookie?: boolean;
}

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/api/auth/register',
    body: () => ({ email: uniqueEmail(), password: PASSWORD }),
  },
  {
    method: 'POST',
    path: '/api/auth/login',
    body: (s) => ({ email: s.user.email, password: PASSWORD }),
  },
  { method: 'POST', path: '/api/auth/refresh', body: () => ({}), cookie: true },
  { method: 'POST', path: '/api/auth/logout', body: () => ({}), cookie: true },
  {
    method: 'POST',
    path: '/api/auth/password',
    body: () => ({ currentPassword: PASSWORD, newPassword: 'new password 1' }),
    bearer: true,
  },
  { method: 'DELETE', path: '/api/account', body: () => ({ password: PASSWORD }), bearer: true },
];
const JSON_ONLY = ROUTES.filter(
  (r) => r.path !== '/api/auth/refresh' && r.path !== '/api/auth/logout',
);

function call(
  a: App,
  route: Route,
  s: Session,
  body: string,
  contentType: string | null = 'application/json',
) {
  return send(a, route.method, route.path, {
    body,
    contentType,
    ...(route.bearer ? { bearer: s.accessToken } : {}),
    ...(route.cookie ? { refreshToken: s.refreshToken } : {}),
  });
}

/** `body` padded with spaces (still the same JSON) to exactly `size` bytes. */
const padded = (body: Record<string, unknown>, size: number) => {
  const json = JSON.stringify(body);
  return json.slice(0, -1) + ' '.repeat(size - Buffer.byteLength(json)) + '}';
};

describe('auth bodies are limited to 16 KiB', () => {
  it.each(ROUTES.map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s answers a 16 KiB + 1 body with 413 payload_too_large',
    async (_, route) => {
      const t = await app();
      const s = await register(t.app);
      const res = await call(t.app, route, s, padded(route.body(s), LIMIT + 1));
      await expectError(res, 413, 'payload_too_large');
      expect(res.headers.get('cache-control')).toContain('no-store');
    },
  );

  it('checks the size before parsing: 20 KiB of broken JSON is 413, not 400', async () => {
    const t = await app();
    const s = await register(t.app);
    const res = await call(t.app, ROUTES[1] as Route, s, `{"email": "${'x'.repeat(20 * 1024)}`);
    await expectError(res, 413, 'payload_too_large');
  });

  it('accepts a body of exactly 16 KiB', async () => {
    const t = await app();
    const s = await register(t.app);
    const body = padded({ email: s.user.email, password: PASSWORD }, LIMIT);
    expect(Buffer.byteLength(body)).toBe(LIMIT);
    const res = await send(t.app, 'POST', '/api/auth/login', { body });
    expect(res.status).toBe(200);
  });

  it('limits a streamed body without Content-Length too', async () => {
    const t = await app();
    const chunk = new TextEncoder().encode(' '.repeat(4096));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"email":"a@b.co",'));
        if (sent > 64) controller.close();
        else controller.enqueue(chunk);
        sent += 1;
      },
    });
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half' as const,
    };
    const res = await t.app.request('/api/auth/login', init, {
      incoming: { socket: { remoteAddress: '192.0.2.77' } },
    });
    await expectError(res, 413, 'payload_too_large');
  });
});

describe('a body that is not JSON is 415, malformed JSON is 400', () => {
  it.each(
    JSON_ONLY.flatMap((r) =>
      [
        ['text/plain', JSON.stringify({ email: 'a@b.co', password: PASSWORD })],
        ['application/x-www-form-urlencoded', 'email=a%40b.co&password=x'],
        [
          'multipart/form-data; boundary=zz',
          '--zz\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--zz--',
        ],
        [null, '{}'],
      ].map(([type, body]) => [`${r.method} ${r.path}`, String(type), r, type, body] as const),
    ),
  )(
    '%s with Content-Type %s answers 415 unsupported_media_type',
    async (_, _t, route, type, body) => {
      const t = await app();
      const s = await register(t.app);
      await expectError(
        await call(t.app, route, s, body ?? '', type),
        415,
        'unsupported_media_type',
      );
      // Nothing happened: the session and the password are as before.
      await login(t.app, s.user.email);
    },
  );

  it.each(
    ROUTES.flatMap((r) =>
      ['{"email":', '{email: 1}', "{'a': 1}", '\u0000', '{"a":1}}', '{"a":1,}'].map(
        (body) => [`${r.method} ${r.path}`, JSON.stringify(body), r, body] as const,
      ),
    ),
  )('%s with malformed JSON %s answers 400 invalid_request', async (_, _b, route, body) => {
    const t = await app();
    const s = await register(t.app);
    await expectError(await call(t.app, route, s, body), 400, 'invalid_request');
  });
});
