// docs/api.md "Sync": the answer holds the user's winning cells whose sequence is
// greater than `since`, in sequence order, at most `limit` (default 1000);
// `more: true` means call again; with nothing newer the cursor is `since`
// unchanged (or the start position for `""`); and `410 resync_required` when
// `since` is older than the deleted-data horizon. This server's cursor is
// `<epoch>.<purge generation>.<sequence>` (server/sync/cursor.ts): the horizon is
// set in sync_state directly, as the tombstone purge would.
import { describe, expect, it } from 'vitest';
import type { SyncChange } from '../../shared/protocol';
import {
  cellKey,
  change,
  cursorNotBefore,
  expectError,
  hlc,
  latestCells,
  NODE_A,
  NODE_B,
  pullAll,
  serverState,
  sharedApp,
  signUp,
  sync,
  syncBody,
  syncOk,
  raiseHorizon,
  seqOf,
  T0,
  type App,
} from '../test-support/sync-client';
import { decodeCursor, encodeCursor } from '../sync/cursor';

const s = sharedApp();

const cells = (n: number, prefix = 'i'): SyncChange[] =>
  Array.from({ length: n }, (_, i) =>
    change('items', `${prefix}${i}`, 'name', `name ${i}`, hlc(NODE_A, T0 - 60_000 + i)),
  );

/** Pulls every page from `since`; `count` says which pages ask for `remaining`. */
async function pages(
  app: App,
  token: string,
  since: string,
  limit: number,
  count: (page: number) => boolean | undefined = () => false,
) {
  const out = [];
  let cursor = since;
  for (;;) {
    const asked = count(out.length);
    const body = syncBody(NODE_B, [], cursor, limit);
    const page = await syncOk(
      app,
      token,
      asked === undefined ? body : { ...body, countRemaining: asked },
    );
    out.push(page);
    if (page.changes.length > 0) {
      expect(cursorNotBefore(cursor, page.cursor) && page.cursor !== cursor).toBe(true);
    }
    cursor = page.cursor;
    if (!page.more) return out;
  }
}

describe('[API Sync] pagination: at most `limit` cells a page, in sequence order', () => {
  it('2500 cells pulled with limit 1000 → 1000/1000/500, more true/true/false, no gaps or repeats', async () => {
    const a = await signUp(s.app);
    const pushed = cells(2500);
    const answer = await syncOk(s.app, a.token, syncBody(NODE_A, pushed, '', 5000));
    expect(answer).toMatchObject({ changes: pushed, more: false });

    const got = await pages(s.app, a.token, '', 1000, () => true);
    expect(got.map((p) => p.changes.length)).toEqual([1000, 1000, 500]);
    expect(got.map((p) => p.more)).toEqual([true, true, false]);
    // Asked, a page with more to come says how many cells follow it; the last page does not.
    expect(got.map((p) => p.remaining)).toEqual([1500, 500, undefined]);
    // The count is made only when asked for (the app asks on the first page).
    const unasked = await pages(s.app, a.token, '', 1000, (page) => page === 0);
    expect(unasked.map((p) => p.remaining)).toEqual([1500, undefined, undefined]);
    // An app from before the field: its pull from the start is counted on the first page.
    const older = await pages(s.app, a.token, '', 1000, () => undefined);
    expect(older.map((p) => p.remaining)).toEqual([1500, undefined, undefined]);
    // One push gives its winners consecutive sequence numbers in push order.
    expect(got.flatMap((p) => p.changes)).toEqual(pushed);

    const last = got.at(-1)?.cursor ?? '';
    const after = await syncOk(s.app, a.token, syncBody(NODE_B, [], last, 1000));
    expect(after).toMatchObject({ changes: [], cursor: last, more: false });
  });

  it('a cell rewritten between pages comes again later with its new value', async () => {
    const a = await signUp(s.app);
    const pushed = cells(10);
    await syncOk(s.app, a.token, syncBody(NODE_A, pushed));
    const first = await syncOk(s.app, a.token, syncBody(NODE_B, [], '', 4));
    expect(first.changes).toEqual(pushed.slice(0, 4));
    const rewrite = change('items', 'i1', 'name', 'renamed', hlc(NODE_A, T0));
    await syncOk(s.app, a.token, syncBody(NODE_A, [rewrite], first.cursor));
    const rest = await pullAll(s.app, a.token, NODE_B, first.cursor, 4);
    expect(rest.changes).toEqual([...pushed.slice(4), rewrite]);
    const merged = latestCells([...first.changes, ...rest.changes]);
    expect(merged.get(cellKey(rewrite))?.value).toBe('renamed');
    expect(merged.size).toBe(10);
  });

  it('limit defaults to 1000', async () => {
    const a = await signUp(s.app);
    const answer = await syncOk(s.app, a.token, syncBody(NODE_A, cells(1001)));
    expect(answer.changes).toHaveLength(1000);
    expect(answer.more).toBe(true);
    const rest = await syncOk(s.app, a.token, syncBody(NODE_A, [], answer.cursor));
    expect(rest.changes).toHaveLength(1);
    expect(rest.more).toBe(false);
  });

  it('limit 1 pages cell by cell', async () => {
    const a = await signUp(s.app);
    const pushed = cells(3);
    await syncOk(s.app, a.token, syncBody(NODE_A, pushed));
    const got = await pages(s.app, a.token, '', 1);
    expect(got.map((p) => p.changes)).toEqual(pushed.map((c) => [c]));
    expect(got.map((p) => p.more)).toEqual([true, true, false]);
  });
});

