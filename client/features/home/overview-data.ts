// The overview and the desktop sidebar read model/overview.ts through one live query.
//
// On a device's first start the shell renders while the sample is still being written
// (main.tsx); readers of the overview suspend until that write is done, so the first
// screen shows a skeleton and then the sample, never a flash of empty states.
import { createContext, use } from 'react';
import { readOverview, type Overview } from '../../model/overview';
import { useQuery, type LiveResult } from '../../model/use-query';

export type { Overview } from '../../model/overview';

/** Settles when the first-run seeding (if any) is over; see main.tsx. */
export const FirstRunContext = createContext<Promise<unknown> | null>(null);

export function useOverview(): LiveResult<Overview> {
  const firstRun = use(FirstRunContext);
  if (firstRun) use(firstRun);
  return useQuery(readOverview);
}
