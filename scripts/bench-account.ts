// The account the sync benchmarks use: 10,000 items (9 fields each) and one list
// entry per item (7 fields) in one list: 160,005 cells, all from one device.
// 200 items in the smoke run (PYB_BENCH_SMOKE=1).
import { formatHlc } from '../shared/hlc';
import type { SyncChange } from '../shared/protocol';
import { size } from './bench-table';

export const NODE = 'feedfacecafebeef';
export const ITEMS = size(10_000, 200);
/** The one list every item is on. */
export const LIST_ID = '01935f3a-0000-7000-8000-000000000001';

let built: readonly SyncChange[] | undefined;

/**
 * ITEMS items (9 fields each), one list entry per item (7 fields) and a list: 16×ITEMS + 5
 * cells. Built once per process (a bench asks for them, their ids and their last cell).
 */
export function accountCells(): readonly SyncChange[] {
  return (built ??= buildAccountCells());
}

function buildAccountCells(): SyncChange[] {
  const start = Date.now() - 60_000;
  let n = 0;
  const hlc = () =>
    formatHlc({ millis: start + Math.floor(n / 1000), counter: n++ % 1000, node: NODE });
  const cells: SyncChange[] = [];
  const listId = LIST_ID;
  const add = (table: string, id: string, values: Record<string, unknown>) => {
    for (const [field, value] of Object.entries(values))
      cells.push({ table, id, field, value, hlc: hlc() });
  };
  add('lists', listId, {
    name: 'Everything',
    notes: '',
    color: null,
    sortKey: 'a0',
    deleted: false,
  });
  for (let i = 0; i < ITEMS; i += 1) {
    const id = `01935f3a-${i.toString(16).padStart(4, '0').slice(-4)}-7${(i >> 16).toString(16).padStart(3, '0')}-8000-${i.toString(16).padStart(12, '0')}`;
    add('items', id, {
      name: `Item ${i}`,
      brand: 'Brand',
      weightGrams: (i % 900) + 0.5,
      weightUnit: 'g',
      priceCents: i * 10,
      notes: 'A note of moderate length about this piece of gear.',
      color: i % 10,
      status: 'owned',
      deleted: false,
    });
    add('listEntries', `${listId}:${id}`, {
      listId,
      itemId: id,
      qty: 1 + (i % 3),
      wornQty: 0,
      consumable: i % 11 === 0,
      sortKey: `a${i.toString(36).padStart(4, '0')}`,
      deleted: false,
    });
  }
  return cells;
}
