// Tells a guest that what they see is sample data, and removes it on request. Removing
// asks first (inline, so keyboard and screen-reader users stay in place), writes one
// transaction of soft deletes and offers undo.
import { useRef, useState } from 'react';
import { useDb } from '../../model/db-context';
import { reportStorageError } from '../../model/storage-errors';
import { clearSampleData, restoreSampleData } from '../../model/first-run';
import { useOfferUndo } from '../undo/undo-provider';

export function SampleNotice() {
  const database = useDb();
  const offerUndo = useOfferUndo();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const start = useRef<HTMLButtonElement>(null);

  const remove = () => {
    setError(null);
    clearSampleData(database)
      .then((cleared) => {
        document.getElementById('main')?.focus();
        offerUndo('Sample data removed.', () => restoreSampleData(database, cleared));
      })
      .catch((failure: unknown) => {
        if (!reportStorageError(failure)) setError(`Could not remove it: ${String(failure)}`);
      });
  };
  const cancel = () => {
    setConfirming(false);
    // The confirm buttons disappear; put focus back where the user started.
    requestAnimationFrame(() => start.current?.focus());
  };

  return (
    <section className="sample-notice panel" aria-labelledby="sample-notice-heading">
      <h2 id="sample-notice-heading">You’re looking at sample data</h2>
      <p>
        A 3-day summer pack with its lists, gear and an upcoming trip, so you can look around.
        Remove it when you’re ready to add your own; anything you added, changed or use in your own
        lists, packs and trips stays.
      </p>
      {confirming ? (
        <div className="sample-notice-confirm" role="group" aria-labelledby="sample-confirm-text">
          <p id="sample-confirm-text">Remove the sample gear, lists, pack and trip?</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              // Focus follows the click that revealed this button.
              autoFocus
              onClick={remove}
            >
              Yes, remove sample data
            </button>
            <button type="button" className="button" onClick={cancel}>
              Keep it
            </button>
          </div>
        </div>
      ) : (
        <button ref={start} type="button" className="button" onClick={() => setConfirming(true)}>
          Remove sample data
        </button>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
