// 410 resync_required against the real server: after the server purged a tombstone this
// device never saw, a full pull from "" removes the row here too, keeps what is pending,
// and survives being interrupted.
import { describe, expect, it } from 'vitest';
import type { SyncRequest } from '../../shared/protocol';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { createSyncEngine } from './sync-engine';
import { appTransport, syncUntilQuiet } from './test-support/device';
import { syncServerPerTest } from './test-support/server';
import { purgeTombstones } from '../../server/storage/sqlite/tombstone-purge';

const fx = syncServerPerTest();
const item = (id: string) => ({ ...SAMPLE_ROWS.items, id, name: `Item ${id}` });

/** Two synced devices; `a` then deletes x and the server purges the tombstone. */
async function purgedWhileAway() {
  const token = await fx.register();
  const sent: SyncRequest[] = [];
  const direct = appTransport(fx.server().app, token);
  const a = fx.device(token);
  const b = fx.device(token, {
    transport: (request) => {
      sent.push(request);
      return direct(request);
    },
  });
  await a.db.items.bulkAdd([item('x'), item('y')]);
  await syncUntilQuiet([a, b]);
  await a.db.items.update('x', { deleted: true });
  await a.sync();
  expect(purgeTombstones(fx.server().db, Date.now() + 60_000)).toBe(1);
  await a.db.items.add(item('z'));
  await a.sync();
  sent.length = 0;
  return { token, a, b, sent };
}

describe('sync engine and resync (410)', () => {
  it('pulls everything again and removes the rows the server no longer has', async () => {
    const { a, b, sent } = await purgedWhileAway();
    expect(await b.db.items.get('x')).toMatchObject({ deleted: false }); // never saw it go
    expect(await b.sync()).toMatchObject({ kind: 'synced' });
    expect(sent.map((r) => r.since === '')).toEqual([false, true]);
    expect(await b.db.items.get('x')).toBeUndefined();
    expect((await b.db.items.toCollection().primaryKeys()).sort()).toEqual(['y', 'z']);
    expect(await b.db.meta.get('resync')).toBeUndefined();
    expect(await b.sync()).toMatchObject({ kind: 'synced', pulled: 0 });
    // x is gone from the server too; a keeps its tombstone until it resyncs itself.
    expect((await a.db.items.get('x'))?.deleted).toBe(true);
  });

  it('keeps and pushes the changes that were pending, and the rows they belong to', async () => {
    const { a, b } = await purgedWhileAway();
    await b.db.items.add(item('mine'));
    await b.db.items.update('x', { notes: 'edited while away' });
    expect(await b.sync()).toMatchObject({ kind: 'synced' });
    expect(await b.db.items.get('mine')).toBeDefined();
    expect((await b.db.items.get('x'))?.notes).toBe('edited while away');
    expect(await b.db.outbox.count()).toBe(0);
    await a.sync();
    expect(await a.db.items.get('mine')).toEqual(await b.db.items.get('mine'));
  });

  it('starts over when interrupted, and loses nothing meanwhile', async () => {
    const { token, b } = await purgedWhileAway();
    const direct = appTransport(fx.server().app, token);
    let calls = 0;
    const flaky = createSyncEngine({
      db: b.db,
      transport: (request) => {
        calls += 1;
        if (calls === 2) return Promise.reject(new TypeError('Failed to fetch'));
        return direct(request);
      },
    });
    expect(await flaky.syncOnce()).toEqual({ kind: 'offline' });
    expect(await b.db.meta.get('resync')).toBeDefined();
    expect(await b.db.items.get('x')).toBeDefined(); // nothing removed before the pull is whole
    // After a reload: a fresh engine finds the mark and pulls from the start again.
    const reloaded = createSyncEngine({ db: b.db, transport: direct });
    expect(await reloaded.syncOnce()).toMatchObject({ kind: 'synced' });
    expect(await b.db.items.get('x')).toBeUndefined();
    expect(await b.db.meta.get('resync')).toBeUndefined();
  });

  it("never sweeps with another tab's partial view of a resync", async () => {
    const { token, a, b } = await purgedWhileAway();
    const direct = appTransport(fx.server().app, token);
    let calls = 0;
    const tab1 = createSyncEngine({
      db: b.db,
      transport: (request) => {
        calls += 1;
        if (calls === 2) return Promise.reject(new TypeError('Failed to fetch'));
        return direct(request);
      },
    });
    expect(await tab1.syncOnce()).toEqual({ kind: 'offline' }); // began, pulled nothing
    await a.db.items.add(item('late'));
    await a.sync();
    const tab2 = createSyncEngine({ db: b.db, transport: direct });
    expect(await tab2.syncOnce()).toMatchObject({ kind: 'synced' }); // starts over, finishes
    expect(await tab1.syncOnce()).toMatchObject({ kind: 'synced' });
    expect((await b.db.items.toCollection().primaryKeys()).sort()).toEqual(['late', 'y', 'z']);
  });
});
