// Whether the browser keeps this device's data, and how much it holds. Presentational:
// the settings page reads the StorageManager (client/pwa/storage.ts) and says what the
// button does. Without the API there is one plain sentence, no button.
import './device-notices.css';
interface StorageStatusProps {
  /** null: the browser has no storage API; undefined: still reading. */
  persisted: boolean | null | undefined;
  /** "1.2 MB of 2 GB", or null when the browser does not say. */
  usage: string | null;
  onPersist: () => void;
  /** Set after the browser refused a request. */
  refused?: boolean;
}

export function StorageStatus({
  persisted,
  usage,
  onPersist,
  refused = false,
}: StorageStatusProps) {
  if (persisted === undefined) return <p className="storage-status">Checking storage…</p>;
  if (persisted === null) {
    return (
      <p className="storage-status">
        This browser does not say whether it keeps the app&apos;s data. Download a backup now and
        then, or create an account to keep a copy on the server.
      </p>
    );
  }
  return (
    <div className="storage-status">
      <p>
        {persisted
          ? 'Persistent storage: yes. The browser will not clear your data to free up space.'
          : 'Persistent storage: no. The browser may clear your data when the device runs low on space.'}
      </p>
      {usage && <p>Used on this device: {usage}.</p>}
      {!persisted && (
        <>
          <button type="button" className="button" onClick={onPersist}>
            Keep my data on this device
          </button>
          {refused && (
            <p role="status">
              The browser said no for now. Browsers grant this to sites you use often or install; a
              backup keeps your data safe meanwhile.
            </p>
          )}
        </>
      )}
    </div>
  );
}
