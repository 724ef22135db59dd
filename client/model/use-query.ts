// The one hook through which pages read the database: a named model query (a function
// of the database and its arguments, e.g. `liveLists` or `loadPackSource`) bound to
// the database in context and kept live. Pages never hold Dexie or a table; they name
// the query and its arguments, and re-render when the tables it read change.
import { useCallback, useState } from 'react';
import type { PybDatabase } from '../db/db';
import { useDb } from './db-context';
import { useLiveQuery, type LiveResult } from './live-query';

export type { LiveResult } from './live-query';

export type Query<A extends unknown[], T> = (db: PybDatabase, ...args: A) => Promise<T>;

/**
 * `query` should be a module-level function; the query re-runs when it, the database or
 * one of `args` (compared with Object.is) changes, and shows `loading` meanwhile.
 */
export function useQuery<A extends unknown[], T>(query: Query<A, T>, ...args: A): LiveResult<T> {
  const db = useDb();
  const kept = useSameArgs(args);
  const querier = useCallback(() => query(db, ...kept), [db, query, kept]);
  return useLiveQuery(querier);
}

/** `args` as first seen, until one of them changes: a new array each render is no change. */
function useSameArgs<A extends unknown[]>(args: A): A {
  const [kept, setKept] = useState(args);
  const same = kept.length === args.length && kept.every((arg, i) => Object.is(arg, args[i]));
  // Adjusting state while rendering, as React recommends instead of an effect.
  if (!same) setKept(args);
  return same ? kept : args;
}
