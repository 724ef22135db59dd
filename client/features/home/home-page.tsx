// The start page, and on phones the way into everything: the next trip first (what you
// open at the trailhead), then the other trips, the packs and the lists, each with its
// "New …" button. From 1024 px the sidebar lists the same rows beside every page.
import type { Trip } from '../../../shared/schemas';
import { Link } from 'wouter';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { useCreateAndOpen } from './create-actions';
import { useOverview } from './overview-data';
import { NextTrip, RowLinks, tripDetails } from './overview-sections';
import { SampleNotice } from './sample-notice';
import { arrangeTrips, localIsoDate } from './trip-dates';

const TITLE = 'Overview';

export function HomePage() {
  const overview = useOverview();
  const action = useCreateAndOpen();
  const today = localIsoDate(new Date());

  if (overview.status === 'loading')
    return (
      <Page title={TITLE}>
        <Skeleton rows={4} label="Loading your trips, packs and lists" />
      </Page>
    );
  if (overview.status === 'error')
    return (
      <Page title={TITLE}>
        <p role="alert">Your data could not be read ({String(overview.error)}).</p>
      </Page>
    );

  const { lists, packs, trips, hasSample } = overview.value;
  const { next, others } = arrangeTrips(trips, today);
  const details = (trip: Trip) => tripDetails(trip, today);
  return (
    <Page title={TITLE}>
      {hasSample && <SampleNotice />}
      {next && <NextTrip trip={next} today={today} />}
      <section className="overview-section" aria-labelledby="trips-heading">
        <h2 id="trips-heading">{next ? 'Other trips' : 'Trips'}</h2>
        <RowLinks
          kind="trip"
          rows={others}
          details={details}
          action={action}
          {...(next ? { empty: <p className="muted">No other trips planned.</p> } : {})}
        />
      </section>
      <section className="overview-section" aria-labelledby="packs-heading">
        <h2 id="packs-heading">Packs</h2>
        <RowLinks kind="pack" rows={packs} action={action} />
      </section>
      <section className="overview-section" aria-labelledby="lists-heading">
        <h2 id="lists-heading">Lists</h2>
        <RowLinks kind="list" rows={lists} action={action} />
      </section>
      <p className="muted">
        Everything you own is in <Link href="/items">your gear library</Link>.
      </p>
      {action.error && <p role="alert">{action.error}</p>}
    </Page>
  );
}
