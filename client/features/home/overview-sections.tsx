// The pieces of the overview: the next trip, and the trips, packs and lists as links,
// each with its "New …" button and an empty state that says what belongs there.
// Presentational: rows and the create action come in as props.
import type { List, Pack, Trip } from '../../../shared/schemas';
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { EmptyState } from '../../ui/empty-state';
import { NEW_LABELS, type CreateAction, type NewKind } from './create-actions';
import { describeWhen, formatTripDates } from './trip-dates';

const EMPTY: Readonly<Record<NewKind, { title: string; text: string }>> = {
  trip: {
    title: 'No trips planned',
    text: 'A trip has dates, a place and a pack, and a checklist to tick off while you pack.',
  },
  pack: {
    title: 'No packs yet',
    text: 'A pack combines lists for one kind of trip, such as “Summer 3-day”.',
  },
  list: {
    title: 'No lists yet',
    text: 'A list groups gear you take together, such as a kitchen or a sleep system.',
  },
};

/** A "New …" button. Below the desktop width only: from there the sidebar has them. */
export function NewButton({ kind, action }: { kind: NewKind; action: CreateAction }) {
  return (
    <button
      type="button"
      className="button new-button phone-only"
      aria-busy={action.busy === kind}
      disabled={action.busy !== null}
      onClick={() => action.createAndOpen(kind)}
    >
      {NEW_LABELS[kind]}
    </button>
  );
}

export function tripDetails(trip: Trip, today: string): string {
  return [formatTripDates(trip, today), describeWhen(trip, today), trip.location]
    .filter(Boolean)
    .join(' · ');
}

export function NextTrip({ trip, today }: { trip: Trip; today: string }) {
  return (
    <section className="next-trip" aria-labelledby="next-trip-heading">
      <h2 id="next-trip-heading">Next trip</h2>
      <Link href={`/trips/${trip.id}`} className="next-trip-link">
        <span className="next-trip-name">{trip.name}</span>
        <span className="next-trip-details">{tripDetails(trip, today)}</span>
        <span className="next-trip-cta" aria-hidden="true">
          Open checklist →
        </span>
      </Link>
    </section>
  );
}

interface RowLinksProps {
  kind: NewKind;
  rows: readonly (Trip | Pack | List)[];
  details?: (row: Trip) => string;
  action: CreateAction;
  /** Replaces the empty state, e.g. when the next trip is shown above. */
  empty?: ReactNode;
}

/** The rows of one kind as links, or its empty state; then its "New …" button. */
export function RowLinks({ kind, rows, details, action, empty }: RowLinksProps) {
  return (
    <>
      {rows.length === 0 ? (
        (empty ?? (
          <EmptyState title={EMPTY[kind].title}>
            <p>{EMPTY[kind].text}</p>
          </EmptyState>
        ))
      ) : (
        <ul className="row-links">
          {rows.map((row) => {
            const extra = details && 'packId' in row ? details(row) : '';
            return (
              <li key={row.id}>
                <Link href={`/${kind}s/${row.id}`}>
                  <span className="row-link-name">{row.name}</span>
                  {extra && <span className="row-link-details">{extra}</span>}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
      <NewButton kind={kind} action={action} />
    </>
  );
}
