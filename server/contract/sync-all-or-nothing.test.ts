// docs/api.md "Sync": "The whole push is applied in one transaction, or not at all",
// "Any error means nothing of the push was applied", and `409 clock_drift` with
// `details: {"serverTime": "…"}` when an hlc's time is more than 10 minutes
// ahead of the server's clock ([C7]: exactly 10 minutes is accepted), ranked
// after 400 ([P2]) and before 410.
import { describe, expect, it } from 'vitest';
import {
  change,
  expectBadChange,
  expectError,
  hlc,
  MINUTE_MS,
  NODE_A,
  NODE_B,
  raiseHorizon,
  seqOf,
  serverState,
  sharedApp,
  signUp,
  sync,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';
import type { TestApp } from '../test-support/fixture';

const s = sharedApp();
const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const name = (value: string, millis: number, id = 'i1', node = NODE_A) =>
  change('items', id, 'name', value, hlc(node, millis));

/** Makes the database refuse to store a cell of row `rowId`; returns the undo. */
async function failInsertsOfRow(t: TestApp, rowId: string): Promise<() => Promise<void>> {
  if (t.engine === 'sqlite') {
    await t.query(`CREATE TRIGGER sync_contract_boom BEFORE INSERT ON cells
      WHEN NEW.row_id = '${rowId}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    return async () => void (await t.query('DROP TRIGGER sync_contract_boom'));
  }
  await t.query(`CREATE FUNCTION sync_contract_boom() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.row_id = '${rowId}' THEN RAISE EXCEPTION 'injected failure'; END IF;
      RETURN NEW;
    END $$`);
  await t.query(`CREATE TRIGGER sync_contract_boom BEFORE INSERT ON cells
    FOR EACH ROW EXECUTE FUNCTION sync_contract_boom()`);
  return async () => void (await t.query('DROP FUNCTION sync_contract_boom CASCADE'));
}

describe('[API Sync] the whole push is one transaction', () => {
  it('a storage failure on the last change leaves every earlier change of the push unapplied', async () => {
    const a = await signUp(s.app);
    const first = await syncOk(s.app, a.token, syncBody(NODE_A, [name('Before', T0 - 9000)]));
    const removeTrigger = await failInsertsOfRow(s.t, 'boom');
    try {
      const push = [
        name('After', T0 - 5000),
        name('Other', T0 - 5000, 'i2'),
        change('items', 'boom', 'name', 'x', hlc(NODE_A, T0 - 5000, 1)),
      ];
      const reply = await sync(s.app, a.token, syncBody(NODE_A, push, first.cursor));
      expectError(reply, 500, 'internal_error');
      expect(reply.text).not.toContain('injected failure');
    } finally {
      await removeTrigger();
    }
    const after = await syncOk(s.app, a.token, syncBody(NODE_A, [], first.cursor));
    expect(after).toMatchObject({ changes: [], cursor: first.cursor });
    expect(await serverState(s.app, a.token)).toEqual({
      'items/i1/name': { value: 'Before', hlc: hlc(NODE_A, T0 - 9000) },
    });
  });
});

describe('[API Sync errors][C7] 409 clock_drift beyond 10 minutes ahead', () => {
  it('an hlc 11 minutes ahead → 409 with details.serverTime (ISO ms), nothing applied', async () => {
    const a = await signUp(s.app);
    s.clock.advance(1234);
    const now = T0 + 1234;
    const push = [name('Fine', now), name('Ahead', now + 11 * MINUTE_MS, 'i2')];
    const reply = await sync(s.app, a.token, syncBody(NODE_A, push));
    const { error } = expectError(reply, 409, 'clock_drift');
    expect(error.details?.['serverTime']).toMatch(ISO_MS);
    expect(error.details?.['serverTime']).toBe(new Date(now).toISOString());
    expect(await serverState(s.app, a.token)).toEqual({});
  });

  it('9 minutes ahead and exactly 10 minutes ahead → 200; 10 minutes + 1 ms → 409', async () => {
    const a = await signUp(s.app);
    const nine = name('Nine', T0 + 9 * MINUTE_MS);
    const first = await syncOk(s.app, a.token, syncBody(NODE_A, [nine]));
    expect(first.changes).toEqual([nine]);
    const ten = name('Ten', T0 + 10 * MINUTE_MS, 'i2');
    const second = await syncOk(s.app, a.token, syncBody(NODE_A, [ten], first.cursor));
    expect(second.changes).toEqual([ten]);
    const over = name('Over', T0 + 10 * MINUTE_MS + 1, 'i3');
    expectError(await sync(s.app, a.token, syncBody(NODE_A, [over])), 409, 'clock_drift');
  });

  it('is measured against the server clock: the same push passes once the server caught up', async () => {
    const a = await signUp(s.app);
    const ahead = name('Ahead', T0 + 11 * MINUTE_MS);
    expectError(await sync(s.app, a.token, syncBody(NODE_A, [ahead])), 409, 'clock_drift');
    s.clock.advance(2 * MINUTE_MS);
    expect((await syncOk(s.app, a.token, syncBody(NODE_A, [ahead]))).changes).toEqual([ahead]);
  });

  it('an hlc far behind the server is no error', async () => {
    const a = await signUp(s.app);
    const old = name('Old', Date.parse('2001-01-01T00:00:00.000Z'));
    expect((await syncOk(s.app, a.token, syncBody(NODE_A, [old]))).changes).toEqual([old]);
  });

  it('[P2] a bad change anywhere in the batch outranks drift: 400 at its index', async () => {
    const a = await signUp(s.app);
    const ahead = name('Ahead', T0 + 11 * MINUTE_MS);
    const bad = change('items', 'i2', 'qty', 1, hlc(NODE_A, T0));
    expectBadChange(await sync(s.app, a.token, syncBody(NODE_A, [ahead, bad])), 1);
    const foreign = name('Foreign', T0 + 11 * MINUTE_MS, 'i3', NODE_B);
    expectBadChange(await sync(s.app, a.token, syncBody(NODE_A, [ahead, foreign])), 1);
    expect(await serverState(s.app, a.token)).toEqual({});
  });
});

describe('[API Sync errors] order of 400, 409 and 410', () => {
  async function purgedUser() {
    const a = await signUp(s.app);
    const cells = [1, 2, 3, 4].map((i) => name(`n${i}`, T0 - 1000, `i${i}`));
    const pushed = await syncOk(s.app, a.token, syncBody(NODE_A, cells, '', 2));
    await raiseHorizon(s.t, a.userId, seqOf(pushed.cursor) + 2);
    return { a, stale: pushed.cursor };
  }

  it('a purged cursor with a drifting hlc → 409, not 410', async () => {
    const { a, stale } = await purgedUser();
    const ahead = name('Ahead', T0 + 11 * MINUTE_MS, 'i9');
    expectError(await sync(s.app, a.token, syncBody(NODE_A, [ahead], stale)), 409, 'clock_drift');
  });

  it('a purged cursor with a bad change → 400, not 410', async () => {
    const { a, stale } = await purgedUser();
    const bad = change('items', 'i9', 'weightGrams', -1, hlc(NODE_A, T0));
    expectBadChange(await sync(s.app, a.token, syncBody(NODE_A, [bad], stale)), 0);
  });

  it('a purged cursor with valid changes → 410 and nothing applied', async () => {
    const { a, stale } = await purgedUser();
    const push = [name('Late', T0, 'i9')];
    expectError(await sync(s.app, a.token, syncBody(NODE_A, push, stale)), 410, 'resync_required');
    expect(Object.keys(await serverState(s.app, a.token))).not.toContain('items/i9/name');
  });
});
