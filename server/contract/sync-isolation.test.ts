// docs/api.md "Sync": "Each user's data is a separate namespace: no request can
// read or change another user's cells, whatever ids it names."
import { describe, expect, it } from 'vitest';
import {
  change,
  expectOk,
  hlc,
  NODE_A,
  NODE_B,
  serverState,
  sharedApp,
  signUp,
  sync,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';

const s = sharedApp();
const SECRET = 'secret-of-user-a';

async function userAWithData() {
  const a = await signUp(s.app);
  const cells = [
    change('items', 'i1', 'name', SECRET, hlc(NODE_A, T0 - 1000)),
    change('items', 'i1', 'notes', SECRET, hlc(NODE_A, T0 - 1000, 1)),
    change('listEntries', 'l1:i1', 'qty', 7, hlc(NODE_A, T0 - 1000, 2)),
    change('settings', 'settings', 'units', 'oz', hlc(NODE_A, T0 - 1000, 3)),
  ];
  const answer = await syncOk(s.app, a.token, syncBody(NODE_A, cells));
  return { a, cells, cursor: answer.cursor };
}

describe('[API Sync] each user is a separate namespace', () => {
  it('user B cannot read A’s cells, whatever cursor or node id it sends', async () => {
    const { cursor } = await userAWithData();
    const b = await signUp(s.app);
    for (const since of ['', '0', '1', '2', cursor]) {
      for (const nodeId of [NODE_A, NODE_B]) {
        const reply = await sync(s.app, b.token, syncBody(nodeId, [], since));
        expect(reply.text).not.toContain(SECRET);
        expect(reply.text).not.toContain('l1:i1');
        if (reply.status === 200) expect(expectOk(reply).changes).toEqual([]);
        else expect(reply.status, reply.text).toBe(410);
      }
    }
    expect(await serverState(s.app, b.token)).toEqual({});
  });

  it('B writing the same ids creates B’s own cells; A is unchanged and its cursor does not move', async () => {
    const { a, cells, cursor } = await userAWithData();
    const before = await serverState(s.app, a.token);
    const b = await signUp(s.app);
    const older = [
      change('items', 'i1', 'name', 'B tent', hlc(NODE_A, T0 - 5000)),
      change('settings', 'settings', 'units', 'kg', hlc(NODE_A, T0 - 5000, 1)),
    ];
    const newer = [
      change('items', 'i1', 'notes', 'B notes', hlc(NODE_A, T0)),
      change('listEntries', 'l1:i1', 'deleted', true, hlc(NODE_A, T0, 1)),
    ];
    // Older than A's cells: they still win in B's namespace, where nothing is stored yet.
    expect((await syncOk(s.app, b.token, syncBody(NODE_A, older))).changes).toEqual(older);
    expect((await syncOk(s.app, b.token, syncBody(NODE_A, newer))).changes).toEqual([
      ...older,
      ...newer,
    ]);

    const bValues = Object.values(await serverState(s.app, b.token)).map((c) => c.value);
    expect(bValues).toEqual(['B tent', 'B notes', true, 'kg']);
    expect(await serverState(s.app, a.token)).toEqual(before);
    const aPull = await syncOk(s.app, a.token, syncBody(NODE_B, [], cursor));
    expect(aPull).toMatchObject({ changes: [], cursor });
    expect((await syncOk(s.app, a.token, syncBody(NODE_B))).changes).toEqual(cells);
  });

  it('a cursor of another user is never a way in, even when B has more data than A', async () => {
    const { a, cursor } = await userAWithData();
    const b = await signUp(s.app);
    const many = Array.from({ length: 20 }, (_, i) =>
      change('items', `b${i}`, 'name', `B ${i}`, hlc(NODE_B, T0 - 100 + i)),
    );
    await syncOk(s.app, b.token, syncBody(NODE_B, many));
    const answer = await syncOk(s.app, b.token, syncBody(NODE_B, [], cursor));
    expect(answer.changes.every((c) => c.id.startsWith('b'))).toBe(true);
    expect(JSON.stringify(answer)).not.toContain(SECRET);
    const aAgain = await syncOk(s.app, a.token, syncBody(NODE_A, [], cursor));
    expect(aAgain).toMatchObject({ changes: [], cursor });
  });
});
