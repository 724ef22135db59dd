// The left pane of the desktop layout (from 1024 px): the user's trips, packs and lists
// as links, the current one marked, each group with its "New …" button. Phones get the
// same from the overview page instead.
import type { List, Pack, Trip } from '../../../shared/schemas';
import { Link } from 'wouter';
import {
  NEW_LABELS,
  useCreateAndOpen,
  type CreateAction,
  type NewKind,
} from '../home/create-actions';
import { useOverview } from '../home/overview-data';
import { arrangeTrips, formatTripDates, localIsoDate } from '../home/trip-dates';
import { Skeleton } from '../../ui/skeleton';

interface GroupProps {
  kind: NewKind;
  title: string;
  rows: readonly (Trip | Pack | List)[];
  currentPath: string;
  details?: (row: Trip) => string;
  action: CreateAction;
}

function Group({ kind, title, rows, currentPath, details, action }: GroupProps) {
  return (
    <div className="sidebar-group">
      <h2 id={`sidebar-${kind}s`}>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted sidebar-empty">None yet.</p>
      ) : (
        <ul aria-labelledby={`sidebar-${kind}s`}>
          {rows.map((row) => {
            const href = `/${kind}s/${row.id}`;
            const extra = details && 'packId' in row ? details(row) : '';
            return (
              <li key={row.id}>
                <Link href={href} aria-current={currentPath === href ? 'page' : undefined}>
                  <span className="row-link-name">{row.name}</span>
                  {extra && <span className="row-link-details">{extra}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <button
        type="button"
        className="button new-button"
        aria-busy={action.busy === kind}
        disabled={action.busy !== null}
        onClick={() => action.createAndOpen(kind)}
      >
        {NEW_LABELS[kind]}
      </button>
    </div>
  );
}

export function Sidebar({ currentPath }: { currentPath: string }) {
  const overview = useOverview();
  const today = localIsoDate(new Date());
  const action = useCreateAndOpen();

  return (
    <nav className="sidebar" aria-label="Trips, packs and lists">
      {overview.status === 'loading' && (
        <Skeleton rows={6} label="Loading trips, packs and lists" />
      )}
      {overview.status === 'error' && (
        <p role="alert">Could not read your data ({String(overview.error)}).</p>
      )}
      {overview.status === 'ready' && (
        <>
          <Group
            kind="trip"
            title="Trips"
            rows={tripsInOrder(overview.value.trips, today)}
            currentPath={currentPath}
            details={(trip) => formatTripDates(trip, today)}
            action={action}
          />
          <Group
            kind="pack"
            title="Packs"
            rows={overview.value.packs}
            currentPath={currentPath}
            action={action}
          />
          <Group
            kind="list"
            title="Lists"
            rows={overview.value.lists}
            currentPath={currentPath}
            action={action}
          />
        </>
      )}
      {action.error && <p role="alert">{action.error}</p>}
    </nav>
  );
}

function tripsInOrder(trips: readonly Trip[], today: string): Trip[] {
  const { next, others } = arrangeTrips(trips, today);
  return next ? [next, ...others] : others;
}
