// Whether a media query matches, live. The shell renders the desktop sidebar only when
// it can be seen, so phones do not run its query while someone ticks off a checklist.
import { useCallback, useSyncExternalStore } from 'react';

export const DESKTOP_QUERY = '(min-width: 64rem)';

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}
