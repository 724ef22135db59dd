// One trip (`/trips/:id`): what it is, its packing checklist and its details. It reads
// only IndexedDB, so it works the same with the network off. Pages wire data; the
// pieces below it are presentational.
import type { Pack, Trip } from '../../../shared/schemas';
import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import { deleteTrip, restoreTrip } from '../../model/trips';
import { useDb } from '../../model/db-context';
import type { StoredCheck } from '../../domain/checklist';
import { isLive } from '../../domain/live-rows';
import { packContents } from '../../domain/pack-totals';
import { tripTotals } from '../../domain/trip-totals';
import { WeightTotals } from '../../ui/weight-totals';
import { useSettings } from '../settings/use-settings';
import type { TripSource } from '../../model/trips';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { formatTripDates, localIsoDate } from '../home/trip-dates';
import { useOfferUndo } from '../undo/undo-provider';
import { TripChecklist } from './trip-checklist';
import { TripDetails } from './trip-details';
import { useTripData } from './use-trip-data';
import './trips.css';

export function TripPage({ id }: { id: string }) {
  const { source, checks, packs } = useTripData(id);
  for (const result of [source, checks, packs]) {
    if (result.status === 'error')
      return (
        <Page title="Trip">
          <p role="alert">This trip could not be read from storage ({String(result.error)}).</p>
        </Page>
      );
  }
  if (source.status !== 'ready' || checks.status !== 'ready' || packs.status !== 'ready')
    return (
      <Page title="Trip">
        <Skeleton rows={6} label="Loading the trip" />
      </Page>
    );
  const { trip } = source.value;
  if (!isLive(trip)) return <TripNotFound />;
  return <TripView trip={trip} source={source.value} checks={checks.value} packs={packs.value} />;
}

interface TripViewProps {
  trip: Trip;
  source: TripSource;
  checks: readonly StoredCheck[];
  packs: readonly Pack[];
}

function TripView({ trip, source, checks, packs }: TripViewProps) {
  const db = useDb();
  const [, navigate] = useLocation();
  const offerUndo = useOfferUndo();
  const pack = isLive(source.pack.pack) ? source.pack.pack : undefined;
  // Recomputed only when the pack's rows change, not on a tap.
  const contents = useMemo(() => (pack ? packContents(source.pack) : null), [pack, source.pack]);
  const dates = formatTripDates(trip, localIsoDate(new Date()));
  const settings = useSettings();
  const unit = settings.status === 'ready' ? settings.value.units : 'g';
  const totals = useMemo(() => tripTotals(trip, source.pack), [trip, source.pack]);

  const remove = async () => {
    await deleteTrip(db, trip.id);
    offerUndo(`Deleted trip “${trip.name}”`, async () => {
      await restoreTrip(db, trip.id);
      navigate(`/trips/${trip.id}`);
    });
    navigate('/trips');
  };

  return (
    <Page title={trip.name}>
      <p className="trip-summary">
        {dates !== '' && <span>{dates}</span>}
        {trip.location !== '' && <span>{trip.location}</span>}
        {pack && (
          <span>
            Pack: <Link href={`/packs/${pack.id}`}>{pack.name}</Link>
          </span>
        )}
      </p>
      {pack && <WeightTotals totals={totals} unit={unit} label={`Totals of ${trip.name}`} />}
      <section className="trip-section" aria-labelledby="trip-checklist-heading">
        <h2 id="trip-checklist-heading">Checklist</h2>
        <TripChecklist trip={trip} contents={contents} checks={checks} />
      </section>
      <section className="trip-section" aria-labelledby="trip-details-heading">
        <h2 id="trip-details-heading">Trip details</h2>
        <TripDetails trip={trip} packs={packs} />
        <button type="button" className="button trip-delete" onClick={() => void remove()}>
          Delete trip
        </button>
      </section>
    </Page>
  );
}

function TripNotFound() {
  return (
    <Page title="Trip not found">
      <EmptyState title="This trip isn’t here">
        <p>It may have been deleted, or it was planned on another device that hasn’t synced yet.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </EmptyState>
    </Page>
  );
}
