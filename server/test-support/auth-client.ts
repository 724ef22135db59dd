// A small HTTP client for the auth contract tests (server/contract). It talks to
// the real app through app.request() (no port) and knows only what docs/api.md says:
// JSON bodies, the pyb_rt cookie, Bearer tokens and the session body. Every call
// carries a client IP, because the server reads the socket address; by default
// each call gets a fresh one, so tests that are not about rate limiting never
// hit the 10-a-minute limit of login and register.
import { afterEach, expect } from 'vitest';
import { z } from 'zod';
import { errorBodySchema, type ErrorCode } from '../../shared/errors';
import { createTestApp, type TestApp, type TestAppOptions } from './fixture';

/**
 * What the clients need of an app: Hono's `app.request()`. The real app in process is one;
 * so is a fetch to running servers (test-support/remote-app.ts).
 */
export interface App {
  request(path: string, init: RequestInit, env: ConnEnv): Response | Promise<Response>;
}

export const COOKIE_NAME = 'pyb_rt';
export const PASSWORD = 'correct horse battery staple';
export const ACCESS_TTL_S = 900;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** Call at the top of a test file: makes apps that are closed after each test. */
export function testApps(): (options?: TestAppOptions) => Promise<TestApp> {
  const open: TestApp[] = [];
  afterEach(() => {
    for (const t of open.splice(0)) t.close();
  });
  return async (options = {}) => {
    const t = await createTestApp(options);
    open.push(t);
    return t;
  };
}

/** The token issuer: the public URL without its trailing slash. */
export const issuerOf = (t: TestApp) => t.deps.config.publicUrl.href.replace(/\/$/, '');

/** The third argument of app.request(): what @hono/node-server hands Hono as `c.env`. */
export interface ConnEnv {
  incoming: { socket: { remoteAddress: string } };
}

export function connEnv(ip: string): ConnEnv {
  return { incoming: { socket: { remoteAddress: ip } } };
}

let ipCounter = 0;
/** A client IP no other call of this test process has used. */
export function freshIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

let emailCounter = 0;
export function uniqueEmail(prefix = 'user'): string {
  emailCounter += 1;
  return `${prefix}${emailCounter}.${Math.random().toString(36).slice(2, 8)}@example.com`;
}

export interface SendOptions {
  /** JSON-encoded unless a string (sent as is). */
  body?: unknown;
  /** Defaults to application/json when there is a body; null sends none. */
  contentType?: string | null;
  bearer?: string;
  /** The pyb_rt cookie value to send. */
  refreshToken?: string;
  ip?: string;
  headers?: Record<string, string>;
}

export async function send(
  app: App,
  method: string,
  path: string,
  options: SendOptions = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  const hasBody = options.body !== undefined;
  const contentType =
    options.contentType === undefined ? (hasBody ? 'application/json' : null) : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  if (options.bearer !== undefined) headers['authorization'] = `Bearer ${options.bearer}`;
  if (options.refreshToken !== undefined) {
    headers['cookie'] = `${COOKIE_NAME}=${options.refreshToken}`;
  }
  Object.assign(headers, options.headers);
  const init: RequestInit = { method, headers };
  if (hasBody) {
    init.body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  return await app.request(path, init, connEnv(options.ip ?? freshIp()));
}

export const post = (app: App, path: string, options: SendOptions = {}) =>
  send(app, 'POST', path, options);

/** The session body of docs/api.md's Auth section, and nothing else (no refresh token). */
export const sessionBodySchema = z
  .object({
    user: z.object({ id: z.string().min(1), email: z.string(), createdAt: z.string() }).strict(),
    accessToken: z.string().min(1),
    expiresIn: z.literal(ACCESS_TTL_S),
  })
  .strict();
export type SessionBody = z.infer<typeof sessionBodySchema>;

export interface Session extends SessionBody {
  refreshToken: string;
  res: Response;
}

export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names lower-cased; flags map to true. */
  attrs: Map<string, string | true>;
}

export function parseSetCookie(header: string): SetCookie {
  const [pair = '', ...rest] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  const attrs = new Map<string, string | true>();
  for (const part of rest) {
    const i = part.indexOf('=');
    if (i === -1) attrs.set(part.toLowerCase(), true);
    else attrs.set(part.slice(0, i).toLowerCase(), part.slice(i + 1));
  }
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1), attrs };
}

/** The pyb_rt Set-Cookie of a response, or null when it sets none. */
export function refreshCookie(res: Response): SetCookie | null {
  const cookies = res.headers.getSetCookie().map(parseSetCookie);
  const ours = cookies.filter((c) => c.name === COOKIE_NAME);
  expect(ours.length, 'at most one pyb_rt Set-Cookie').toBeLessThanOrEqual(1);
  return ours[0] ?? null;
}

/** Asserts a session answer (status, body shape, a fresh cookie) and returns it. */
export async function expectSession(res: Response, status: 200 | 201): Promise<Session> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  const body = sessionBodySchema.parse(JSON.parse(text));
  const cookie = refreshCookie(res);
  expect(cookie, 'a session answer sets pyb_rt').not.toBeNull();
  const refreshToken = cookie?.value ?? '';
  expect(refreshToken.length).toBeGreaterThanOrEqual(43);
  expect(text).not.toContain(refreshToken);
  return { ...body, refreshToken, res };
}

/** Asserts the API's error body with this status and code; returns the raw text. */
export async function expectError(res: Response, status: number, code: ErrorCode) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  const body = errorBodySchema.parse(JSON.parse(text));
  expect(body.error.code).toBe(code);
  return text;
}

export async function register(
  app: App,
  email = uniqueEmail(),
  password = PASSWORD,
  options: SendOptions = {},
): Promise<Session & { password: string }> {
  const res = await post(app, '/api/auth/register', { body: { email, password }, ...options });
  return { ...(await expectSession(res, 201)), password };
}

export async function login(
  app: App,
  email: string,
  password = PASSWORD,
  options: SendOptions = {},
): Promise<Session> {
  const res = await post(app, '/api/auth/login', { body: { email, password }, ...options });
  return expectSession(res, 200);
}

export const refresh = (app: App, refreshToken: string, options: SendOptions = {}) =>
  post(app, '/api/auth/refresh', { body: {}, refreshToken, ...options });

export const getAccount = (app: App, accessToken: string, options: SendOptions = {}) =>
  send(app, 'GET', '/api/account', { bearer: accessToken, ...options });

/** GET /api/account with this token must be 200 (true) or 401 unauthenticated (false). */
export async function tokenWorks(app: App, accessToken: string): Promise<boolean> {
  const res = await getAccount(app, accessToken);
  if (res.status === 200) return true;
  await expectError(res, 401, 'unauthenticated');
  return false;
}

/** POST /api/auth/refresh with this cookie: the new session, or the error code. */
export async function refreshOutcome(app: App, refreshToken: string) {
  const res = await refresh(app, refreshToken);
  if (res.status === 200) return 'ok';
  const text = await res.text();
  expect(res.status, text).toBe(401);
  return errorBodySchema.parse(JSON.parse(text)).error.code;
}

export interface AuthEvent {
  id: number;
  at: number;
  event: string;
  user_id: string | null;
  ip: string;
  ua: string;
}

export function authEvents(t: TestApp): Promise<AuthEvent[]> {
  return t.query<AuthEvent>('SELECT * FROM auth_events ORDER BY id');
}
