// A small client for the sync contract tests (server/contract/sync-*.test.ts).
// It talks to the real app in process through app.request() and knows only
// what docs/api.md's "Sync" section says: POST /api/sync with a Bearer token, the
// request envelope, the answer {changes, cursor, more, serverTime} and the
// JSON error body. Users are registered through POST /api/auth/register
// (auth-client.ts), each call from a fresh client IP.
import type fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { ERROR_STATUS, errorBodySchema, type ErrorBody, type ErrorCode } from '../../shared/errors';
import { formatHlc } from '../../shared/hlc';
import {
  PROTOCOL_VERSION,
  syncResponseSchema,
  type SyncChange,
  type SyncResponse,
} from '../../shared/protocol';
import { checkAsyncProperty as checkShared } from '../../shared/test-support/property';
import { connEnv, freshIp, login, register, type App } from './auth-client';
import { decodeCursor } from '../sync/cursor';
import { createTestApp, manualClock, type TestApp } from './fixture';

export type { App };

/** manualClock()'s default start (fixture.ts): the server's "now" in most tests. */
export const T0 = Date.parse('2026-11-26T10:00:00.000Z');
export const MINUTE_MS = 60_000;

/** Three device installs (docs/api.md: 16 lowercase hex chars each). */
export const NODE_A = '00000000000000aa';
export const NODE_B = '00000000000000bb';
export const NODE_C = '00000000000000cc';

/** The wire hlc of `node` at `millis` (a number or an ISO time) with `counter`. */
export function hlc(node: string, millis: number | string, counter = 0): string {
  const ms = typeof millis === 'string' ? Date.parse(millis) : millis;
  return formatHlc({ millis: ms, counter, node });
}

export function change(
  table: string,
  id: string,
  field: string,
  value: unknown,
  stamp: string,
): SyncChange {
  return { table, id, field, value, hlc: stamp };
}

export type ManualClock = ReturnType<typeof manualClock>;

export interface SharedApp {
  readonly t: TestApp;
  readonly app: App;
  /** The server's clock, set back to T0 before each test. */
  readonly clock: ManualClock;
}

/**
 * Call at the top of a test file or describe: one app (a key pair costs a
 * moment) for all its tests, on a manual clock. Tests share the app, so each
 * signs up its own user: users are separate namespaces (docs/api.md).
 */
export function sharedApp(): SharedApp {
  const clock = manualClock(T0);
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp({ clock });
  });
  afterAll(() => current?.close());
  beforeEach(() => clock.set(T0));
  const get = (): TestApp => {
    if (!current) throw new Error('the shared app is not started yet');
    return current;
  };
  return {
    get t() {
      return get();
    },
    get app() {
      return get().app;
    },
    clock,
  };
}

/**
 * One user for the tests of a describe block that never store anything (every
 * push they make is refused), registered once: it saves a sign-up per test.
 * Keep such a block under 120 requests (the per-user sync rate limit).
 */
export function blockUser(shared: SharedApp): () => User {
  let user: User | undefined;
  beforeAll(async () => {
    user = await signUp(shared.app);
  });
  return () => {
    if (!user) throw new Error('the block user is not signed up yet');
    return user;
  };
}

export interface SyncRequestBody {
  protocol: number;
  nodeId: string;
  since: string;
  limit?: number;
  changes: SyncChange[];
}

/** A well-formed request body; `limit` is left out unless given. */
export function syncBody(
  nodeId: string,
  changes: SyncChange[] = [],
  since = '',
  limit?: number,
): SyncRequestBody {
  const body: SyncRequestBody = { protocol: PROTOCOL_VERSION, nodeId, since, changes };
  if (limit !== undefined) body.limit = limit;
  return body;
}

export interface User {
  token: string;
  userId: string;
  email: string;
}

/** Registers a new user in process: POST /api/auth/register → 201 {accessToken}. */
export async function signUp(app: App, email?: string): Promise<User> {
  const session = await register(app, email);
  return { token: session.accessToken, userId: session.user.id, email: session.user.email };
}

/** Another device of the same user: a login of its own (POST /api/auth/login). */
export async function signIn(app: App, user: User): Promise<User> {
  const session = await login(app, user.email);
  return { ...user, token: session.accessToken };
}

export interface SendSyncOptions {
  /** Default application/json; null sends no Content-Type. */
  contentType?: string | null;
  /** The whole Authorization header; default `Bearer <token>`, null sends none. */
  authorization?: string | null;
}

export interface SyncReply {
  status: number;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
  text: string;
  res: Response;
}

/** POST /api/sync. A string body is sent as is, anything else JSON-encoded. */
export async function sync(
  app: App,
  token: string,
  body: unknown,
  options: SendSyncOptions = {},
): Promise<SyncReply> {
  const headers: Record<string, string> = {};
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const authorization =
    options.authorization === undefined ? `Bearer ${token}` : options.authorization;
  if (authorization !== null) headers['authorization'] = authorization;
  const init: RequestInit = {
    method: 'POST',
    headers,
    // Bytes, not a string: a string body would get a default text/plain type.
    body: new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
  };
  const res = await app.request('/api/sync', init, connEnv(freshIp()));
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, res };
}

/** Asserts a 200 answer of docs/api.md's shape (nosniff included) and returns it. */
export function expectOk(reply: SyncReply): SyncResponse {
  expect(reply.status, reply.text).toBe(200);
  expect(reply.res.headers.get('x-content-type-options')).toBe('nosniff');
  const body = syncResponseSchema.parse(reply.body);
  for (const c of body.changes) expect(Object.keys(c).sort()).toEqual(KEYS);
  return body;
}
const KEYS = ['field', 'hlc', 'id', 'table', 'value'];

