// 410 resync_required: the server has purged old tombstones (deleted rows, all their
// cells) that this device's cursor has not reached, so pulling on from the cursor would
// never tell it those rows are gone. The device pulls everything again from "" and
// then removes every local row the full pull did not mention, unless the row has
// changes still waiting in the outbox (those are pushed as usual and win or lose by
// hlc like any other).
//
// Rows are removed at the end rather than before the pull: the user keeps seeing their
// data while it downloads, and going offline halfway leaves nothing missing. The `resync`
// meta row marks a full pull in progress; the set of rows seen lives in memory only, in
// the engine that started the pull, so an engine that finds a mark it did not make (after
// a reload, or another tab's) starts over from "" (see sync-engine.ts).
import { Dexie } from 'dexie';
import type { PybDatabase } from '../db/db';
import { allowHardDeletes } from '../db/hlc-middleware';
import { SYNCED_TABLES } from '../db/types';
import { rowKey } from './commit-answer';

/** A full pull under way in one engine: its mark in `meta` and the rows it has seen. */
export interface Resync {
  mark: string;
  seen: Set<string>;
}

/** Marks a full pull from "" as begun (and moves the cursor there). */
export async function beginResync(db: PybDatabase): Promise<Resync> {
  const mark = `${new Date().toISOString()} ${Math.random().toString(36).slice(2)}`;
  await db.meta.bulkPut([
    { key: 'resync', value: mark },
    { key: 'cursor', value: '' },
  ]);
  return { mark, seen: new Set() };
}

/** The mark of the full pull under way, if any (this tab's, or another's). */
export async function pendingResync(db: PybDatabase): Promise<string | undefined> {
  return (await db.meta.get('resync'))?.value;
}

/**
 * Removes the rows the full pull did not mention; resolves how many. One transaction.
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
    const pending = new Set<string>();
    await db.outbox.each((entry) => pending.add(rowKey(entry.table, entry.id)));
    let removed = 0;
    for (const [i, table] of tables.entries()) {
      const name = SYNCED_TABLES[i] ?? '';
      const ids = await table.toCollection().primaryKeys();
      const gone = ids.filter(
        (id) => !seen.has(rowKey(name, id)) && !pending.has(rowKey(name, id)),
      );
      await table.bulkDelete(gone);
      removed += gone.length;
    }
    await db.meta.delete('resync');
    return removed;
  });
}
