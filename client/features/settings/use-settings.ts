// The current settings as a live value: every component using it re-renders when the
// settings row changes, whichever tab or synced device changed it.
import { readSettings, type Preferences } from '../../model/settings';
import { useQuery, type LiveResult } from '../../model/use-query';

export function useSettings(): LiveResult<Preferences> {
  return useQuery(readSettings);
}
