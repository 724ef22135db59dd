// What the sync loop is doing, as a small external store for React's useSyncExternalStore
// (the shell shows it on every page), and the words for each state. A new snapshot
// object only when something changed, so subscribers re-render only then.
//
//   signed-out  a guest device, or the session needs the user: nothing is sent
//   offline     no answer from the server; changes stay on this device
//   syncing     a sync is running; `pulled` cells taken in so far (`total` when known)
//   synced      the last sync finished at `at` (ms since the epoch)
//   error       the last sync failed for `reason`; `retrying` when the loop tries again
//               by itself (server busy, clock ahead), not when it waits for a change;
//               `upgrade` when the server said the app is too old (426): the shell
//               then looks for a new version and offers it (client/pwa/register-sw.ts)
export type SyncStatus =
  | { state: 'signed-out' }
  | { state: 'offline' }
  | { state: 'syncing'; pulled: number; total: number | null }
  | { state: 'synced'; at: number }
  | { state: 'error'; reason: string; retrying: boolean; upgrade?: true };

export interface SyncStatusStore {
  subscribe(listener: () => void): () => void;
  getSnapshot(): SyncStatus;
  set(next: SyncStatus): void;
}

export function createSyncStatusStore(
  initial: SyncStatus = { state: 'signed-out' },
): SyncStatusStore {
  let status = initial;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => status,
    set(next) {
      if (JSON.stringify(next) === JSON.stringify(status)) return;
      status = next;
      for (const listener of [...listeners]) listener();
    },
  };
}

const count = new Intl.NumberFormat('en-US');

/** The time of day of a finished sync, in the user's locale (12:03, 12:03 PM). */
export function formatSyncTime(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/** The one-line text of a status; empty for signed-out (a guest has nothing to sync). */
export function describeSyncStatus(status: SyncStatus, formatTime = formatSyncTime): string {
  switch (status.state) {
    case 'signed-out':
      return '';
    case 'offline':
      return 'Offline — changes are saved on this device';
    case 'syncing': {
      if (status.pulled === 0) return 'Syncing…';
      const total = status.total === null ? '' : ` of ${count.format(status.total)}`;
      const noun = status.pulled === 1 && status.total === null ? 'change' : 'changes';
      return `Syncing… ${count.format(status.pulled)}${total} ${noun}`;
    }
    case 'synced':
      return `Synced ${formatTime(status.at)}`;
    case 'error':
      return `Sync error: ${status.reason}`;
  }
}
