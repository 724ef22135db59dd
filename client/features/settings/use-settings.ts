// The current settings as a live value: every component using it re-renders when the
// settings row changes, whichever tab or synced device changed it.
import { useCallback } from 'react';
import { useDb } from '../../model/db-context';
import { useLiveQuery } from '../../model/live-query';
import type { LiveResult } from '../../model/live-query';
import { readSettings } from './settings-store';
import type { Settings } from './settings-store';

export function useSettings(): LiveResult<Settings> {
  const database = useDb();
  const query = useCallback(() => readSettings(database), [database]);
  return useLiveQuery(query);
}
