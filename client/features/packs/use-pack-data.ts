// The live data of the pack page: the pack's own rows (for its lists and totals) and
// every live list of the user (to offer in "Add list").
import type { List } from '../../../shared/schemas';
import { useCallback } from 'react';
import { bySortKey } from '../../model/ids';
import { loadPackSource } from '../../model/packs';
import { useDb } from '../../model/db-context';
import { useLiveQuery, type LiveResult } from '../../model/live-query';
import type { PackSource } from '../../domain/pack-totals';

export function usePackData(packId: string): {
  source: LiveResult<PackSource>;
  lists: LiveResult<List[]>;
} {
  const db = useDb();
  const sourceQuery = useCallback(() => loadPackSource(db, packId), [db, packId]);
  const listsQuery = useCallback(
    async () => (await db.lists.toArray()).filter((l) => l.deleted === false).sort(bySortKey),
    [db],
  );
  return { source: useLiveQuery(sourceQuery), lists: useLiveQuery(listsQuery) };
}
