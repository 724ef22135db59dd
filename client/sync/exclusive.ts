// One sync at a time across every tab of this origin: tabs share the database, and two
// engines at once would send the same outbox twice (harmless, idempotent, but wasted).
// The Web Locks API queues the tabs; where it is missing (old Safari, tests), a promise
// chain keeps at least this tab to one sync at a time.
import type { Locks } from '../auth/refresh-lock';

export const SYNC_LOCK_NAME = 'pyb-sync';

export type Exclusive = <T>(task: () => Promise<T>) => Promise<T>;

export function exclusiveRunner(locks: Locks | null): Exclusive {
  if (locks) return (task) => locks.request(SYNC_LOCK_NAME, task);
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
