import { describe, expect, it } from 'vitest';
import { createSyncStatusStore, describeSyncStatus, type SyncStatus } from './sync-status';

const at = (hhmm: string) => `at ${hhmm}`;
const time = () => at('12:03');

describe('sync status', () => {
  it.each<[SyncStatus, string]>([
    [{ state: 'signed-out' }, ''],
    [{ state: 'offline' }, 'Offline — changes are saved on this device'],
    [{ state: 'syncing', pulled: 0, total: null }, 'Syncing…'],
    [{ state: 'syncing', pulled: 1, total: null }, 'Syncing… 1 change'],
    [{ state: 'syncing', pulled: 1200, total: null }, 'Syncing… 1,200 changes'],
    [{ state: 'syncing', pulled: 1200, total: 5000 }, 'Syncing… 1,200 of 5,000 changes'],
    [{ state: 'synced', at: 0 }, 'Synced at 12:03'],
    [{ state: 'error', reason: 'bad change', retrying: false }, 'Sync error: bad change'],
  ])('describes %j', (status, text) => {
    expect(describeSyncStatus(status, time)).toBe(text);
  });

  it('tells subscribers only about real changes', () => {
    const store = createSyncStatusStore();
    let calls = 0;
    const stop = store.subscribe(() => (calls += 1));
    store.set({ state: 'signed-out' });
    store.set({ state: 'offline' });
    store.set({ state: 'offline' });
    const snapshot = store.getSnapshot();
    store.set({ state: 'offline' });
    expect(store.getSnapshot()).toBe(snapshot);
    stop();
    store.set({ state: 'synced', at: 1 });
    expect(calls).toBe(1);
  });
});