describe('[API Sync] with no newer cells the cursor is `since` unchanged', () => {
  it('"" stays "" for a user without data', async () => {
    const a = await signUp(s.app);
    const answer = await syncOk(s.app, a.token, syncBody(NODE_A));
    expect(answer).toMatchObject({ changes: [], cursor: '', more: false });
  });

  it('the latest cursor comes back as it was sent, again and again', async () => {
    const a = await signUp(s.app);
    const { cursor } = await syncOk(s.app, a.token, syncBody(NODE_A, cells(3)));
    for (let i = 0; i < 3; i += 1) {
      const answer = await syncOk(s.app, a.token, syncBody(NODE_B, [], cursor));
      expect(answer).toMatchObject({ changes: [], cursor, more: false });
    }
  });
});

describe('[API Sync errors] 410 resync_required', () => {
  async function userWithCursors() {
    const a = await signUp(s.app);
    await syncOk(s.app, a.token, syncBody(NODE_A, cells(9)));
    const cursors = (await pages(s.app, a.token, '', 3)).map((p) => p.cursor);
    return { a, cursors }; // after 3, 6 and 9 cells
  }
  const setHorizon = (userId: string, purgedSeq: number) => raiseHorizon(s.t, userId, purgedSeq);

  it('a since below the purge horizon → 410; at or above it and "" still work', async () => {
    const { a, cursors } = await userWithCursors();
    const [c3 = '', c6 = '', c9 = ''] = cursors;
    expect(await setHorizon(a.userId, seqOf(c6))).toBe(1);

    expectError(await sync(s.app, a.token, syncBody(NODE_B, [], c3)), 410, 'resync_required');
    expect((await syncOk(s.app, a.token, syncBody(NODE_B, [], c6))).changes).toHaveLength(3);
    expect(await syncOk(s.app, a.token, syncBody(NODE_B, [], c9))).toMatchObject({
      changes: [],
      cursor: c9,
    });
    const full = await pullAll(s.app, a.token, NODE_B, '');
    expect(full.changes).toEqual(cells(9));
  });

  it('after a 410 the client pulls from "" and re-pushes its pending changes', async () => {
    const { a, cursors } = await userWithCursors();
    await setHorizon(a.userId, seqOf(cursors[1] ?? ''));
    const pending = [change('items', 'i0', 'name', 'pending', hlc(NODE_B, T0))];
    const refused = await sync(s.app, a.token, syncBody(NODE_B, pending, cursors[0]));
    expectError(refused, 410, 'resync_required');
    expect((await serverState(s.app, a.token))['items/i0/name']?.value).toBe('name 0');

    const answer = await syncOk(s.app, a.token, syncBody(NODE_B, pending, ''));
    expect(answer.changes).toEqual([...cells(9).slice(1), ...pending]);
  });

  it('a cursor beyond the last sequence handed out → 410', async () => {
    const { a, cursors } = await userWithCursors();
    const last = decodeCursor(cursors[2] ?? '');
    if (!last?.epoch) throw new Error('expected a cursor with an epoch');
    const beyond = (seq: number) => encodeCursor({ ...last, epoch: last.epoch ?? '', seq });
    for (const since of [beyond(last.seq + 1), beyond(last.seq + 1000), '999999999999999']) {
      const refused = await sync(s.app, a.token, syncBody(NODE_B, [], since));
      expectError(refused, 410, 'resync_required');
      // The server lost what the device saw: it must send its cells again ([P6]).
      expect(refused.body).toMatchObject({ error: { details: { cause: 'restore' } } });
    }
    const fresh = await signUp(s.app);
    expectError(await sync(s.app, fresh.token, syncBody(NODE_A, [], '1')), 410, 'resync_required');
  });
});
