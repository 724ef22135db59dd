// The live data of the trip page, in three queries so a tap re-runs only the small
// one: the trip with its pack's rows (changes when plans change), the trip's checks
// (change on every tap) and the packs to choose from.
import type { Pack } from '../../../shared/schemas';
import { useCallback, useMemo } from 'react';
import { loadTripChecks, loadTripSource, type TripSource } from '../../model/trips';
import { bySortKey } from '../../model/ids';
import { useDb } from '../../model/db-context';
import { useLiveQuery, type LiveResult } from '../../model/live-query';
import type { StoredCheck } from '../../domain/checklist';

export interface TripData {
  source: LiveResult<TripSource>;
  checks: LiveResult<StoredCheck[]>;
  packs: LiveResult<Pack[]>;
}

export function useTripData(tripId: string): TripData {
  const db = useDb();
  const sourceQuery = useCallback(() => loadTripSource(db, tripId), [db, tripId]);
  const checksQuery = useCallback(() => loadTripChecks(db, tripId), [db, tripId]);
  const packsQuery = useCallback(
    async () => (await db.packs.toArray()).filter((p) => p.deleted === false).sort(bySortKey),
    [db],
  );
  const source = useLiveQuery(sourceQuery);
  const checks = useLiveQuery(checksQuery);
  const packs = useLiveQuery(packsQuery);
  return useMemo(() => ({ source, checks, packs }), [source, checks, packs]);
}
