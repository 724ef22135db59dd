// Big syncs go in rounds: pushes in batches, pulls in pages (`more: true`), all within one
// syncOnce, until there is nothing left either way.
import { describe, expect, it } from 'vitest';
import type { SyncRequest } from '../../shared/protocol';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import type { SyncProgress } from './sync-engine';
import { appTransport } from './test-support/device';
import { syncServerPerTest } from './test-support/server';

const fx = syncServerPerTest();
const CELLS = Object.keys(SAMPLE_ROWS.items).length - 1;
const ITEMS = 40;
const items = Array.from({ length: ITEMS }, (_, i) => ({
  ...SAMPLE_ROWS.items,
  id: `i${i}`,
  name: `Item ${i}`,
}));

describe('sync engine paging', () => {
  it('pushes a big outbox in batches and pulls in pages, to quiescence in one call', async () => {
    const token = await fx.register();
    const direct = appTransport(fx.server().app, token);
    const requests: SyncRequest[] = [];
    const spy = (request: SyncRequest) => {
      requests.push(request);
      return direct(request);
    };
    const a = fx.device(token, { transport: spy, batchCells: 100 });
    await a.db.items.bulkAdd(items);
    expect(await a.sync()).toMatchObject({ kind: 'synced', pushed: ITEMS * CELLS });
    // A row's cells are one outbox entry, never split: as many whole rows as fit in 100.
    const perRequest = Math.floor(100 / CELLS) * CELLS;
    const sizes = requests.map((r) => r.changes.length);
    expect(sizes.slice(0, -1).every((n) => n === perRequest)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(ITEMS * CELLS);
    expect(await a.db.outbox.count()).toBe(0);

    requests.length = 0;
    const progress: SyncProgress[] = [];
    const onProgress = (p: SyncProgress) => progress.push(p);
    const b = fx.device(token, { transport: spy, pullLimit: 50, onProgress });
    const pages = Math.ceil((ITEMS * CELLS) / 50);
    const outcome = await b.sync();
    expect(outcome).toMatchObject({ kind: 'synced', pulled: ITEMS * CELLS });
    expect(requests).toHaveLength(pages);
    expect(requests.slice(1).every((r, i) => r.since !== requests[i]?.since)).toBe(true);
    // Counting what follows costs the server a walk: asked for on the first page only.
    expect(requests.map((r) => r.countRemaining === true)).toEqual(
      Array.from({ length: pages }, (_, i) => i === 0),
    );
    expect(await b.db.items.count()).toBe(ITEMS);
    expect(await b.db.items.get('i39')).toEqual(await a.db.items.get('i39'));
    expect(progress.map((p) => p.pulled)).toEqual(
      Array.from({ length: pages }, (_, i) => Math.min((i + 1) * 50, ITEMS * CELLS)),
    );
    // The server says how many cells follow each page, so the total is known from the
    // first page on (docs/api.md `remaining`); none after the last.
    expect(progress.map((p) => p.total)).toEqual([
      ...Array.from({ length: pages - 1 }, () => ITEMS * CELLS),
      null,
    ]);
  });

  it('asks for the next page while merging one, and drops it when a local write comes first', async () => {
    const token = await fx.register();
    const a = fx.device(token);
    await a.db.items.bulkAdd(items);
    await a.sync();

    const direct = appTransport(fx.server().app, token);
    const requests: SyncRequest[] = [];
    let writeDuring = 2; // the 2nd request: the page asked for ahead of time
    const late: { b?: ReturnType<typeof fx.device> } = {};
    const spy = async (request: SyncRequest) => {
      requests.push(request);
      if (requests.length === writeDuring && late.b) {
        await late.b.db.items.put({ ...SAMPLE_ROWS.items, id: 'local', name: 'Written mid-pull' });
      }
      return direct(request);
    };
    const b = (late.b = fx.device(token, { transport: spy, pullLimit: 50 }));
    // The pushed item's cells come back at the end of the pull, like every other cell.
    const pages = Math.ceil(((ITEMS + 1) * CELLS) / 50);
    expect(await b.sync()).toMatchObject({ kind: 'synced', pushed: CELLS });
    // The page asked for ahead (the 2nd request) was dropped: the round after it pushed
    // the write instead, from the same cursor. No pull asked for one cursor twice.
    expect(requests).toHaveLength(pages + 1);
    const pushes = requests.filter((r) => r.changes.length > 0);
    expect(pushes).toHaveLength(1);
    expect(pushes[0]?.since).toBe(requests[1]?.since);
    const pulls = requests.filter((r) => r.changes.length === 0).map((r) => r.since);
    expect(new Set(pulls).size).toBe(pulls.length);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.db.items.count()).toBe(ITEMS + 1);
    writeDuring = 0;
    await a.sync();
    expect(await a.db.items.get('local')).toMatchObject({ name: 'Written mid-pull' });
  });
});

describe('sync engine paging after a 410', () => {
  it('asks how many cells follow again when a resync restarts the pull', async () => {
    const token = await fx.register();
    const a = fx.device(token);
    await a.db.items.bulkAdd(items);
    await a.sync();

    const direct = appTransport(fx.server().app, token);
    const requests: SyncRequest[] = [];
    // The second request meets a purge (a 410, as the server answers one): the pull starts
    // over from "", and the count the first page gave no longer applies.
    const spy = (request: SyncRequest) => {
      requests.push(request);
      if (requests.length !== 2) return direct(request);
      const error = {
        code: 'resync_required',
        message: 'Pull again.',
        details: { cause: 'purge' },
      };
      return Promise.resolve(Response.json({ error }, { status: 410 }));
    };
    const progress: SyncProgress[] = [];
    const b = fx.device(token, {
      transport: spy,
      pullLimit: 50,
      onProgress: (p) => progress.push(p),
    });
    expect(await b.sync()).toMatchObject({ kind: 'synced' });
    expect(requests.slice(0, 3).map((r) => [r.since === '', r.countRemaining])).toEqual([
      [true, true],
      [false, false],
      [true, true],
    ]);
    expect(await b.db.items.count()).toBe(ITEMS);
    expect(progress.every((p) => p.total === null || p.total >= p.pulled)).toBe(true);
  });
});
