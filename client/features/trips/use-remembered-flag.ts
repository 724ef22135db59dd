// A per-device UI preference that survives reloads, such as "hide packed items"
// on one trip: at the trailhead a reload must not bring back the whole list.
// It is a view setting of this device, not trip data, so it stays out of the
// synced tables; localStorage failing (private mode) just means it is not kept.
import { useCallback, useState } from 'react';

function read(key: string): boolean {
  try {
    return localStorage.getItem(key) === 'true';
  } catch {
    return false;
  }
}

export function useRememberedFlag(key: string): [boolean, (value: boolean) => void] {
  const [value, setValue] = useState(() => read(key));
  const set = useCallback(
    (next: boolean) => {
      setValue(next);
      try {
        if (next) localStorage.setItem(key, 'true');
        else localStorage.removeItem(key);
      } catch {
        // Not kept across reloads; the toggle still works for this visit.
      }
    },
    [key],
  );
  return [value, set];
}
