// Renewal of the access token runs one at a time: within a tab, concurrent callers
// share one attempt (single flight); across tabs, the Web Locks API queues them, so two
// tabs never present the same refresh token at once. The refresh token rotates on
// every use and presenting a rotated one outside the server's 10 s grace window
// revokes the whole login (docs/api.md "Refresh rotation"), so racing tabs would sign the
// user out. Where navigator.locks is missing (old Safari, tests), the in-tab single
// flight still holds and the server's grace window covers the rare cross-tab race.
export const REFRESH_LOCK_NAME = 'pyb-auth-refresh';

/** The part of LockManager used here, so tests can pass a fake. */
export interface Locks {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function browserLocks(): Locks | null {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks) return null;
  return {
    request: <T>(name: string, callback: () => Promise<T>) =>
      locks.request(name, callback) as Promise<T>,
  };
}

/** Wraps `task` so that concurrent calls share one run, held under the cross-tab lock. */
export function singleFlight<T>(task: () => Promise<T>, locks: Locks | null): () => Promise<T> {
  let running: Promise<T> | null = null;
  return () => {
    running ??= (locks ? locks.request(REFRESH_LOCK_NAME, task) : task()).finally(() => {
      running = null;
    });
    return running;
  };
}
