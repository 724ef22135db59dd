// The editable facts of a trip: name, dates, place, pack and notes. Each field saves
// on its own when the user leaves it (see ui/edit-field.tsx); the rules (docs/api.md limits,
// end not before start) are checked here, with messages in words, before any write.
import { NAME_MAX, NOTES_MAX } from '../../../shared/schemas/constants';
import type { Pack, Trip } from '../../../shared/schemas';
import { useId, useState } from 'react';
import { updateTrip, type TripChanges } from '../../model/trips';
import { useDb } from '../../model/db-context';
import { describeWriteError } from '../../model/storage-errors';
import { EditField } from '../../ui/edit-field';
import { tripFieldError } from './trip-field-error';

interface TripDetailsProps {
  trip: Trip;
  packs: readonly Pack[];
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
      return describeWriteError(error);
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
        maxLength={NAME_MAX}
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
        maxLength={NAME_MAX}
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
        maxLength={NOTES_MAX}
        onCommit={(notes) => save({ notes })}
      />
    </div>
  );
}
