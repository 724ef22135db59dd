// The current settings as a live value: every component using it re-renders when the
// settings row changes, whichever tab or synced device changed it.
import { readSettings, type Settings } from '../../model/settings';
import { useQuery, type LiveResult } from '../../model/use-query';

export function useSettings(): LiveResult<Settings> {
  return useQuery(readSettings);
}
