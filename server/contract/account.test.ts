// docs/api.md "Account": GET /api/account, GET /api/account/export
// (every record of the user, one object per row with its current values) and
// DELETE /api/account (the user, their tokens and all their synced data are
// gone; their tokens get 401 at once).
import { describe, expect, it } from 'vitest';
import type { TestApp } from '../test-support/fixture';
import {
  expectError,
  login,
  PASSWORD,
  post,
  refreshOutcome,
  register,
  send,
  testApps,
  tokenWorks,
} from '../test-support/auth-client';
import {
  cellCount,
  change,
  countRows,
  hlc,
  NODE_A,
  syncBody,
  syncOk,
} from '../test-support/sync-client';

const app = testApps();
const TABLES = [
  'items',
  'lists',
  'listEntries',
  'packs',
  'packLists',
  'trips',
  'tripChecks',
  'settings',
];

let seq = 0;
/** Stores synced cells as the sync endpoint would: one row per (table, id, field). */
async function putRow(
  t: TestApp,
  userId: string,
  tbl: string,
  rowId: string,
  fields: Record<string, unknown>,
) {
  for (const [field, value] of Object.entries(fields)) {
    seq += 1;
    const hlc = `2026-11-26T01:05:54.123Z-${seq.toString(16).padStart(4, '0')}-0123456789abcdef`;
    await t.query(
      'INSERT INTO cells (user_id, tbl, row_id, field, value, hlc, seq) VALUES (?, ?, ?, ?, ?, ?, ?)',
      userId,
      tbl,
      rowId,
      field,
      JSON.stringify(value),
      hlc,
      seq,
    );
  }
}

const deleteAccount = (t: TestApp, token: string, password: string) =>
  send(t.app, 'DELETE', '/api/account', { bearer: token, body: { password } });

/**
 * Stores data the way a device does, through POST /api/sync: a live item, a trip,
 * and an item deleted (so the push also writes a tombstone and the user's sync state).
 */
async function pushData(t: TestApp, token: string) {
  const at = (counter: number) => hlc(NODE_A, Date.now() - 60_000, counter);
  const changes = [
    change('items', 'item-1', 'name', 'Tent', at(0)),
    change('items', 'item-1', 'weightGrams', 1200, at(1)),
    change('items', 'item-gone', 'name', 'Old stove', at(2)),
    change('items', 'item-gone', 'deleted', true, at(3)),
    change('trips', 'trip-1', 'name', 'Alps', at(4)),
  ];
  await syncOk(t.app, token, syncBody(NODE_A, changes));
}

/** Every table keyed by a user id, and the column that holds it. */
const USER_ROWS = {
  cells: 'SELECT count(*) AS n FROM cells WHERE user_id = ?',
  tombstones: 'SELECT count(*) AS n FROM tombstones WHERE user_id = ?',
  sync_state: 'SELECT count(*) AS n FROM sync_state WHERE user_id = ?',
  sessions: 'SELECT count(*) AS n FROM sessions WHERE user_id = ?',
  refresh_tokens: `SELECT count(*) AS n FROM refresh_tokens
    WHERE session_id IN (SELECT id FROM sessions WHERE user_id = ?)`,
  login_failures: 'SELECT count(*) AS n FROM login_failures WHERE user_id = ?',
  auth_events: 'SELECT count(*) AS n FROM auth_events WHERE user_id = ?',
  users: 'SELECT count(*) AS n FROM users WHERE id = ?',
};

/** How many rows of each table hold `userId`. */
async function userRows(t: TestApp, userId: string): Promise<Record<string, number>> {
  const rows: Record<string, number> = {};
  for (const [table, sql] of Object.entries(USER_ROWS))
    rows[table] = await countRows(t, sql, userId);
  return rows;
}

describe('GET /api/account', () => {
  it('answers 200 {id, email, createdAt} of the token’s user', async () => {
    const t = await app();
    const s = await register(t.app);
    const res = await send(t.app, 'GET', '/api/account', { bearer: s.accessToken });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(s.user);
  });
});

