import fc from 'fast-check';
import { afterEach, describe, expect } from 'vitest';
import { parseBackup, type Backup } from '../../shared/backup';
import { mergeRow, type Cell } from '../../shared/merge';
import { checkAsyncProperty } from '../../shared/test-support/property';
import {
  pooledIdArb,
  stampedTablesArb,
  type StampedRow,
  type StampedTables,
} from '../../shared/test-support/row-arbitraries';
import type { PybDatabase } from '../db/db';
import { cellsOfEntry, SYNCED_TABLES } from '../db/types';
import { exportBackup } from './backup';
import { restoreBackup } from './backup-restore';
import {
  bookkeeping,
  deleteDatabases,
  freshDatabase,
  putStamped,
  readAll,
} from './test-support/backup-db';

afterEach(deleteDatabases);

const NOW = new Date('2026-06-01T09:30:00.000Z');
const OPTIONS = { project: 'client', timeoutMs: 120_000 };

async function backupOf(database: PybDatabase): Promise<Backup> {
  const parsed = parseBackup(await exportBackup(database, NOW));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.backup;
}

/** A database holding `tables`, deleted again after `body`. */
async function withDatabase<T>(tables: StampedTables, body: (d: PybDatabase) => Promise<T>) {
  try {
    const database = await freshDatabase();
    await putStamped(database, tables);
    return await body(database);
  } finally {
    await deleteDatabases();
  }
}

const cellsOf = (row: StampedRow | undefined): Record<string, Cell> =>
  Object.fromEntries(
    Object.entries(row?._hlc ?? {}).map(([field, hlc]) => [field, { value: row?.[field], hlc }]),
  );

/** The rows [M7] says the two databases merge into, sorted by id like readAll. */
function merged(local: StampedTables, backup: StampedTables): Record<string, unknown[]> {
  const result: Record<string, unknown[]> = {};
  for (const name of SYNCED_TABLES) {
    const ids = [...new Set([...local[name], ...backup[name]].map((row) => row.id))].sort();
    result[name] = ids.map((id) => {
      const cells = mergeRow(
        cellsOf(local[name].find((row) => row.id === id)),
        cellsOf(backup[name].find((row) => row.id === id)),
      );
      const values = Object.entries(cells).map(([field, cell]) => [field, cell.value]);
      const stamps = Object.entries(cells).map(([field, cell]) => [field, cell.hlc]);
      return { id, ...Object.fromEntries(values), _hlc: Object.fromEntries(stamps) };
    });
  }
  return result;
}

const countCells = (tables: StampedTables) =>
  SYNCED_TABLES.flatMap((name) => tables[name]).reduce(
    (sum, row) => sum + Object.keys(row._hlc).length,
    0,
  );

describe('JSON backup', () => {
  checkAsyncProperty(
    '[B4] random data → backup → restore into an empty database → the same rows',
    fc.asyncProperty(stampedTablesArb(), async (tables) => {
      await withDatabase(tables, async (source) => {
        const backup = await backupOf(source);
        const target = await freshDatabase();
        const result = await restoreBackup(target, backup, NOW.getTime());
        expect(await readAll(target)).toEqual(await readAll(source));
        for (const name of SYNCED_TABLES)
          expect(result.counts[name]).toEqual({
            added: tables[name].length,
            updated: 0,
            unchanged: 0,
          });
        // Every cell is queued once, re-homed to this device [B4].
        const { outbox, clock } = await bookkeeping(target);
        const nodeId = (await target.meta.get('nodeId'))?.value ?? '?';
        expect(result.queued).toBe(countCells(tables));
        expect(outbox.flatMap(cellsOfEntry)).toHaveLength(result.queued);
        for (const entry of outbox) expect(entry.hlc.endsWith(nodeId)).toBe(true);
        // [C4] the clock is past every restored stamp.
        for (const row of SYNCED_TABLES.flatMap((name) => tables[name]))
          for (const hlc of Object.values(row._hlc)) expect((clock?.value ?? '') > hlc).toBe(true);
      });
    }),
    OPTIONS,
  );

  checkAsyncProperty(
    '[B4][M1][M5] restore merges cell by cell, and restoring twice changes nothing',
    fc.asyncProperty(
      stampedTablesArb(3, pooledIdArb),
      stampedTablesArb(3, pooledIdArb),
      async (local, saved) => {
        const backup = await withDatabase(saved, backupOf);
        await withDatabase(local, async (database) => {
          const first = await restoreBackup(database, backup, NOW.getTime());
          expect(await readAll(database)).toEqual(merged(local, saved));
          const before = await bookkeeping(database);
          expect(before.outbox.flatMap(cellsOfEntry)).toHaveLength(first.queued);

          const second = await restoreBackup(database, backup, NOW.getTime());
          expect(second.queued).toBe(0);
          for (const name of SYNCED_TABLES)
            expect(second.counts[name]).toEqual({
              added: 0,
              updated: 0,
              unchanged: saved[name].length,
            });
          expect(await readAll(database)).toEqual(merged(local, saved));
          expect(await bookkeeping(database)).toEqual(before);
        });
      },
    ),
    OPTIONS,
  );
});
