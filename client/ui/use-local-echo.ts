// A live value the user can edit. A write to IndexedDB only comes back through
// liveQuery a moment later, so a control bound straight to the live value would snap
// back to the old value on click and jump forward again. This shows the user's value
// at once and adopts the live value whenever that changes (the write arriving, or an
// edit from another tab or a synced device).
import { useState } from 'react';

export function useLocalEcho<T>(live: T): [T, (value: T) => void] {
  const [shown, setShown] = useState(live);
  const [lastLive, setLastLive] = useState(live);
  // Adjusting state while rendering, as React recommends instead of an effect.
  if (!Object.is(live, lastLive)) {
    setLastLive(live);
    setShown(live);
  }
  return [shown, setShown];
}
