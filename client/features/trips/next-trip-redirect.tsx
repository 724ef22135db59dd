// /trips/next: the installed app's "Next trip's checklist" shortcut (the manifest's
// `shortcuts`). Opens the trip under way or starting soonest (the overview's rule,
// home/trip-dates.ts), replacing this URL so Back does not bounce here again; the trips
// list when there is none.
import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { arrangeTrips, localIsoDate } from '../home/trip-dates';
import { useOverview } from '../home/overview-data';
import { Skeleton } from '../../ui/skeleton';

export const NEXT_TRIP_PATH = '/trips/next';

export function NextTripRedirect({ now = Date.now }: { now?: () => number }) {
  const overview = useOverview();
  const [, navigate] = useLocation();
  const target =
    overview.status === 'ready'
      ? nextTripPath(overview.value.trips, localIsoDate(new Date(now())))
      : overview.status === 'error'
        ? '/trips'
        : null;
  useEffect(() => {
    if (target) navigate(target, { replace: true });
  }, [target, navigate]);
  return <Skeleton rows={4} label="Opening your next trip" />;
}

function nextTripPath(trips: Parameters<typeof arrangeTrips>[0], today: string): string {
  const { next } = arrangeTrips(trips, today);
  return next ? `/trips/${next.id}` : '/trips';
}
