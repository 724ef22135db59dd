// Guest mode's first run: the first start of a device with an empty database seeds the
// sample of sample-data.ts, once, and remembers the ids of what it wrote so "remove
// sample data" removes exactly those rows and never one the user made.
//
// Meta rows (device-local, never synced):
// - `seeded`: set on the first start whether or not the sample was written, so a user
//   who empties the app later never gets the sample back;
// - `sampleRows`: JSON `{table: [ids]}` of the sample's rows.
//
// The sample itself (sample-data.ts) is loaded only when a device may need it, so it
// stays out of the JavaScript every later start downloads and parses.
import type { PybDatabase } from '../db/db';
import type { SampleRows } from './sample-data';
import { isLive } from '../domain/live-rows';
import { sampleRowsInUse, type IdSets } from '../domain/sample-in-use';

/** The tables the sample writes to, in the order it writes them. */
export const SAMPLE_TABLES = [
  'items',
  'lists',
  'listEntries',
  'packs',
  'packLists',
  'trips',
] as const satisfies readonly (keyof SampleRows)[];

type SampleTable = (typeof SAMPLE_TABLES)[number];
export type SampleIds = Record<SampleTable, string[]>;

const tablesOf = (database: PybDatabase) => SAMPLE_TABLES.map((name) => database[name]);

/** One sample table, seen through what every synced row has (Dexie's per-table types differ). */
const tableOf = (database: PybDatabase, name: SampleTable) =>
  database.table<{ id: string; deleted: boolean }, string>(name);

/**
 * Seeds the sample if this is the first start of a device: never seeded, never synced
 * with an account (no pull cursor), and no items, lists, packs or trips. The check and
 * the writes share one transaction, so two tabs starting at once cannot both seed.
 * Resolves true when it wrote the sample.
 */
export async function seedOnFirstRun(
  database: PybDatabase,
  now: Date = new Date(),
): Promise<boolean> {
  // The usual start: seeded long ago. Answer without loading the sample.
  if (await database.meta.get('seeded')) return false;
  // Loaded before the transaction: awaiting anything but IndexedDB inside it would let
  // IndexedDB commit the transaction early.
  const { buildSampleData } = await import('./sample-data');
  return database.transaction('rw', [...tablesOf(database), database.meta], async () => {
    if (await database.meta.get('seeded')) return false;
    const synced = (await database.meta.get('cursor')) !== undefined;
    const counts = await Promise.all(
      [database.items, database.lists, database.packs, database.trips].map((t) => t.count()),
    );
    const empty = !synced && counts.every((count) => count === 0);
    await database.meta.put({ key: 'seeded', value: empty ? now.toISOString() : 'skipped' });
    if (!empty) return false;

    const rows = buildSampleData(now);
    for (const table of SAMPLE_TABLES) await tableOf(database, table).bulkAdd(rows[table]);
    const ids = Object.fromEntries(
      SAMPLE_TABLES.map((table) => [table, rows[table].map((row) => row.id)]),
    ) as SampleIds;
    await database.meta.put({ key: 'sampleRows', value: JSON.stringify(ids) });
    return true;
  });
}

/** The ids of the sample's rows, or null when this device never had the sample. */
export async function readSampleIds(database: PybDatabase): Promise<SampleIds | null> {
  const stored = await database.meta.get('sampleRows');
  return stored ? parseSampleIds(stored.value) : null;
}

function parseSampleIds(json: string): SampleIds | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    const ok = SAMPLE_TABLES.every(
      (t) =>
        Array.isArray(record[t]) && (record[t] as unknown[]).every((id) => typeof id === 'string'),
    );
    return ok ? (value as SampleIds) : null;
  } catch {
    return null;
  }
}

/** Whether any row of the sample is still live (not removed). */
export async function hasLiveSampleData(database: PybDatabase): Promise<boolean> {
  const ids = await readSampleIds(database);
  if (!ids) return false;
  for (const table of SAMPLE_TABLES) {
    const rows = await tableOf(database, table).bulkGet(ids[table]);
    if (rows.some(isLive)) return true;
  }
  return false;
}

/**
 * Soft-deletes (writes `deleted: true` on) the sample's rows that are still live, in one
 * transaction, and returns the ids it deleted so the caller can offer undo. Rows the
 * user made are untouched, and so are sample rows the user edited or still uses from
 * their own trips, packs and lists.
 */
export async function clearSampleData(database: PybDatabase): Promise<SampleIds> {
  return setSampleDeleted(database, true);
}

/** Undoes clearSampleData: brings back the rows it deleted. */
export async function restoreSampleData(database: PybDatabase, cleared: SampleIds): Promise<void> {
  await setSampleDeleted(database, false, cleared);
}

async function setSampleDeleted(
  database: PybDatabase,
  deleted: boolean,
  only?: SampleIds,
): Promise<SampleIds> {
  return database.transaction('rw', [...tablesOf(database), database.meta], async () => {
    const ids = only ?? (await readSampleIds(database));
    const changed: SampleIds = {
      items: [],
      lists: [],
      listEntries: [],
      packs: [],
      packLists: [],
      trips: [],
    };
    if (!ids) return changed;
    // Removing keeps the sample rows the user made their own (domain/sample-in-use.ts).
    const inUse = deleted ? await sampleInUse(database, ids) : null;
    for (const table of SAMPLE_TABLES) {
      const rows = await tableOf(database, table).bulkGet(ids[table]);
      const keys = rows.flatMap((row) =>
        row && row.deleted !== deleted && !inUse?.[table].has(row.id) ? [row.id] : [],
      );
      await tableOf(database, table).bulkUpdate(keys.map((key) => ({ key, changes: { deleted } })));
      changed[table] = keys;
    }
    // Kept rows are the user's now: they no longer count as sample data.
    if (inUse)
      await database.meta.put({
        key: 'sampleRows',
        value: JSON.stringify(withoutKept(ids, inUse)),
      });
    return changed;
  });
}

async function sampleInUse(database: PybDatabase, ids: SampleIds) {
  const [items, lists, listEntries, packs, packLists, trips] = await Promise.all([
    database.items.toArray(),
    database.lists.toArray(),
    database.listEntries.toArray(),
    database.packs.toArray(),
    database.packLists.toArray(),
    database.trips.toArray(),
  ]);
  const sets = Object.fromEntries(
    SAMPLE_TABLES.map((t) => [t, new Set(ids[t])]),
  ) as unknown as IdSets;
  return sampleRowsInUse({ items, lists, listEntries, packs, packLists, trips }, sets);
}

function withoutKept(ids: SampleIds, kept: Record<SampleTable, ReadonlySet<string>>): SampleIds {
  return Object.fromEntries(
    SAMPLE_TABLES.map((t) => [t, ids[t].filter((id) => !kept[t].has(id))]),
  ) as SampleIds;
}
