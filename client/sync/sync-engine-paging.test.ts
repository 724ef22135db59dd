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
    expect(await b.db.items.count()).toBe(ITEMS);
    expect(await b.db.items.get('i39')).toEqual(await a.db.items.get('i39'));
    expect(progress.map((p) => p.pulled)).toEqual(
      Array.from({ length: pages }, (_, i) => Math.min((i + 1) * 50, ITEMS * CELLS)),
    );
  });
});
