// docs/api.md "Sync": push and pull between devices of one user, the merge rule
// ("the value with the greater hlc wins; an equal hlc is the same write"),
// repeats that change nothing, the pusher's own winning cells in the answer,
// field-by-field merge, and tombstones ("Deleting is writing deleted: true").
import { describe, expect, it } from 'vitest';
import {
  change,
  hlc,
  NODE_A,
  NODE_B,
  NODE_C,
  serverState,
  sharedApp,
  signIn,
  signUp,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';

const s = sharedApp();
const at = (node: string, secondsBefore: number, counter = 0) =>
  hlc(node, T0 - secondsBefore * 1000, counter);

describe('[API Sync] push and pull between two devices of one user', () => {
  it('what device A pushes, device B pulls, and back', async () => {
    const a = await signUp(s.app);
    const b = await signIn(s.app, a);
    const pushed = [
      change('items', 'i1', 'name', 'Tent', at(NODE_A, 60)),
      change('items', 'i1', 'weightGrams', 1200, at(NODE_A, 60, 1)),
    ];
    const first = await syncOk(s.app, a.token, syncBody(NODE_A, pushed));
    expect(first.changes).toEqual(pushed);

    const pulled = await syncOk(s.app, b.token, syncBody(NODE_B));
    expect(pulled.changes).toEqual(pushed);
    expect(pulled.more).toBe(false);

    const rename = change('items', 'i1', 'name', 'Tent 2', at(NODE_B, 30));
    const bPush = await syncOk(s.app, b.token, syncBody(NODE_B, [rename], pulled.cursor));
    expect(bPush.changes).toEqual([rename]);

    const aPull = await syncOk(s.app, a.token, syncBody(NODE_A, [], first.cursor));
    expect(aPull.changes).toEqual([rename]);
    const again = await syncOk(s.app, a.token, syncBody(NODE_A, [], aPull.cursor));
    expect(again).toMatchObject({ changes: [], cursor: aPull.cursor, more: false });
  });
});

describe('[API Sync][M4] a push can be repeated: same state, no new sequence', () => {
  it('pushing the same changes twice moves no cursor and changes nothing', async () => {
    const a = await signUp(s.app);
    const batch = [
      change('items', 'i1', 'name', 'Stove', at(NODE_A, 50)),
      change('items', 'i1', 'deleted', false, at(NODE_A, 50, 1)),
      change('listEntries', 'l1:i1', 'qty', 2, at(NODE_A, 40)),
    ];
    const first = await syncOk(s.app, a.token, syncBody(NODE_A, batch));
    const before = await serverState(s.app, a.token);
    const puller = await syncOk(s.app, a.token, syncBody(NODE_B));

    const repeat = await syncOk(s.app, a.token, syncBody(NODE_A, batch, first.cursor));
    expect(repeat).toMatchObject({ changes: [], cursor: first.cursor, more: false });
    const fromStart = await syncOk(s.app, a.token, syncBody(NODE_A, batch));
    expect(fromStart.changes).toEqual(first.changes);

    const after = await syncOk(s.app, a.token, syncBody(NODE_B, [], puller.cursor));
    expect(after).toMatchObject({ changes: [], cursor: puller.cursor });
    expect(await serverState(s.app, a.token)).toEqual(before);
  });
});

describe('[API Sync][M1] the greater hlc wins, whatever the arrival order', () => {
  const older = change('items', 'i1', 'name', 'Old', at(NODE_A, 60));
  const newer = change('items', 'i1', 'name', 'New', at(NODE_A, 30));

  it('newer then older: the older push changes nothing and is not echoed', async () => {
    const a = await signUp(s.app);
    const first = await syncOk(s.app, a.token, syncBody(NODE_A, [newer]));
    const second = await syncOk(s.app, a.token, syncBody(NODE_A, [older], first.cursor));
    expect(second).toMatchObject({ changes: [], cursor: first.cursor });
    expect(await serverState(s.app, a.token)).toEqual({
      'items/i1/name': { value: 'New', hlc: newer.hlc },
    });
  });

  it('older then newer: the newer replaces it', async () => {
    const a = await signUp(s.app);
    const first = await syncOk(s.app, a.token, syncBody(NODE_A, [older]));
    const second = await syncOk(s.app, a.token, syncBody(NODE_A, [newer], first.cursor));
    expect(second.changes).toEqual([newer]);
    expect((await serverState(s.app, a.token))['items/i1/name']?.value).toBe('New');
  });

  it('both orders inside one push: one cell, the newer value', async () => {
    for (const batch of [
      [older, newer],
      [newer, older],
    ]) {
      const a = await signUp(s.app);
      const answer = await syncOk(s.app, a.token, syncBody(NODE_A, batch));
      expect(answer.changes).toEqual([newer]);
    }
  });

  it('orders by time, then counter, then node id', async () => {
    const a = await signUp(s.app);
    const steps: [string, string][] = [
      [NODE_B, at(NODE_B, 20, 5)],
      [NODE_A, at(NODE_A, 10, 0)], // later time beats a higher counter
      [NODE_C, at(NODE_C, 10, 1)], // same time, higher counter
      [NODE_B, at(NODE_B, 10, 2)],
      [NODE_C, at(NODE_C, 10, 2)], // same time and counter: node cc > bb
    ];
    for (const [node, stamp] of steps) {
      const push = change('items', 'i1', 'name', `by ${stamp}`, stamp);
      await syncOk(s.app, a.token, syncBody(node, [push]));
      expect((await serverState(s.app, a.token))['items/i1/name']?.hlc).toBe(stamp);
      const stale = change('items', 'i1', 'name', 'stale', at(NODE_A, 30));
      await syncOk(s.app, a.token, syncBody(NODE_A, [stale]));
      expect((await serverState(s.app, a.token))['items/i1/name']?.hlc).toBe(stamp);
    }
  });

  it('a push that loses gets the winning cell back in its answer', async () => {
    const a = await signUp(s.app);
    const b = await signIn(s.app, a);
    const start = await syncOk(s.app, a.token, syncBody(NODE_A));
    const winner = change('items', 'i1', 'name', 'From B', at(NODE_B, 10));
    await syncOk(s.app, b.token, syncBody(NODE_B, [winner]));
    const loser = change('items', 'i1', 'name', 'From A', at(NODE_A, 20));
    const answer = await syncOk(s.app, a.token, syncBody(NODE_A, [loser], start.cursor));
    expect(answer.changes).toEqual([winner]);
  });
});

describe('[API Sync][M5] an hlc equal to the stored one is a no-op', () => {
  it('keeps the stored value and hands out no new sequence number', async () => {
    const a = await signUp(s.app);
    const stamp = at(NODE_A, 60);
    const first = await syncOk(
      s.app,
      a.token,
      syncBody(NODE_A, [change('items', 'i1', 'name', 'Kept', stamp)]),
    );
    const puller = await syncOk(s.app, a.token, syncBody(NODE_B));
    const reuse = change('items', 'i1', 'name', 'Dropped', stamp);
    const answer = await syncOk(s.app, a.token, syncBody(NODE_A, [reuse], first.cursor));
    expect(answer).toMatchObject({ changes: [], cursor: first.cursor });
    const later = await syncOk(s.app, a.token, syncBody(NODE_B, [], puller.cursor));
    expect(later).toMatchObject({ changes: [], cursor: puller.cursor });
    expect(await serverState(s.app, a.token)).toEqual({
      'items/i1/name': { value: 'Kept', hlc: stamp },
    });
  });
});

describe('[API Sync][M7] rows merge field by field', () => {
  it('each field keeps its own greatest write, from whichever device', async () => {
    const a = await signUp(s.app);
    const b = await signIn(s.app, a);
    await syncOk(
      s.app,
      a.token,
      syncBody(NODE_A, [
        change('items', 'i1', 'name', 'A name', at(NODE_A, 10)),
        change('items', 'i1', 'notes', 'A notes', at(NODE_A, 50)),
      ]),
    );
    await syncOk(
      s.app,
      b.token,
      syncBody(NODE_B, [
        change('items', 'i1', 'name', 'B name', at(NODE_B, 40)),
        change('items', 'i1', 'notes', 'B notes', at(NODE_B, 20)),
        change('items', 'i1', 'weightGrams', 900, at(NODE_B, 90)),
      ]),
    );
    expect(await serverState(s.app, a.token)).toEqual({
      'items/i1/name': { value: 'A name', hlc: at(NODE_A, 10) },
      'items/i1/notes': { value: 'B notes', hlc: at(NODE_B, 20) },
      'items/i1/weightGrams': { value: 900, hlc: at(NODE_B, 90) },
    });
  });
});

describe('[API Sync] the answer includes the pusher’s own winning cells', () => {
  it('echoes exactly the cells that won, in push order, along with newer cells of others', async () => {
    const a = await signUp(s.app);
    const b = await signIn(s.app, a);
    const start = await syncOk(s.app, a.token, syncBody(NODE_A));
    const fromB = change('items', 'i9', 'name', 'B item', at(NODE_B, 100));
    const bStrong = change('items', 'i1', 'notes', 'B wins', at(NODE_B, 5));
    await syncOk(s.app, b.token, syncBody(NODE_B, [fromB, bStrong]));
    const mine = [
      change('items', 'i1', 'name', 'Mine', at(NODE_A, 30)),
      change('items', 'i1', 'notes', 'A loses', at(NODE_A, 30, 1)),
      change('items', 'i2', 'name', 'Mine too', at(NODE_A, 30, 2)),
    ];
    const answer = await syncOk(s.app, a.token, syncBody(NODE_A, mine, start.cursor));
    expect(answer.changes).toEqual([fromB, bStrong, mine[0], mine[2]]);
  });
});

describe('[API Tables and fields] tombstones: deleting is writing deleted: true', () => {
  it('a delete and its undo sync like any cell; the other fields stay', async () => {
    const a = await signUp(s.app);
    const b = await signIn(s.app, a);
    const row = [
      change('items', 'i1', 'name', 'Tent', at(NODE_A, 90)),
      change('items', 'i1', 'deleted', false, at(NODE_A, 90, 1)),
      change('listEntries', 'l1:i1', 'qty', 1, at(NODE_A, 90, 2)),
    ];
    await syncOk(s.app, a.token, syncBody(NODE_A, row));
    const bStart = await syncOk(s.app, b.token, syncBody(NODE_B));

    const deletes = [
      change('items', 'i1', 'deleted', true, at(NODE_A, 60)),
      change('listEntries', 'l1:i1', 'deleted', true, at(NODE_A, 60, 1)),
    ];
    await syncOk(s.app, a.token, syncBody(NODE_A, deletes));
    const seen = await syncOk(s.app, b.token, syncBody(NODE_B, [], bStart.cursor));
    expect(seen.changes).toEqual(deletes);

    const staleUndo = change('items', 'i1', 'deleted', false, at(NODE_C, 70));
    await syncOk(s.app, a.token, syncBody(NODE_C, [staleUndo]));
    const undo = change('items', 'i1', 'deleted', false, at(NODE_B, 30));
    await syncOk(s.app, b.token, syncBody(NODE_B, [undo], seen.cursor));
    const aState = await serverState(s.app, a.token);
    expect(aState['items/i1/deleted']).toEqual({ value: false, hlc: undo.hlc });
    expect(aState['items/i1/name']).toEqual({ value: 'Tent', hlc: at(NODE_A, 90) });
    expect(aState['listEntries/l1:i1/deleted']?.value).toBe(true);
  });
});
