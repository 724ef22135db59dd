// A small in-memory stand-in for the auth and account routes of API.md, as a fetch
// function, for the client's unit tests (the browser tests in e2e/ use the real
// server). It keeps one cookie jar (the refresh cookie's owner), issues numbered
// access tokens and records every call, so tests can count refreshes and see which
// token a request carried. Only the behaviour the client relies on is modelled.
import type { ErrorCode } from '../../../shared/errors';

interface FakeUser {
  id: string;
  email: string;
  password: string;
}

export interface FakeCall {
  method: string;
  path: string;
  authorization: string | null;
}

export type RefreshMode = 'ok' | 'invalid_refresh' | 'refresh_reused' | 'server_error';

const CREATED_AT = '2026-06-01T09:30:00.000Z';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
const error = (status: number, code: ErrorCode, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: `fake ${code}` } }, headers);

export function createFakeServer() {
  const users = new Map<string, FakeUser>();
  const tokens = new Map<string, string>(); // access token → user id
  let serial = 0;
  const server = {
    calls: [] as FakeCall[],
    /** The user whose refresh cookie the browser holds, or null. */
    cookie: null as string | null,
    offline: false,
    refreshMode: 'ok' as RefreshMode,
    /** When set, a refresh waits for it: lets tests hold renewals in flight. */
    refreshGate: null as Promise<void> | null,
    /** Every access token stops working, as after expiry or revocation. */
    revokeAccessTokens: () => tokens.clear(),
    addUser(email: string, password: string): string {
      const id = `u${++serial}`;
      users.set(email, { id, email, password });
      return id;
    },
    count: (path: string) => server.calls.filter((call) => call.path === path).length,
    fetch,
  };

  function session(user: FakeUser, status = 200): Response {
    const accessToken = `at-${++serial}`;
    tokens.set(accessToken, user.id);
    server.cookie = user.id;
    const body = { user: { id: user.id, email: user.email, createdAt: CREATED_AT } };
    return json(status, { ...body, accessToken, expiresIn: 900 });
  }
  const byId = (id: string | null) => [...users.values()].find((user) => user.id === id);

  async function fetch(input: string | URL, init: RequestInit = {}): Promise<Response> {
    const path = String(input);
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);
    server.calls.push({ method, path, authorization: headers.get('Authorization') });
    if (server.offline) throw new TypeError('Failed to fetch');
    const body = (typeof init.body === 'string' ? JSON.parse(init.body) : {}) as Record<
      string,
      string
    >;
    const bearer = byId(
      tokens.get(headers.get('Authorization')?.replace(/^Bearer /, '') ?? '') ?? null,
    );
    switch (`${method} ${path}`) {
      case 'POST /api/auth/register': {
        if (users.has(body['email'] ?? '')) return error(409, 'email_taken');
        const id = server.addUser(body['email'] ?? '', body['password'] ?? '');
        return session(byId(id) as FakeUser, 201);
      }
      case 'POST /api/auth/login': {
        const user = users.get(body['email'] ?? '');
        if (!user || user.password !== body['password']) return error(401, 'invalid_credentials');
        return session(user);
      }
      case 'POST /api/auth/refresh': {
        await server.refreshGate;
        if (server.refreshMode === 'server_error') return error(503, 'service_unavailable');
        if (server.refreshMode !== 'ok') return error(401, server.refreshMode);
        const user = byId(server.cookie);
        return user ? session(user) : error(401, 'invalid_refresh');
      }
      case 'POST /api/auth/logout':
        server.cookie = null;
        return new Response(null, { status: 204 });
    }
    if (!bearer) return error(401, 'unauthenticated');
    switch (`${method} ${path}`) {
      case 'POST /api/auth/logout-all':
        server.revokeAccessTokens();
        server.cookie = null;
        return new Response(null, { status: 204 });
      case 'POST /api/auth/password':
        if (bearer.password !== body['currentPassword']) return error(401, 'invalid_credentials');
        bearer.password = body['newPassword'] ?? '';
        server.revokeAccessTokens();
        return session(bearer);
      case 'GET /api/account':
        return json(200, { id: bearer.id, email: bearer.email, createdAt: CREATED_AT });
      case 'GET /api/account/export':
        return json(200, {
          user: { id: bearer.id, email: bearer.email, createdAt: CREATED_AT },
          tables: { items: [] },
        });
      case 'DELETE /api/account':
        if (bearer.password !== body['password']) return error(401, 'invalid_credentials');
        users.delete(bearer.email);
        server.revokeAccessTokens();
        server.cookie = null;
        return new Response(null, { status: 204 });
    }
    return error(404, 'not_found');
  }

  return server;
}

export type FakeServer = ReturnType<typeof createFakeServer>;
