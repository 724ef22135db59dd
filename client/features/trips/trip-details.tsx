// The editable facts of a trip: name, dates, place, pack and notes. Each field saves
// on its own when the user leaves it (see ui/edit-field.tsx); the rules (API.md limits,
// end not before start) are checked here, with messages in words, before any write.
import { useId, useState } from 'react';
import { tripFields } from '../../../shared/schemas';
import { datesInOrder, updateTrip, type TripChanges } from '../../data/trips';
import { useDb } from '../../db/db-context';
import type { PackRow, TripRow } from '../../db/types';
import { EditField } from '../../ui/edit-field';

interface TripDetailsProps {
  trip: TripRow;
  packs: readonly PackRow[];
}

/** The reason a field's new value is refused, or null. */
export function tripFieldError(trip: TripRow, changes: TripChanges): string | null {
  const next = { ...trip, ...changes };
  if (changes.name !== undefined && changes.name.trim() === '') return 'The trip needs a name.';
  if (changes.name !== undefined && changes.name.trim().length > 200)
    return 'Keep the name to 200 characters.';
  if (changes.location !== undefined && changes.location.trim().length > 200)
    return 'Keep the location to 200 characters.';
  if (changes.notes !== undefined && changes.notes.trim().length > 5000)
    return 'Keep the notes to 5000 characters.';
  for (const field of ['startDate', 'endDate'] as const) {
    const value = changes[field];
    if (value != null && !tripFields[field].safeParse(value).success)
      return 'Enter a date as day, month and year.';
  }
  if (!datesInOrder(next.startDate, next.endDate)) return 'The trip cannot end before it starts.';
  return null;
}

export function TripDetails({ trip, packs }: TripDetailsProps) {
  const db = useDb();
  const packSelect = useId();
  const [packError, setPackError] = useState<string | null>(null);
  const save = async (changes: TripChanges): Promise<string | null> => {
    const refused = tripFieldError(trip, changes);
    if (refused !== null) return refused;
    try {
      await updateTrip(db, trip.id, changes);
      return null;
    } catch (error) {
      return `Not saved: ${String(error)}`;
    }
  };
  const date = (value: string) => (value === '' ? null : value);
  const packIsLive = packs.some((p) => p.id === trip.packId);

  return (
    <div className="trip-details">
      <EditField
        label="Name"
        value={trip.name}
        required
        maxLength={200}
        onCommit={(name) => save({ name })}
      />
      <div className="trip-dates">
        <EditField
          label="Start date"
          type="date"
          value={trip.startDate ?? ''}
          onCommit={(v) => save({ startDate: date(v) })}
        />
        <EditField
          label="End date"
          type="date"
          value={trip.endDate ?? ''}
          {...(trip.startDate ? { min: trip.startDate } : {})}
          onCommit={(v) => save({ endDate: date(v) })}
        />
      </div>
      <EditField
        label="Location"
        value={trip.location}
        maxLength={200}
        onCommit={(location) => save({ location })}
      />
      <div className="edit-field">
        <label htmlFor={packSelect}>Pack</label>
        <select
          id={packSelect}
          className="pyb-select"
          value={packIsLive ? (trip.packId ?? '') : ''}
          onChange={(e) => {
            setPackError(null);
            void save({ packId: e.target.value === '' ? null : e.target.value }).then(setPackError);
          }}
        >
          <option value="">No pack</option>
          {packs.map((pack) => (
            <option key={pack.id} value={pack.id}>
              {pack.name}
            </option>
          ))}
        </select>
        {trip.packId !== null && !packIsLive && (
          <p className="muted">The pack this trip used was deleted. Choose another one.</p>
        )}
        {packError !== null && (
          <p className="edit-field-error" role="alert">
            {packError}
          </p>
        )}
      </div>
      <EditField
        label="Notes"
        multiline
        value={trip.notes}
        maxLength={5000}
        onCommit={(notes) => save({ notes })}
      />
    </div>
  );
}
