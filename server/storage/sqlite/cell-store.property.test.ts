// writeAll writes a push with multi-row statements and closes the holes losers leave;
// held here to the rule it replaces, one cell at a time: [M1] a greater hlc wins, [M5] an
// equal one changes nothing, and every winner takes the user's next sequence number, so the
// numbers stay contiguous and in push order (docs/api.md "Pulling and cursors"). Pushes are long enough to span several
// statements, with keys and hlcs from small sets so that losers, ties and cells repeated
// within one push are common.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { checkProperty } from '../../../shared/test-support/property';
import { migrate, readMigrations } from '../../db/migrate';
import { openDatabase } from '../../db/open';
import { MIGRATIONS_DIR } from '../../paths';
import { createCellStore } from './cell-store';
import { type StoredCell } from '../../sync/cells';

type Cell = Omit<StoredCell, 'seq'>;
const USER = 'user-1';

const cellArb: fc.Arbitrary<Cell> = fc.record({
  tbl: fc.constantFrom('items', 'lists'),
  row_id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'),
  field: fc.constantFrom('name', 'notes', 'deleted'),
  hlc: fc.integer({ min: 0, max: 30 }).map((n) => `h${String(n).padStart(2, '0')}`),
  value: fc.constantFrom('"x"', '"y"', 'true', 'false'),
});
// Short pushes (one statement a cell), long ones across several 100-cell statements, and
// exactly one and two statements' worth. `size: 'max'`: fast-check's default size keeps
// arrays to about ten items whatever maxLength says.
const pushArb = fc.oneof(
  fc.array(cellArb, { maxLength: 20 }),
  fc.array(cellArb, { minLength: 95, maxLength: 310, size: 'max' }),
  fc.constantFrom(100, 200).chain((n) => fc.array(cellArb, { minLength: n, maxLength: n })),
);

/** The sequential rule: each key's winning cell, the number it took and the push it came in. */
function reference(pushes: readonly Cell[][]) {
  const cells = new Map<string, StoredCell & { push: number }>();
  let last = 0;
  pushes.forEach((push, index) => {
    for (const cell of push) {
      const key = `${cell.tbl}/${cell.row_id}/${cell.field}`;
      const stored = cells.get(key);
      if (stored && !(cell.hlc > stored.hlc)) continue;
      cells.set(key, { ...cell, seq: (last += 1), push: index });
    }
  });
  return [...cells.values()].sort((a, b) => a.seq - b.seq);
}

function store() {
  const db = openDatabase(':memory:');
  migrate(db, readMigrations(MIGRATIONS_DIR));
  db.prepare('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, 0)').run(
    USER,
    'user@example.com',
    'not a hash',
  );
  return { db, cells: createCellStore(db) };
}

describe('cell store: a push of many cells', () => {
  checkProperty(
    '[M1][M5] keeps the same winners as one cell at a time, numbered without holes in push order',
    fc.property(fc.array(pushArb, { minLength: 1, maxLength: 3 }), (pushes) => {
      const { db, cells } = store();
      let last = 0;
      pushes.forEach((push, index) => {
        const written = db.transaction(() => cells.writeAll(USER, push, last))();
        const changed = reference(pushes.slice(0, index + 1)).filter((c) => c.push === index);
        // The keys the push changed hold the numbers after `last`, none skipped.
        const numbers = cells.page(USER, last, 10_000).map((cell) => cell.seq);
        expect(numbers).toEqual(changed.map((_, i) => last + 1 + i));
        expect(written.lastSeq).toBe(last + changed.length);
        last = written.lastSeq;
      });
      const model = reference(pushes);
      const stored = cells.page(USER, 0, 10_000);
      // The same cells, in the same order (the model's numbers have holes; the store's not).
      const strip = ({ tbl, row_id, field, value, hlc }: StoredCell) => ({
        tbl,
        row_id,
        field,
        value,
        hlc,
      });
      expect(stored.map(strip)).toEqual(model.map(strip));
      // A row has a tombstone exactly when its winning `deleted` cell says true.
      const tombstones = db
        .prepare('SELECT tbl, row_id, hlc FROM tombstones ORDER BY tbl, row_id')
        .all();
      const deleted = model
        .filter((c) => c.field === 'deleted' && c.value === 'true')
        .map(({ tbl, row_id, hlc }) => ({ tbl, row_id, hlc }))
        .sort((a, b) => `${a.tbl}/${a.row_id}`.localeCompare(`${b.tbl}/${b.row_id}`));
      expect(tombstones).toEqual(deleted);
      db.close();
    }),
    { numRuns: 60 },
  );
});
