// The sync status in the app shell, on every page: one compact line under the app bar
// ("Synced 12:03", "Offline — changes are saved on this device", "Syncing… 1,200
// changes", "Sync error: …"), nothing for a guest. A screen reader hears the state
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
