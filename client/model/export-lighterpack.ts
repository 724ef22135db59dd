// A pack as a LighterPack CSV (shared/lighterpack/format.ts): its lists as categories in
// pack order, each list's entries in order, exactly what the pack page shows
// (domain/pack-totals decides what is visible). An entry with any unit worn is `Worn`
// (LighterPack has only the flag); an item's weight is written in the item's own unit, or
// in the user's unit when the item has none (`auto`: the system's small unit, g or oz).
import {
  formatLighterPackCsv,
  lighterPackFileName,
  type LighterPackExportRow,
} from '../../shared/lighterpack/format';
import type { WeightUnit } from '../../shared/units';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import { packContents, type PackListContents } from '../domain/pack-totals';
import { loadPackSource } from './packs';

export interface LighterPackExport {
  /** The download's name, `.csv` included. */
  fileName: string;
  csv: string;
}

export function lighterPackRows(
  contents: readonly PackListContents[],
  /** The unit of items without their own (ui/weight-format.ts useEntryUnit). */
  fileUnit: WeightUnit,
): LighterPackExportRow[] {
  return contents.flatMap(({ list, entries }) =>
    entries.map(({ entry, item }) => ({
      name: item.name,
      category: list.name,
      description: item.notes,
      qty: entry.qty,
      weightGrams: item.weightGrams,
      unit: item.weightUnit ?? fileUnit,
      url: item.url,
      priceCents: item.priceCents,
      worn: entry.wornQty > 0,
      consumable: entry.consumable,
    })),
  );
}

/** The CSV of a live pack, or null when the pack is missing or deleted. */
export async function exportPackCsv(
  db: PybDatabase,
  packId: string,
  fileUnit: WeightUnit,
): Promise<LighterPackExport | null> {
  const source = await db.transaction(
    'r',
    [db.packs, db.packLists, db.lists, db.listEntries, db.items],
    () => loadPackSource(db, packId),
  );
  if (!isLive(source.pack)) return null;
  const csv = formatLighterPackCsv(lighterPackRows(packContents(source), fileUnit));
  return { fileName: `${lighterPackFileName(source.pack.name)}.csv`, csv };
}
