// The live data of the pack page: the pack's own rows (for its lists and totals) and
// every live list of the user (to offer in "Add list").
import type { List } from '../../../shared/schemas';
import type { PackSource } from '../../domain/pack-totals';
import { liveLists } from '../../model/lists';
import { loadPackSource } from '../../model/packs';
import { useQuery, type LiveResult } from '../../model/use-query';

export function usePackData(packId: string): {
  source: LiveResult<PackSource>;
  lists: LiveResult<List[]>;
} {
  return { source: useQuery(loadPackSource, packId), lists: useQuery(liveLists) };
}
