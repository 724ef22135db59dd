// The two things a session follows besides its own requests: the stored account (a
// Dexie live query, which also fires when another tab signs in or out) and the
// browser's `online` and `offline` events. Returns the function that stops both.
import { liveQuery } from 'dexie';
import type { PybDatabase } from '../db/db';
import { readAccount, type StoredAccount } from './account-meta';

export interface WatchHandlers {
  onAccount(account: StoredAccount | null): void;
  onOnline(): void;
  onOffline(): void;
}

export function watchAccountAndNetwork(
  db: PybDatabase,
  events: EventTarget | null,
  handlers: WatchHandlers,
): () => void {
  const subscription = liveQuery(() => readAccount(db)).subscribe({
    next: (account) => handlers.onAccount(account),
    error: (error: unknown) => console.warn('Could not read the signed-in account', error),
  });
  const onOnline = () => handlers.onOnline();
  const onOffline = () => handlers.onOffline();
  events?.addEventListener('online', onOnline);
  events?.addEventListener('offline', onOffline);
  return () => {
    subscription.unsubscribe();
    events?.removeEventListener('online', onOnline);
    events?.removeEventListener('offline', onOffline);
  };
}
