// Databases for the backup tests: fresh ones, filled with stamped rows as a device holds
// them (written as merged from elsewhere, so they keep the stamps they were drawn with),
// and read back whole, sorted, for comparing two databases.
import type { StampedTables } from '../../../shared/test-support/row-arbitraries';
import { openDatabase, type PybDatabase } from '../../db/db';
import { SYNCED_TABLES } from '../../db/types';
import { applyingRemote } from '../../db/write-marks';

const open: PybDatabase[] = [];
let counter = 0;

export async function freshDatabase(): Promise<PybDatabase> {
  const database = openDatabase(`backup-${++counter}`);
  await database.open();
  open.push(database);
  return database;
}

/** Deletes every database made since the last call (afterEach). */
export async function deleteDatabases(): Promise<void> {
  for (const database of open.splice(0)) {
    await database.delete({ disableAutoOpen: false });
    database.close();
  }
}

export async function putStamped(database: PybDatabase, tables: StampedTables): Promise<void> {
  const stores = SYNCED_TABLES.map((name) => database.table(name));
  await database.transaction('rw', [...stores, database.outbox, database.meta], async (tx) => {
    applyingRemote(tx);
    for (const name of SYNCED_TABLES) await database.table(name).bulkPut(tables[name]);
  });
}

/** Every synced row, by table, sorted by id. */
export async function readAll(database: PybDatabase): Promise<Record<string, unknown[]>> {
  const all = await Promise.all(
    SYNCED_TABLES.map((name) => database.table(name).orderBy('id').toArray()),
  );
  return Object.fromEntries(SYNCED_TABLES.map((name, i) => [name, all[i] ?? []]));
}

/** What a database holds besides its rows: the outbox and the clock. */
export async function bookkeeping(database: PybDatabase) {
  return { outbox: await database.outbox.toArray(), clock: await database.meta.get('hlc') };
}
