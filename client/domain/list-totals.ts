// Subtotals of one list (docs/architecture.md "The model"): the shared computeTotals over the
// entries a user sees. Sync has no foreign keys, so an entry may outlive its item, or an
// item be deleted while entries still point at it; those entries count for nothing,
// exactly as they are hidden on screen.
import { computeTotals } from '../../shared/weight';
import type { Totals, TotalsEntry } from '../../shared/weight';
import type { Item, ListEntry } from '../../shared/schemas';
import { isLive } from './live-rows';

type EntryFields = Pick<ListEntry, 'itemId' | 'qty' | 'wornQty' | 'consumable' | 'deleted'>;

export function listTotals(
  entries: Iterable<EntryFields>,
  itemsById: ReadonlyMap<string, Pick<Item, 'weightGrams' | 'deleted'>>,
): Totals {
  const counted: TotalsEntry[] = [];
  for (const entry of entries) {
    if (!isLive(entry)) continue;
    const item = itemsById.get(entry.itemId);
    if (!isLive(item)) continue;
    counted.push({
      weightGrams: item.weightGrams,
      qty: entry.qty,
      wornQty: entry.wornQty,
      consumable: entry.consumable,
    });
  }
  return computeTotals(counted);
}
