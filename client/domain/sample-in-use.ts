// Which rows of the guest sample must survive "Remove sample data": the ones
// the user has made their own. A sample row is the user's when they edited it
// (its field stamps differ: the seed stamps a row's fields all at once), or when
// something the user keeps still uses it: a trip keeps its pack, a pack its
// lists, a list its items. The walk goes down that chain once, parents first, so
// a kept sample list also keeps its own entries and their items.
import type { Item, List, ListEntry, Pack, PackList, Trip } from '../../shared/schemas';
import { isLive } from './live-rows';

type Stamped<T> = T & { _hlc?: Readonly<Record<string, string>> };

export interface SampleTables {
  items: readonly Stamped<Item>[];
  lists: readonly Stamped<List>[];
  listEntries: readonly Stamped<ListEntry>[];
  packs: readonly Stamped<Pack>[];
  packLists: readonly Stamped<PackList>[];
  trips: readonly Stamped<Trip>[];
}

export type IdSets = { [T in keyof SampleTables]: ReadonlySet<string> };

/** Edited after seeding: some field other than `deleted` has a stamp of its own. */
function edited(row: { _hlc?: Readonly<Record<string, string>> }): boolean {
  const stamps = Object.entries(row._hlc ?? {}).filter(([field]) => field !== 'deleted');
  return new Set(stamps.map(([, hlc]) => hlc)).size > 1;
}

export function sampleRowsInUse(
  all: SampleTables,
  sample: IdSets,
): { [T in keyof SampleTables]: Set<string> } {
  const keep = {
    items: new Set<string>(),
    lists: new Set<string>(),
    listEntries: new Set<string>(),
    packs: new Set<string>(),
    packLists: new Set<string>(),
    trips: new Set<string>(),
  };
  const tables = Object.keys(keep) as (keyof SampleTables)[];
  for (const table of tables)
    for (const row of all[table])
      if (isLive(row) && sample[table].has(row.id) && edited(row)) keep[table].add(row.id);
  // Retained: every live row the user made, and the sample rows kept so far.
  const retained = <T extends keyof SampleTables>(
    table: T,
    row: { id: string; deleted: boolean },
  ) => isLive(row) && (!sample[table].has(row.id) || keep[table].has(row.id));
  const keepIfSample = (table: keyof SampleTables, id: string | null) => {
    if (id !== null && sample[table].has(id)) keep[table].add(id);
  };

  for (const trip of all.trips) if (retained('trips', trip)) keepIfSample('packs', trip.packId);
  for (const packList of all.packLists) {
    const packKept = all.packs.some((p) => p.id === packList.packId && retained('packs', p));
    if (isLive(packList) && packKept) {
      keepIfSample('packLists', packList.id);
      keepIfSample('lists', packList.listId);
    }
  }
  for (const entry of all.listEntries) {
    const listKept = all.lists.some((l) => l.id === entry.listId && retained('lists', l));
    if (isLive(entry) && listKept) {
      keepIfSample('listEntries', entry.id);
      keepIfSample('items', entry.itemId);
    }
  }
  return keep;
}
