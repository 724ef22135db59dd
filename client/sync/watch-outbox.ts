// Notices local writes, in this tab or another, by watching the outbox's last seq with a
// Dexie live query: the seq only grows (IndexedDB never reuses an autoincrement key), so
// a greater one means a new change. The sync engine deleting acknowledged entries
// lowers or keeps it and is not mistaken for a write.
import { liveQuery } from 'dexie';
import type { PybDatabase } from '../db/db';

export function watchOutbox(db: PybDatabase): (onWrite: () => void) => () => void {
  return (onWrite) => {
    let last: number | null = null;
    const subscription = liveQuery(() => db.outbox.toCollection().lastKey()).subscribe({
      next(key) {
        const seq = typeof key === 'number' ? key : 0;
        if (last !== null && seq > last) onWrite();
        last = seq;
      },
      error: (error: unknown) => console.warn('Could not watch the outbox', error),
    });
    return () => subscription.unsubscribe();
  };
}
