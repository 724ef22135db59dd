// Subscribes a component to a Dexie liveQuery (dexie-react-hooks is not a dependency).
// The query re-runs whenever a table it read changes, in this tab or another one, so
// pages never refresh by hand. Loading and failure are values, not exceptions.
import { liveQuery } from 'dexie';
import { useMemo, useSyncExternalStore } from 'react';

export type LiveResult<T> =
  { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown };

const LOADING: LiveResult<never> = { status: 'loading' };

export interface LiveStore<T> {
  subscribe: (onChange: () => void) => () => void;
  getSnapshot: () => LiveResult<T>;
}

/** The store behind useLiveQuery, in the shape useSyncExternalStore expects. */
export function createLiveStore<T>(querier: () => T | Promise<T>): LiveStore<T> {
  let snapshot: LiveResult<T> = LOADING;
  return {
    subscribe(onChange) {
      const subscription = liveQuery(querier).subscribe({
        next(value) {
          snapshot = { status: 'ready', value };
          onChange();
        },
        error(error: unknown) {
          snapshot = { status: 'error', error };
          onChange();
        },
      });
      return () => subscription.unsubscribe();
    },
    getSnapshot: () => snapshot,
  };
}

/**
 * `querier` must keep its identity between renders (a module-level function or a
 * useCallback): a new function starts a new query and shows `loading` again.
 */
export function useLiveQuery<T>(querier: () => T | Promise<T>): LiveResult<T> {
  const store = useMemo(() => createLiveStore(querier), [querier]);
  return useSyncExternalStore(store.subscribe, store.getSnapshot, () => LOADING);
}
