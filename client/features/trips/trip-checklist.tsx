// The check-off part of the trip page: progress, "hide packed items", reset, and the
// list itself. A tap writes the check and nothing else: the box shows ticked once the
// write has committed (model/trips.ts setChecked, use-committed-checks.ts).
import type { Trip } from '../../../shared/schemas';
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { resetChecklist, setChecked } from '../../model/trips';
import { useDb } from '../../model/db-context';
import {
  checkedItemIds,
  checklistGroups,
  checklistProgress,
  type StoredCheck,
} from '../../domain/checklist';
import type { PackListContents } from '../../domain/pack-totals';
import { Checklist } from '../../ui/checklist';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useRememberedFlag } from './use-remembered-flag';
import { useCommittedChecks } from './use-committed-checks';
import { EmptyState } from '../../ui/empty-state';
import { ProgressBar } from '../../ui/progress-bar';
import { describeWriteError } from '../../model/storage-errors';

interface TripChecklistProps {
  trip: Trip;
  /** The pack's lists, or null when the trip has no live pack. */
  contents: readonly PackListContents[] | null;
  checks: readonly StoredCheck[];
}

export function TripChecklist({ trip, contents, checks }: TripChecklistProps) {
  const db = useDb();
  const [hidePacked, setHidePacked] = useRememberedFlag(`pyb:hide-packed:${trip.id}`);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const groups = useMemo(() => checklistGroups(contents ?? []), [contents]);
  const stored = useMemo(() => checkedItemIds(trip, checks), [trip, checks]);
  const [checked, committed] = useCommittedChecks(stored);
  const { packed, total } = checklistProgress(groups, checked);

  const tripId = trip.id;
  const hasError = error !== null;
  const onToggle = useCallback(
    (itemId: string, next: boolean) => {
      // Only when there is something to clear: a tap should start the write and
      // nothing else, not a re-render of the whole list.
      if (hasError) setError(null);
      setChecked(db, tripId, itemId, next).then(
        () => committed(itemId, next),
        (e: unknown) => setError(describeWriteError(e)),
      );
    },
    [db, tripId, hasError, committed],
  );
  const reset = () => {
    setConfirming(false);
    setError(null);
    resetChecklist(db, tripId).catch((e: unknown) => setError(describeWriteError(e)));
  };

  if (contents === null)
    return (
      <EmptyState title="No pack chosen yet">
        <p>Choose a pack in the trip details below, and its items become this checklist.</p>
      </EmptyState>
    );
  if (total === 0)
    return (
      <EmptyState title="This pack has no items yet">
        <p>
          <Link href={`/packs/${trip.packId ?? ''}`}>Open the pack</Link> to add lists of gear.
        </p>
      </EmptyState>
    );

  return (
    <>
      <ProgressBar value={packed} max={total} text={`${packed} of ${total} packed`} />
      <div className="trip-toolbar">
        <label className="trip-toggle">
          <input
            type="checkbox"
            checked={hidePacked}
            onChange={(e) => setHidePacked(e.target.checked)}
          />
          Hide packed items
        </label>
        <button
          type="button"
          className="button"
          disabled={packed === 0}
          onClick={() => setConfirming(true)}
        >
          Reset checklist
        </button>
      </div>
      {error !== null && (
        <p className="trip-error" role="alert">
          {error}
        </p>
      )}
      {hidePacked && packed === total && (
        <p className="trip-all-packed">Everything is packed. Have a good trip!</p>
      )}
      <Checklist groups={groups} checked={checked} hidePacked={hidePacked} onToggle={onToggle} />
      <ConfirmDialog
        open={confirming}
        title="Reset the checklist?"
        confirmLabel="Uncheck all items"
        onConfirm={reset}
        onCancel={() => setConfirming(false)}
      >
        <p>
          All {packed} packed items of this trip will be unchecked, here and on your other devices.
          The pack and its lists stay as they are.
        </p>
      </ConfirmDialog>
    </>
  );
}
