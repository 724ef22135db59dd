// The checked set of the trip page, shown as soon as a tap's write has committed. The
// live query brings a committed check back only after it has re-read the trip's checks
// in a transaction of its own; a tap's own commit is known earlier, when setChecked
// resolves. So the page lays the checks it has committed over the live set until the
// live data changes (it then holds them, or something newer: another tab, a sync, a
// reset). Nothing is shown before it is stored.
import { useCallback, useMemo, useState } from 'react';

type Committed = ReadonlyMap<string, boolean>;
const NONE: Committed = new Map();

/** `live` with each committed check laid over it (the same set when there are none). */
export function withCommitted(
  live: ReadonlySet<string>,
  committed: Committed,
): ReadonlySet<string> {
  if (committed.size === 0) return live;
  const set = new Set(live);
  for (const [itemId, checked] of committed) {
    if (checked) set.add(itemId);
    else set.delete(itemId);
  }
  return set;
}

/**
 * `live` is the checked set read from IndexedDB; `committed(itemId, checked)` records a
 * check whose write has committed. Returns the set to show.
 */
export function useCommittedChecks(
  live: ReadonlySet<string>,
): [ReadonlySet<string>, (itemId: string, checked: boolean) => void] {
  const [committed, setCommitted] = useState<Committed>(NONE);
  const [liveSeen, setLiveSeen] = useState(live);
  // Adjusting state while rendering, as React recommends instead of an effect.
  if (liveSeen !== live) {
    setLiveSeen(live);
    setCommitted(NONE);
  }
  const shown = useMemo(() => withCommitted(live, committed), [live, committed]);
  const record = useCallback(
    (itemId: string, checked: boolean) =>
      setCommitted((before) => new Map(before).set(itemId, checked)),
    [],
  );
  return [shown, record];
}