describe('GET /api/account/export', () => {
  it('answers every table key, each an empty array for a new user', async () => {
    const t = await app();
    const s = await register(t.app);
    const res = await send(t.app, 'GET', '/api/account/export', { bearer: s.accessToken });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: unknown; tables: Record<string, unknown[]> };
    expect(body.user).toEqual(s.user);
    expect(Object.keys(body.tables).sort()).toEqual([...TABLES].sort());
    for (const table of TABLES) expect(body.tables[table]).toEqual([]);
  });

  it("returns one object per row with its current values, and none of another user's rows", async () => {
    const t = await app();
    const s = await register(t.app);
    const other = await register(t.app);
    await putRow(t, s.user.id, 'items', 'item-1', {
      name: 'Tent',
      weightGrams: 1200,
      color: null,
      deleted: false,
    });
    await putRow(t, s.user.id, 'items', 'item-2', { name: 'Stove', status: 'wishlist' });
    await putRow(t, s.user.id, 'listEntries', 'list-1:item-1', {
      listId: 'list-1',
      itemId: 'item-1',
      qty: 2,
    });
    await putRow(t, s.user.id, 'settings', 'settings', { units: 'kg' });
    await putRow(t, other.user.id, 'items', 'item-9', { name: 'Secret gear' });
    const res = await send(t.app, 'GET', '/api/account/export', { bearer: s.accessToken });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('Secret gear');
    const { tables } = JSON.parse(text) as { tables: Record<string, Record<string, unknown>[]> };
    const byId = (rows: Record<string, unknown>[] = []) =>
      [...rows].sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
    expect(byId(tables['items'])).toEqual([
      { id: 'item-1', name: 'Tent', weightGrams: 1200, color: null, deleted: false },
      { id: 'item-2', name: 'Stove', status: 'wishlist' },
    ]);
    expect(tables['listEntries']).toEqual([
      { id: 'list-1:item-1', listId: 'list-1', itemId: 'item-1', qty: 2 },
    ]);
    expect(tables['settings']).toEqual([{ id: 'settings', units: 'kg' }]);
    expect(tables['trips']).toEqual([]);
  });

  it('exports a hostile __proto__ field as a plain key, without polluting prototypes', async () => {
    const t = await app();
    const s = await register(t.app);
    const hostile = JSON.parse('{"name":"Tent","__proto__":{"polluted":true}}') as object;
    await putRow(t, s.user.id, 'items', 'item-1', hostile as Record<string, unknown>);
    const res = await send(t.app, 'GET', '/api/account/export', { bearer: s.accessToken });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).toContain('"__proto__":{"polluted":true}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('DELETE /api/account', () => {
  it('answers 401 invalid_credentials for a wrong password and deletes nothing', async () => {
    const t = await app();
    const s = await register(t.app);
    await pushData(t, s.accessToken);
    const before = await userRows(t, s.user.id);
    await expectError(
      await deleteAccount(t, s.accessToken, 'not my password'),
      401,
      'invalid_credentials',
    );
    expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
    // The wrong password is counted towards the lockout; nothing else changed.
    expect(await userRows(t, s.user.id)).toEqual({ ...before, login_failures: 1 });
    await login(t.app, s.user.email);
  });

  it('answers 400 invalid_request without a password', async () => {
    const t = await app();
    const s = await register(t.app);
    const res = await send(t.app, 'DELETE', '/api/account', { bearer: s.accessToken, body: {} });
    await expectError(res, 400, 'invalid_request');
    expect(await tokenWorks(t.app, s.accessToken)).toBe(true);
  });

  it('answers 204; then every token of the user is 401 and their cells are gone', async () => {
    const t = await app();
    const s = await register(t.app);
    const phone = await login(t.app, s.user.email);
    const other = await register(t.app);
    await pushData(t, s.accessToken);
    await pushData(t, other.accessToken);
    const res = await deleteAccount(t, s.accessToken, PASSWORD);
    expect(res.status).toBe(204);
    for (const device of [s, phone]) {
      expect(await tokenWorks(t.app, device.accessToken)).toBe(false);
      expect(await refreshOutcome(t.app, device.refreshToken)).toBe('invalid_refresh');
    }
    expect(await cellCount(t, s.user.id)).toBe(0);
    expect(await cellCount(t, other.user.id)).toBe(5);
    expect(await tokenWorks(t.app, other.accessToken)).toBe(true);
  });

  it('leaves nothing of the user: synced cells, tombstones, sync state, sessions, audit links', async () => {
    const t = await app();
    const s = await register(t.app);
    const phone = await login(t.app, s.user.email);
    await expectError(
      await post(t.app, '/api/auth/login', { body: { email: s.user.email, password: 'wrong' } }),
      401,
      'invalid_credentials',
    );
    await pushData(t, phone.accessToken);
    const other = await register(t.app);
    await pushData(t, other.accessToken);
    const othersBefore = await userRows(t, other.user.id);
    // Every table that can hold the user has a row of theirs, or the check below proves nothing.
    for (const [table, n] of Object.entries(await userRows(t, s.user.id))) {
      expect(n, `rows of ${table} before`).toBeGreaterThan(0);
    }

    expect((await deleteAccount(t, s.accessToken, PASSWORD)).status).toBe(204);
    for (const [table, n] of Object.entries(await userRows(t, s.user.id))) {
      expect(n, `rows of ${table} after`).toBe(0);
    }
    // Nothing anywhere else either (a table added later included); the audit log keeps
    // its entries, unlinked from the person.
    for (const name of await t.tables()) {
      const rows = JSON.stringify(
        await t.query(`SELECT * FROM "${name}"`),
        (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value),
      );
      expect(rows, `table ${name}`).not.toContain(s.user.id);
      expect(rows, `table ${name}`).not.toContain(s.user.email);
    }
    expect(await userRows(t, other.user.id)).toEqual(othersBefore);
  });

  it('frees the email: logging in fails and registering again makes a new user', async () => {
    const t = await app();
    const s = await register(t.app);
    expect((await deleteAccount(t, s.accessToken, PASSWORD)).status).toBe(204);
    const res = await post(t.app, '/api/auth/login', {
      body: { email: s.user.email, password: PASSWORD },
    });
    await expectError(res, 401, 'invalid_credentials');
    const again = await register(t.app, s.user.email);
    expect(again.user.id).not.toBe(s.user.id);
  });
});
