// 410 resync_required: the server has purged old tombstones (deleted rows, all their
// cells) that this device's cursor has not reached, so pulling on from the cursor would
// never tell it those rows are gone; or it was restored from a backup and lacks cells
// this device has seen, which the device then sends again first (`resend`, [P6]). The device pulls everything again from "" and
// then keeps of each local row only the fields the full pull brought or the outbox still
// holds (pushed cells come back in the pull too): exactly what the server will hold, so
// the device ends where every other device does. A row edited here while another device
// deleted it and the tombstone was purged comes back without `deleted`, hidden
// everywhere, rather than live on this device only.
//
// Rows are removed at the end rather than before the pull: the user keeps seeing their
// data while it downloads, and going offline halfway leaves nothing missing. The `resync`
// meta row marks a full pull in progress; the set of rows seen lives in memory only, in
// the engine that started the pull, so an engine that finds a mark it did not make (after
// a reload, or another tab's) starts over from "" (see sync-engine.ts).
import { Dexie } from 'dexie';
import type { PybDatabase } from '../db/db';
import { allowHardDeletes, CLOCK_FIELD } from '../db/hlc-middleware';
import { applyingRemote } from '../db/write-marks';
import { SYNCED_TABLES } from '../db/types';
import { queueEveryCell } from '../model/guest-data-keep';
import { rowKey } from './commit-answer';

/** A full pull under way in one engine: its mark in `meta` and the cells it has seen. */
export interface Resync {
  mark: string;
  seen: Set<string>;
}

/**
 * Marks a full pull from "" as begun (and moves the cursor there). With `resend` (the
 * server was restored from a backup, [P6]) every cell this device holds is queued again,
 * with the hlc it was written with, in the same transaction: the server may lack any of
 * them, and the full pull then keeps them because the outbox holds them.
 */
export async function beginResync(
  db: PybDatabase,
  { resend }: { resend: boolean } = { resend: false },
): Promise<Resync> {
  const mark = `${new Date().toISOString()} ${Math.random().toString(36).slice(2)}`;
  const tables = [...SYNCED_TABLES.map((name) => db.table(name)), db.outbox, db.meta];
  await db.transaction('rw', tables, async () => {
    if (resend) await queueEveryCell(db, null);
    await db.meta.bulkPut([
      { key: 'resync', value: mark },
      { key: 'cursor', value: '' },
    ]);
  });
  return { mark, seen: new Set() };
}

/** The mark of the full pull under way, if any (this tab's, or another's). */
export async function pendingResync(db: PybDatabase): Promise<string | undefined> {
  return (await db.meta.get('resync'))?.value;
}

/**
 * Drops what the full pull did not bring and the outbox does not hold (whole rows, or
 * stale fields of a row); resolves how many rows went. One transaction.
 * Only if the mark is still this pull's: another tab that started over has its own set
 * of rows seen, and this one's would remove rows it never pulled.
 */
export function finishResync(db: PybDatabase, { mark, seen }: Resync): Promise<number> {
  const tables = SYNCED_TABLES.map((name) => db.table<unknown, string>(name));
  return db.transaction('rw', [...tables, db.outbox, db.meta], async () => {
    const transaction = Dexie.currentTransaction;
    if (!transaction) throw new Error('finishResync needs its transaction');
    if ((await db.meta.get('resync'))?.value !== mark) return 0;
    allowHardDeletes(transaction);
    applyingRemote(transaction);
    // What the device may keep of each row: the fields the full pull brought, and the
    // fields still waiting in the outbox (the server will have those after the push).
    const keep = new Map<string, Set<string>>();
    const allow = (row: string, field: string) =>
      keep.set(row, (keep.get(row) ?? new Set()).add(field));
    for (const cell of seen)
      allow(cell.slice(0, cell.lastIndexOf('/')), cell.slice(cell.lastIndexOf('/') + 1));
    await db.outbox.each((entry) => {
      for (const field of Object.keys(entry.values)) allow(rowKey(entry.table, entry.id), field);
    });
    let removed = 0;
    for (const [i, table] of tables.entries()) {
      const name = SYNCED_TABLES[i] ?? '';
      const rows = (await table.toArray()) as StoredRow[];
      const gone = rows.filter((row) => !keep.has(rowKey(name, row.id))).map((row) => row.id);
      await table.bulkDelete(gone);
      removed += gone.length;
      const cut = rows.flatMap((row) => {
        const fields = keep.get(rowKey(name, row.id));
        return fields && hasOtherFields(row, fields) ? [onlyFields(row, fields)] : [];
      });
      await table.bulkPut(cut);
    }
    await db.meta.delete('resync');
    return removed;
  });
}

type StoredRow = Record<string, unknown> & { id: string; [CLOCK_FIELD]?: Record<string, string> };

function hasOtherFields(row: StoredRow, fields: ReadonlySet<string>): boolean {
  return Object.keys(row).some((f) => f !== 'id' && f !== CLOCK_FIELD && !fields.has(f));
}

/** The row cut down to the given fields (and their stamps). */
function onlyFields(row: StoredRow, fields: ReadonlySet<string> = new Set()): StoredRow {
  const cut: StoredRow = { id: row.id, [CLOCK_FIELD]: {} };
  const stamps = cut[CLOCK_FIELD] ?? {};
  for (const field of fields) {
    if (!(field in row)) continue;
    cut[field] = row[field];
    const stamp = row[CLOCK_FIELD]?.[field];
    if (stamp !== undefined) stamps[field] = stamp;
  }
  return cut;
}
