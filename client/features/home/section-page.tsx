// /trips, /packs and /lists: every row of one kind, for the main navigation. Trips come
// in the overview's order (under way or soonest first, past ones last).
import type { Trip } from '../../../shared/schemas';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { useCreateAndOpen, type NewKind } from './create-actions';
import { useOverview, type Overview } from './overview-data';
import { RowLinks, tripDetails } from './overview-sections';
import { arrangeTrips, localIsoDate } from './trip-dates';

const TITLES: Readonly<Record<NewKind, string>> = { trip: 'Trips', pack: 'Packs', list: 'Lists' };

function rowsOf(kind: NewKind, overview: Overview, today: string) {
  switch (kind) {
    case 'trip': {
      const { next, others } = arrangeTrips(overview.trips, today);
      return next ? [next, ...others] : others;
    }
    case 'pack':
      return overview.packs;
    case 'list':
      return overview.lists;
  }
}

export function SectionPage({ kind }: { kind: NewKind }) {
  const overview = useOverview();
  const action = useCreateAndOpen();
  const today = localIsoDate(new Date());
  const details = (trip: Trip) => tripDetails(trip, today);

  return (
    <Page title={TITLES[kind]}>
      {overview.status === 'loading' && <Skeleton rows={4} />}
      {overview.status === 'error' && (
        <p role="alert">Your data could not be read ({String(overview.error)}).</p>
      )}
      {overview.status === 'ready' && (
        <RowLinks
          kind={kind}
          rows={rowsOf(kind, overview.value, today)}
          details={details}
          action={action}
        />
      )}
      {action.error && <p role="alert">{action.error}</p>}
    </Page>
  );
}
