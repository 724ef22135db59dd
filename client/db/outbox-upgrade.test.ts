// The version 3 upgrade of the outbox (outbox-upgrade.ts): a device updated with unsent
// changes in its version 2 outbox (one entry per changed field) loses none of them. The
// version 2 database is declared here as it shipped, with plain Dexie (no middleware).
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { checkProperty } from '../../shared/test-support/property';
import { openDatabase, type PybDatabase } from './db';
import { convertLegacyOutbox, type LegacyOutboxEntry } from './outbox-upgrade';
import { cellsOfEntry } from './types';

const SHIPPED_V2 = {
  items: 'id, name, status',
  lists: 'id, sortKey',
  listEntries: 'id, listId, itemId',
  packs: 'id, sortKey',
  packLists: 'id, packId, listId',
  trips: 'id, startDate, packId',
  tripChecks: 'id, tripId, itemId',
  settings: 'id',
  outbox: '++seq, table',
  meta: 'key',
};

const H1 = '2026-06-01T10:00:00.000Z-0000-0123456789abcdef';
const H2 = '2026-06-01T10:00:00.000Z-0001-0123456789abcdef';
const H3 = '2026-06-01T10:00:01.000Z-0000-0123456789abcdef';

type Cell = Omit<LegacyOutboxEntry, 'seq'>;
const cell = (id: string, field: string, value: unknown, hlc: string): Cell => ({
  table: 'items',
  id,
  field,
  value,
  hlc,
});

/** What version 2 held after: add tent, add stove (one bulk write), rename tent twice. */
const PENDING: Cell[] = [
  cell('tent', 'name', 'Tent', H1),
  cell('tent', 'weightGrams', 900, H1),
  cell('stove', 'name', 'Stove', H1),
  cell('stove', 'weightGrams', 80, H1),
  cell('tent', 'name', 'Tarp', H2),
  { ...cell('tent:x', 'qty', 2, H2), table: 'listEntries' },
  cell('tent', 'name', 'Tarp tent', H3),
  cell('tent', 'notes', 'patched', H3),
];

let counter = 0;
let opened: PybDatabase | undefined;
afterEach(async () => {
  await opened?.delete();
  opened = undefined;
});

async function deviceAtVersion2(name: string, outbox: readonly Cell[]): Promise<void> {
  const v2 = new Dexie(name);
  v2.version(2).stores(SHIPPED_V2);
  await v2.open();
  await v2.table('outbox').bulkAdd(outbox.map((c) => ({ ...c })));
  v2.close();
}

const withoutSeq = ({ seq: _seq, ...rest }: LegacyOutboxEntry): Cell => rest;

describe('outbox upgrade to one entry per written row (version 3)', () => {
  it('folds the cells of each write into one entry, in order, at its first seq', async () => {
    const name = `outbox-upgrade-${++counter}`;
    await deviceAtVersion2(name, PENDING);
    opened = openDatabase(name);
    await opened.open();
    expect(opened.verno).toBe(4);
    expect(await opened.outbox.toArray()).toEqual([
      { seq: 1, table: 'items', id: 'tent', values: { name: 'Tent', weightGrams: 900 }, hlc: H1 },
      { seq: 3, table: 'items', id: 'stove', values: { name: 'Stove', weightGrams: 80 }, hlc: H1 },
      { seq: 5, table: 'items', id: 'tent', values: { name: 'Tarp' }, hlc: H2 },
      { seq: 6, table: 'listEntries', id: 'tent:x', values: { qty: 2 }, hlc: H2 },
      {
        seq: 7,
        table: 'items',
        id: 'tent',
        values: { name: 'Tarp tent', notes: 'patched' },
        hlc: H3,
      },
    ]);
  });

  it('keeps an empty outbox empty, and new writes go on after the old seqs', async () => {
    const name = `outbox-upgrade-${++counter}`;
    await deviceAtVersion2(name, PENDING.slice(0, 2));
    opened = openDatabase(name);
    await opened.items.update('tent', { name: 'x' }); // no such row: nothing written
    await opened.lists.add({
      id: 'l1',
      name: 'Shelter',
      notes: '',
      color: null,
      sortKey: 'a0',
      deleted: false,
    });
    const entries = await opened.outbox.toArray();
    expect(entries.map((e) => e.seq)).toEqual([1, 3]);
    expect(entries[1]).toMatchObject({ table: 'lists', id: 'l1' });

    const empty = `outbox-upgrade-${++counter}`;
    await deviceAtVersion2(empty, []);
    const other = openDatabase(empty);
    expect(await other.outbox.count()).toBe(0);
    await other.delete();
  });

  const cellArb = fc.record({
    table: fc.constantFrom('items' as const, 'lists' as const),
    id: fc.constantFrom('a', 'b'),
    field: fc.constantFrom('name', 'notes', 'qty'),
    value: fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant(null)),
    hlc: fc.constantFrom(H1, H2, H3),
  });

  checkProperty(
    'the upgraded outbox holds exactly the cells it held, in the same order',
    // A write stamps each field once, so no cell repeats with the same hlc.
    fc.property(fc.uniqueArray(cellArb, { maxLength: 40, selector: cellWrite }), (cells) => {
      const stored: LegacyOutboxEntry[] = cells.map((c, i) => ({ ...c, seq: i + 1 }));
      const { put, remove } = convertLegacyOutbox(stored);
      // Every seq is kept or folded into an earlier entry, once.
      const kept = put.map((e) => e.seq);
      expect([...kept, ...remove].sort((a, b) => a - b)).toEqual(stored.map((e) => e.seq));
      expect(kept).toEqual([...kept].sort((a, b) => a - b));
      // Flattened, the entries are the old cells, in the old order.
      expect(put.flatMap(cellsOfEntry)).toEqual(stored.map(withoutSeq));
    }),
  );
});

const cellWrite = (c: Cell) => `${c.table}/${c.id}/${c.field}/${c.hlc}`;
