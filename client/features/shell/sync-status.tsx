// The sync status in the app shell, on every page: one compact line under the app bar
// ("Synced 12:03", "Offline — changes are saved on this device", "Syncing… 1,200
// changes", "Sync error: …"), nothing for a guest. A long pull whose total the server
// gave (a first sync) also shows a progress bar. A screen reader hears the state
// change through a polite live region, but only when the kind of state changes: the
// visible line updates its count and time far more often than anyone wants to hear.
import { useSyncExternalStore } from 'react';
import { describeSyncStatus, type SyncStatus, type SyncStatusStore } from '../../sync/sync-status';

/** What the live region says: the state without counts or times. */
export function announcementOf(status: SyncStatus): string {
  switch (status.state) {
    case 'syncing':
      return 'Syncing…';
    case 'synced':
      return 'Synced';
    default:
      return describeSyncStatus(status);
  }
}

interface SyncStatusViewProps {
  status: SyncStatus;
  formatTime?: (at: number) => string;
}

export function SyncStatusView({ status, formatTime }: SyncStatusViewProps) {
  const text = describeSyncStatus(status, formatTime);
  return (
    <div className="sync-status" data-state={status.state}>
      {status.state === 'syncing' && status.total !== null && (
        // A long pull (a first sync) with its total known: how far it has got, for the eye
        // and, as a progressbar with a value, for a screen reader that looks for it.
        <progress
          aria-label="Sync progress"
          aria-valuetext={text}
          value={Math.min(status.pulled, status.total)}
          max={status.total}
        />
      )}
      {text && <span aria-hidden="true">{text}</span>}
      <span className="visually-hidden" role="status">
        {announcementOf(status)}
      </span>
    </div>
  );
}

export function SyncStatusLine({ store }: { store: SyncStatusStore }) {
  const status = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return <SyncStatusView status={status} />;
}