/** A sync that must answer 200. */
export async function syncOk(app: App, token: string, body: unknown): Promise<SyncResponse> {
  return expectOk(await sync(app, token, body));
}

/**
 * Asserts docs/api.md's error answer: this status and code, a JSON body
 * {error: {code, message, details?}}, and X-Content-Type-Options: nosniff.
 */
export function expectError(reply: SyncReply, status: number, code: ErrorCode): ErrorBody {
  expect(reply.status, reply.text).toBe(status);
  expect(ERROR_STATUS[code]).toBe(status);
  expect(reply.res.headers.get('content-type') ?? '').toMatch(/^application\/json/);
  expect(reply.res.headers.get('x-content-type-options')).toBe('nosniff');
  const body = errorBodySchema.parse(reply.body);
  expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(0);
  expect(reply.text).not.toMatch(/\n\s+at /); // never a stack trace
  return body;
}

/** Asserts a 400 that names one change: details {index, reason}. */
export function expectBadChange(reply: SyncReply, index: number): string {
  const { error } = expectError(reply, 400, 'invalid_request');
  expect(error.details, reply.text).toMatchObject({ index, reason: expect.any(String) });
  return String(error.details?.['reason']);
}

export interface Pulled {
  changes: SyncChange[];
  cursor: string;
  /** Number of requests it took. */
  calls: number;
}

/** Pulls (with `changes: []`) from `since` until `more` is false. */
export async function pullAll(
  app: App,
  token: string,
  nodeId: string,
  since = '',
  limit?: number,
): Promise<Pulled> {
  const changes: SyncChange[] = [];
  let cursor = since;
  for (let calls = 1; ; calls += 1) {
    const page = await syncOk(app, token, syncBody(nodeId, [], cursor, limit));
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.more) return { changes, cursor, calls };
    expect(calls, 'pagination must end').toBeLessThan(10_000);
  }
}

export const cellKey = (c: { table: string; id: string; field: string }) =>
  `${c.table}/${c.id}/${c.field}`;

export interface CellValue {
  value: unknown;
  hlc: string;
}

/** Folds changes into cells by docs/api.md's rule: per cell, the greater hlc wins. */
export function mergeInto(cells: Map<string, CellValue>, changes: readonly SyncChange[]): void {
  for (const c of changes) {
    const key = cellKey(c);
    const stored = cells.get(key);
    if (!stored || c.hlc > stored.hlc) cells.set(key, { value: c.value, hlc: c.hlc });
  }
}

export function latestCells(changes: readonly SyncChange[]): Map<string, CellValue> {
  const cells = new Map<string, CellValue>();
  mergeInto(cells, changes);
  return cells;
}

/** Cells as a plain sorted object, for readable toEqual diffs. */
export function asObject(cells: Map<string, CellValue>): Record<string, CellValue> {
  return Object.fromEntries([...cells.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The whole state of a user as pulled from `""`, one entry per cell. */
export async function serverState(
  app: App,
  token: string,
  nodeId = NODE_C,
): Promise<Record<string, CellValue>> {
  const { changes } = await pullAll(app, token, nodeId, '', 5000);
  const keys = changes.map(cellKey);
  expect(new Set(keys).size, 'one entry per cell').toBe(keys.length);
  return asObject(latestCells(changes));
}

/**
 * Whether cursor `b` is at or after cursor `a`. docs/api.md calls cursors opaque;
 * this server's are the decimal last sequence number (server/sync/cursor.ts),
 * and `""` is the start, so the order is (length, text).
 */
export function cursorNotBefore(a: string, b: string): boolean {
  return seqOf(b) >= seqOf(a);
}

/** The user's sequence number a cursor of this server stands for. */
export function seqOf(cursor: string): number {
  const decoded = decodeCursor(cursor);
  if (!decoded) throw new Error(`not a cursor of this server: ${cursor}`);
  return decoded.seq;
}

/** Moves the user's purge horizon as a tombstone purge would (purged_seq and its generation). */
/** The number a `SELECT count(*) AS n …` answers, on either engine. */
export async function countRows(t: TestApp, sql: string, ...params: unknown[]): Promise<number> {
  return Number((await t.query<{ n: number }>(sql, ...params))[0]?.n);
}

/** How many cells the server holds: of one user, or of everyone. */
export function cellCount(t: TestApp, userId?: string): Promise<number> {
  return userId === undefined
    ? countRows(t, 'SELECT count(*) AS n FROM cells')
    : countRows(t, 'SELECT count(*) AS n FROM cells WHERE user_id = ?', userId);
}

/** Returns how many users it changed (1, or 0 for a user who never synced). */
export async function raiseHorizon(t: TestApp, userId: string, purgedSeq: number): Promise<number> {
  const changed = await t.query(
    `UPDATE sync_state SET purged_seq = ?, purge_gen = purge_gen + 1 WHERE user_id = ?
     RETURNING user_id`,
    purgedSeq,
    userId,
  );
  return changed.length;
}

/** The shared seeded async property helper, run in the server project. */
export function checkAsyncProperty<Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  opts: fc.Parameters<Ts> = {},
  timeoutMs?: number,
): void {
  const options: Parameters<typeof checkShared<Ts>>[2] = { ...opts, project: 'server' };
  if (timeoutMs !== undefined) options.timeoutMs = timeoutMs;
  checkShared(name, property, options);
}
