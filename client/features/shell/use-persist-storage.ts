// Asks the browser to keep this device's data (persistent storage) when it starts to
// matter: the first time the user has something of their own (not the untouched
// first-run sample; a changed setting alone does not count), or when the app is
// installed. One request per page load: the browser decides by its own rules (Chromium
// by engagement, Firefox by asking), and asking again on every write would only nag.
// Settings has a button to ask again. model/guest-data loads after the first render: it
// brings the hlc parser, which the first screen does not need.
import { useEffect } from 'react';
import { createLiveStore } from '../../model/live-query';
import type { PybDatabase } from '../../model/db-context';
import type { InstallStore } from '../../pwa/install';
import { isPersisted, requestPersistence, type StorageApi } from '../../pwa/storage';

export function usePersistStorage(db: PybDatabase, install: InstallStore, storage?: StorageApi) {
  useEffect(() => {
    let asked = false;
    let stopWatching = () => {};
    const ask = () => {
      if (asked) return;
      asked = true;
      stopWatching();
      void requestPersistence(storage);
    };
    const stopInstalled = install.onInstalled(ask);
    let active = true;
    void isPersisted(storage).then(async (persisted) => {
      // Nothing to ask for: no API (null), or already persisted.
      if (!active || persisted !== false) return;
      const { hasOwnContent, summarizeLocalData } = await import('../../model/guest-data');
      if (!active) return;
      const own = createLiveStore(() => summarizeLocalData(db));
      const unsubscribe = own.subscribe(() => {
        const result = own.getSnapshot();
        if (result.status === 'ready' && hasOwnContent(result.value)) ask();
      });
      stopWatching = unsubscribe;
      if (asked) unsubscribe();
    });
    return () => {
      active = false;
      stopInstalled();
      stopWatching();
    };
  }, [db, install, storage]);
}
