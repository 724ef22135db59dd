// A trip weighs what its pack weighs: the totals of the pack's live lists. A trip
// with no pack, a deleted pack or a pack other than the one it names weighs
// nothing (rows with a deleted or missing parent are hidden, docs/api.md).
import type { Trip } from '../../shared/schemas';
import { ZERO_TOTALS, type Totals } from '../../shared/weight';
import { isLive } from './live-rows';
import { packContents, packTotals, type PackSource } from './pack-totals';

export function tripTotals(trip: Trip | undefined, pack: PackSource): Totals {
  if (!isLive(trip) || trip.packId === null || pack.pack?.id !== trip.packId) return ZERO_TOTALS;
  return packTotals(packContents(pack)).totals;
}
