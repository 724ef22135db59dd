// What importing a LighterPack file will do, decided before anything is written so the
// preview can show it: one pack named after the file, one list per category in file order,
// one entry per row, and for each row either a new item or one to reuse. Pure.
//
// Reuse (on by default): a row takes an item already in the library when it is the same
// item: the same name and weight (within 0.005 g, i.e. equal at the 0.01 g the format can
// express), and nothing else the row says about it differs (unit, desc, url, price; a
// price of 0 is LighterPack's "unset"). Matching on name and weight alone would let a
// second file's "Tent" take the first file's price and description, and its export would
// no longer give back the file. Rows of one file that describe the same item (LighterPack
// writes a shared item once per category it is in) become one new item the same way.
// An item is never used twice in one list: the entry id is `<listId>:<itemId>`, so the
// second such row gets an item of its own.
import { NO_CATEGORY, packNameFromFileName } from '../../shared/lighterpack';
import type { LighterPackFile, LighterPackRow, RowProblem } from '../../shared/lighterpack';
import type { Item } from '../../shared/schemas';
import { isLive } from '../domain/live-rows';
import type { ItemInput } from './items';

export type ItemRef = { kind: 'new'; index: number } | { kind: 'existing'; id: string };

export interface PlannedEntry {
  item: ItemRef;
  qty: number;
  wornQty: number;
  consumable: boolean;
}

export interface PlannedList {
  name: string;
  entries: PlannedEntry[];
}

export interface ImportPlan {
  packName: string;
  lists: PlannedList[];
  newItems: ItemInput[];
  /** Library items the import puts in its lists, each once. */
  reusedItemIds: string[];
  entryCount: number;
  rejected: RowProblem[];
  warnings: RowProblem[];
}

export interface PlanOptions {
  reuse: boolean;
}

const SAME_GRAMS = 0.005;

const itemInput = (row: LighterPackRow): ItemInput => ({
  name: row.name,
  weightGrams: row.weightGrams,
  weightUnit: row.unit,
  notes: row.description,
  url: row.url,
  priceCents: row.priceCents,
});

type ItemDetails = Pick<
  Item,
  'name' | 'weightGrams' | 'weightUnit' | 'notes' | 'url' | 'priceCents'
>;

/** True when `item` is what the row describes (see "Reuse" above). */
const sameItem = (item: ItemDetails, row: LighterPackRow): boolean =>
  Math.abs(item.weightGrams - row.weightGrams) < SAME_GRAMS &&
  item.weightUnit === row.unit &&
  item.notes === row.description &&
  item.url === row.url &&
  (item.priceCents ?? 0) === (row.priceCents ?? 0);

/** An item a row may take: from the library, or made earlier in the same import. */
interface Candidate {
  ref: ItemRef;
  /** Distinct for every candidate: `existing:<id>` or `new:<index>`. */
  key: string;
  item: ItemDetails;
}

export function planImport(
  file: LighterPackFile,
  fileName: string,
  library: readonly Item[],
  options: PlanOptions,
): ImportPlan {
  // Candidates by name; library items first, so they are preferred to new ones.
  const pool = new Map<string, Candidate[]>();
  const offer = (candidate: Candidate) => {
    const named = pool.get(candidate.item.name);
    if (named) named.push(candidate);
    else pool.set(candidate.item.name, [candidate]);
  };
  for (const item of options.reuse ? library : []) {
    if (!isLive(item)) continue;
    offer({ ref: { kind: 'existing', id: item.id }, key: `existing:${item.id}`, item });
  }
  const lists = new Map<string, { list: PlannedList; used: Set<string> }>();
  const newItems: ItemInput[] = [];
  const reused = new Set<string>();

  const pickItem = (row: LighterPackRow, used: ReadonlySet<string>): Candidate => {
    const found = (pool.get(row.name) ?? []).find((c) => !used.has(c.key) && sameItem(c.item, row));
    if (found) return found;
    const input = itemInput(row);
    const index = newItems.push(input) - 1;
    const made: Candidate = {
      ref: { kind: 'new', index },
      key: `new:${index}`,
      item: { weightUnit: null, priceCents: null, url: null, notes: '', ...input },
    };
    if (options.reuse) offer(made);
    return made;
  };

  for (const row of file.rows) {
    const category = row.category || NO_CATEGORY;
    let slot = lists.get(category);
    if (!slot) {
      slot = { list: { name: category, entries: [] }, used: new Set() };
      lists.set(category, slot);
    }
    const { ref, key } = pickItem(row, slot.used);
    slot.used.add(key);
    if (ref.kind === 'existing') reused.add(ref.id);
    slot.list.entries.push({
      item: ref,
      qty: row.qty,
      // LighterPack's worn flag means one unit worn (docs/architecture.md "The model").
      wornQty: row.worn ? 1 : 0,
      consumable: row.consumable,
    });
  }

  return {
    packName: packNameFromFileName(fileName),
    lists: [...lists.values()].map(({ list }) => list),
    newItems,
    reusedItemIds: [...reused],
    entryCount: file.rows.length,
    rejected: file.rejected,
    warnings: file.warnings,
  };
}
