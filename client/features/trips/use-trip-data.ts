// The live data of the trip page, in three queries so a tap re-runs only the small
// one: the trip with its pack's rows (changes when plans change), the trip's checks
// (change on every tap) and the packs to choose from.
import type { Pack } from '../../../shared/schemas';
import { useMemo } from 'react';
import type { StoredCheck } from '../../domain/checklist';
import { livePacks } from '../../model/packs';
import { loadTripChecks, loadTripSource, type TripSource } from '../../model/trips';
import { useQuery, type LiveResult } from '../../model/use-query';

export interface TripData {
  source: LiveResult<TripSource>;
  checks: LiveResult<StoredCheck[]>;
  packs: LiveResult<Pack[]>;
}

export function useTripData(tripId: string): TripData {
  const source = useQuery(loadTripSource, tripId);
  const checks = useQuery(loadTripChecks, tripId);
  const packs = useQuery(livePacks);
  return useMemo(() => ({ source, checks, packs }), [source, checks, packs]);
}
