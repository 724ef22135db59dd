// "This device" on /settings: whether the browser keeps the app's data (persistent
// storage) and how much it holds, with a button to ask for persistence; and installing
// the app (a button where the browser offers it, a hint on iOS Safari).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useInstall } from '../../pwa/install-context';
import {
  describeUsage,
  readStorageState,
  requestPersistence,
  type StorageState,
} from '../../pwa/storage';
import { InstallOffer } from '../../ui/install-offer';
import { StorageStatus } from '../../ui/storage-status';

export function DeviceSection() {
  const headingId = useId();
  const [storage, setStorage] = useState<StorageState | null>(null);
  const [refused, setRefused] = useState(false);
  const install = useInstall();

  const mounted = useRef(true);
  const refresh = useCallback(
    () =>
      readStorageState().then(
        (state) => mounted.current && setStorage(state),
        () => mounted.current && setStorage({ supported: false }),
      ),
    [],
  );
  useEffect(() => {
    mounted.current = true;
    void refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  const persist = async () => {
    const granted = await requestPersistence();
    setRefused(!granted);
    await refresh();
  };

  return (
    <section className="device-section" aria-labelledby={headingId}>
      <h2 id={headingId}>This device</h2>
      <StorageStatus
        persisted={storage === null ? undefined : storage.supported ? storage.persisted : null}
        usage={storage && describeUsage(storage)}
        refused={refused}
        onPersist={() => void persist()}
      />
      <InstallOffer
        kind={install.state}
        onInstall={() => {
          void install.store.promptInstall().then(() => refresh());
        }}
      />
    </section>
  );
}
