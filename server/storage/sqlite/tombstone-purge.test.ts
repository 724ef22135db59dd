import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, manualClock, type TestApp } from '../../test-support/fixture';
import { runMaintenance } from '../../ops/maintenance';
import { decodeCursor, encodeCursor } from '../../sync/cursor';

const NODE = '0123456789abcdef';
const DAY = 24 * 3600 * 1000;
const hlcAt = (ms: number, counter = 0) =>
  `${new Date(ms).toISOString()}-${counter.toString(16).padStart(4, '0')}-${NODE}`;

describe('tombstone purge', () => {
  let t: TestApp | undefined;
  afterEach(() => t?.close());

  async function signUp(app: TestApp['app'], route = 'register') {
    const res = await app.request(`/api/auth/${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'purge@example.com', password: 'long enough' }),
    });
    return ((await res.json()) as { accessToken: string }).accessToken;
  }

  function sync(
    app: TestApp['app'],
    token: string,
    since: string,
    changes: unknown[] = [],
    limit?: number,
  ) {
    return app.request('/api/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ protocol: 1, nodeId: NODE, since, changes, limit }),
    });
  }

  it('drops rows deleted before the horizon and sends cursors behind it back to the start', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    const token = await signUp(t.app);
    const start = clock.now();
    const cell = (id: string, field: string, value: unknown, at: number) => ({
      table: 'lists',
      id,
      field,
      value,
      hlc: hlcAt(at),
    });
    const first = await sync(t.app, token, '', [
      cell('old', 'name', 'Old list', start),
      cell('old', 'deleted', true, start + 1),
      cell('kept', 'name', 'Kept list', start + 2),
      cell('kept', 'deleted', false, start + 3),
    ]);
    expect(first.status).toBe(200);
    const early = ((await first.json()) as { cursor: string }).cursor;

    clock.advance(181 * DAY);
    const report = await runMaintenance(t.deps);
    expect(report.tombstonesPurged).toBe(1);
    const fresh = await signUp(t.app, 'login');

    const before = decodeCursor(early);
    if (!before?.epoch) throw new Error('expected a cursor with an epoch');
    const stale = encodeCursor({ ...before, epoch: before.epoch, seq: 1 });
    expect((await sync(t.app, fresh, stale)).status).toBe(410);
    const restart = (await (await sync(t.app, fresh, '')).json()) as {
      changes: { id: string }[];
    };
    expect(restart.changes.map((c) => c.id)).toEqual(['kept', 'kept']);
    // A cursor that already saw everything purged goes on as before.
    expect((await sync(t.app, fresh, early)).status).toBe(200);
  });

  it('an undo (deleted: false) removes the tombstone, in a later push and within one push', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    const token = await signUp(t.app);
    const start = clock.now();
    const deleted = (id: string, value: boolean, at: number) => ({
      table: 'lists',
      id,
      field: 'deleted',
      value,
      hlc: hlcAt(at),
    });
    const tombstones = () =>
      t?.db.prepare('SELECT row_id FROM tombstones ORDER BY row_id').pluck().all();
    const app = t.app;
    const push = async (changes: unknown[]) =>
      expect((await sync(app, token, '', changes)).status).toBe(200);

    await push([deleted('a', false, start), deleted('b', true, start + 1)]);
    expect(tombstones()).toEqual(['b']);
    await push([deleted('b', false, start + 2)]);
    expect(tombstones()).toEqual([]);
    // The first push of a user without tombstones: deleted, then undone in the same batch.
    await push([deleted('c', true, start + 3), deleted('c', false, start + 4)]);
    expect(tombstones()).toEqual([]);
    // An undo that loses to a newer delete leaves the tombstone.
    await push([deleted('d', true, start + 6), deleted('d', false, start + 5)]);
    expect(tombstones()).toEqual(['d']);
  });

  it('keeps tombstones younger than the horizon', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock, env: { PYB_TOMBSTONE_DAYS: '30' } });
    const token = await signUp(t.app);
    const res = await sync(t.app, token, '', [
      { table: 'packs', id: 'p', field: 'deleted', value: true, hlc: hlcAt(clock.now()) },
    ]);
    expect(res.status).toBe(200);
    clock.advance(29 * DAY);
    expect((await runMaintenance(t.deps)).tombstonesPurged).toBe(0);
    clock.advance(2 * DAY);
    expect((await runMaintenance(t.deps)).tombstonesPurged).toBe(1);
  });

  it('gives a full pull a cursor past the horizon even when the newest cells were purged', async () => {
    const clock = manualClock();
    t = await createTestApp({ clock });
    const token = await signUp(t.app);
    const at = clock.now();
    await sync(t.app, token, '', [
      { table: 'packs', id: 'kept', field: 'deleted', value: false, hlc: hlcAt(at) },
      { table: 'packs', id: 'gone', field: 'deleted', value: true, hlc: hlcAt(at + 1) },
    ]);
    clock.advance(181 * DAY);
    await runMaintenance(t.deps);
    const fresh = await signUp(t.app, 'login');
    const full = (await (await sync(t.app, fresh, '')).json()) as { cursor: string };
    expect(decodeCursor(full.cursor)).toMatchObject({ generation: 1, seq: 2 });
    // The cursor it got can be continued: no endless 410 → pull → 410.
    expect((await sync(t.app, fresh, full.cursor)).status).toBe(200);
  });
  it('[P5] a full pull that starts after a purge crosses the horizon page by page', async () => {
    // The purged row holds the newest sequence numbers, so the horizon is above every
    // cell a small page hands out: cursors given out after the purge must go on anyway.
    const clock = manualClock();
    t = await createTestApp({ clock });
    const token = await signUp(t.app);
    const at = clock.now();
    const kept = Array.from({ length: 6 }, (_, i) => ({
      table: 'packs',
      id: `kept${i}`,
      field: 'deleted',
      value: false,
      hlc: hlcAt(at + i),
    }));
    const gone = { table: 'packs', id: 'gone', field: 'deleted', value: true, hlc: hlcAt(at + 9) };
    expect((await sync(t.app, token, '', [...kept, gone])).status).toBe(200);
    clock.advance(181 * DAY);
    expect((await runMaintenance(t.deps)).tombstonesPurged).toBe(1);
    const fresh = await signUp(t.app, 'login');

    const pulled: string[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page += 1) {
      const res = await sync(t.app, fresh, cursor, [], 2);
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        changes: { id: string }[];
        cursor: string;
        more: boolean;
      };
      pulled.push(...body.changes.map((c) => c.id));
      cursor = body.cursor;
      if (!body.more) break;
    }
    expect(pulled).toEqual(kept.map((c) => c.id));
    expect(decodeCursor(cursor)).toMatchObject({ generation: 1, seq: 7 });
  });
});
