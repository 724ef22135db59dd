// The local IndexedDB database (Dexie). The UI reads only from here; the sync engine
// fills the outbox and meta tables. Changing a table or index means a new version()
// (with an upgrade function only when stored data must change), never editing a
// version once it has shipped: a device may still hold any earlier one.
import type { Item, List, ListEntry, Pack, PackList, Trip, TripCheck } from '../../shared/schemas';
import { Dexie } from 'dexie';
import type { EntityTable } from 'dexie';
import { hlcMiddleware } from './hlc-middleware';
import { convertLegacyOutbox } from './outbox-upgrade';
import type { LocalTable, MetaRow, OutboxEntry, SettingsRow, SyncedTable } from './types';

export type PybDatabase = Dexie & {
  items: EntityTable<Item, 'id'>;
  lists: EntityTable<List, 'id'>;
  listEntries: EntityTable<ListEntry, 'id'>;
  packs: EntityTable<Pack, 'id'>;
  packLists: EntityTable<PackList, 'id'>;
  trips: EntityTable<Trip, 'id'>;
  tripChecks: EntityTable<TripCheck, 'id'>;
  settings: EntityTable<SettingsRow, 'id'>;
  outbox: EntityTable<OutboxEntry, 'seq'>;
  meta: EntityTable<MetaRow, 'key'>;
};

/** Primary key first, then indexes; only indexed fields can be queried or sorted on. */
const SCHEMA_V1: Record<SyncedTable | LocalTable, string> = {
  items: 'id, name',
  lists: 'id, sortKey',
  listEntries: 'id, listId, itemId',
  packs: 'id, sortKey',
  packLists: 'id, packId, listId',
  trips: 'id, startDate',
  tripChecks: 'id, tripId',
  settings: 'id',
  outbox: '++seq, table',
  meta: 'key',
};

/**
 * Version 2 only adds indexes, so it needs no upgrade function: IndexedDB builds
 * the new indexes from the rows already stored. `items.status` filters the library,
 * `trips.packId` finds the trips of a pack, `tripChecks.itemId` the checks of an item.
 */
const SCHEMA_V2: Record<SyncedTable | LocalTable, string> = {
  ...SCHEMA_V1,
  items: 'id, name, status',
  trips: 'id, startDate, packId',
  tripChecks: 'id, tripId, itemId',
};

/**
 * Version 4 keeps only the indexes a query uses (`client/model`: the entries of a list, the
 * lists of a pack, the checks of a trip). Every index is written on every put: the ones
 * nothing read (names, sort keys, statuses, dates, the outbox's table) made each write,
 * a tap's included, pay for them, and a first sync of 20,000 rows spent about a fifth of its
 * IndexedDB time on them (scripts/bench-first-sync.ts). The library and the pages sort and
 * filter rows they have read whole. A query that needs an index adds it in a new version.
 */
const SCHEMA_V4: Record<SyncedTable | LocalTable, string> = {
  items: 'id',
  lists: 'id',
  listEntries: 'id, listId',
  packs: 'id',
  packLists: 'id, packId',
  trips: 'id',
  tripChecks: 'id, tripId',
  settings: 'id',
  outbox: '++seq',
  meta: 'key',
};

export interface DatabaseOptions {
  /**
   * The device's wall clock for hlc stamps (ms since the epoch). Tests pass their own
   * to play a device whose clock is wrong; the sync engine must use the same one.
   */
  now?: () => number;
}

/**
 * Creates a database handle. Dexie opens it on first use; call `open()` to find out
 * early whether IndexedDB works at all. Tests pass their own name to stay isolated.
 */
export function openDatabase(name = 'packyourbag', options: DatabaseOptions = {}): PybDatabase {
  const database = new Dexie(name) as PybDatabase;
  database.version(1).stores(SCHEMA_V1);
  database.version(2).stores(SCHEMA_V2);
  // Version 3 keeps the tables and indexes; the outbox goes from one entry per changed
  // field to one per written row (outbox-upgrade.ts), unsent changes and all.
  database
    .version(3)
    .stores(SCHEMA_V2)
    .upgrade(async (transaction) => {
      const outbox = transaction.table('outbox');
      const { put, remove } = convertLegacyOutbox(await outbox.toArray());
      await outbox.bulkPut(put);
      await outbox.bulkDelete(remove);
    });
  database.version(4).stores(SCHEMA_V4);
  database.use(hlcMiddleware(options.now));
  return database;
}

export const db = openDatabase();
