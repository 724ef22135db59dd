// The live data behind the overview and the desktop sidebar: the user's live lists and
// packs in their sort order, their live trips, and whether the guest sample is still
// there. One query, so a change anywhere re-renders both in one go.
//
// On a device's first start the shell renders while the sample is still being written
// (main.tsx); readers of the overview suspend until that write is done, so the first
// screen shows a skeleton and then the sample, never a flash of empty states.
import type { List, Pack, Trip } from '../../../shared/schemas';
import { createContext, use, useCallback } from 'react';
import type { PybDatabase } from '../../db/db';
import { useDb } from '../../model/db-context';
import { useLiveQuery, type LiveResult } from '../../model/live-query';
import { isLive } from '../../domain/live-rows';
import { bySortKey } from '../../model/ids';
import { hasLiveSampleData } from '../../model/first-run';

export interface Overview {
  lists: List[];
  packs: Pack[];
  trips: Trip[];
  hasSample: boolean;
}

export async function readOverview(database: PybDatabase): Promise<Overview> {
  const [lists, packs, trips, hasSample] = await Promise.all([
    database.lists.toArray(),
    database.packs.toArray(),
    database.trips.toArray(),
    hasLiveSampleData(database),
  ]);
  return {
    lists: lists.filter(isLive).sort(bySortKey),
    packs: packs.filter(isLive).sort(bySortKey),
    trips: trips.filter(isLive),
    hasSample,
  };
}

/** Settles when the first-run seeding (if any) is over; see main.tsx. */
export const FirstRunContext = createContext<Promise<unknown> | null>(null);

export function useOverview(): LiveResult<Overview> {
  const firstRun = use(FirstRunContext);
  if (firstRun) use(firstRun);
  const database = useDb();
  const query = useCallback(() => readOverview(database), [database]);
  return useLiveQuery(query);
}
