// The live data behind the overview and the desktop sidebar: the user's live lists and
// packs in their sort order, their live trips, and whether the guest sample is still
// there. One query, so a change anywhere re-renders both in one go.
import type { List, Pack, Trip } from '../../shared/schemas';
import type { PybDatabase } from '../db/db';
import { isLive } from '../domain/live-rows';
import { hasLiveSampleData } from './first-run';
import { liveLists } from './lists';
import { livePacks } from './packs';

export interface Overview {
  lists: List[];
  packs: Pack[];
  trips: Trip[];
  hasSample: boolean;
}

export async function readOverview(db: PybDatabase): Promise<Overview> {
  const [lists, packs, trips, hasSample] = await Promise.all([
    liveLists(db),
    livePacks(db),
    db.trips.toArray(),
    hasLiveSampleData(db),
  ]);
  return { lists, packs, trips: trips.filter(isLive), hasSample };
}
