// Storage failures, in two sizes. StorageError is shown instead of the app when the
// browser's database cannot be opened: the app keeps everything on the device, so
// without IndexedDB there is nothing it can do. StorageAlert is the banner for a write
// that failed later (disk full, storage revoked): the app goes on, but the user must
// know that their last change was not saved.
interface StorageErrorProps {
  /** The browser's error, for a bug report. */
  detail: string;
  onRetry: () => void;
}

export function StorageError({ detail, onRetry }: StorageErrorProps) {
  return (
    <main className="storage-error">
      <h1>PackYourBag can’t open its storage</h1>
      <p>
        Your gear lives on this device, in the browser’s database (IndexedDB), and the browser won’t
        let PackYourBag use it right now.
      </p>
      <p>This usually means one of these:</p>
      <ul>
        <li>a private or incognito window that blocks site storage;</li>
        <li>site data is turned off for this site in the browser’s settings;</li>
        <li>the device is out of storage space;</li>
        <li>another tab is running a different version of PackYourBag: close it.</li>
      </ul>
      <p>
        <button type="button" className="button button-primary" onClick={onRetry}>
          Try again
        </button>
      </p>
      <details>
        <summary>Technical details</summary>
        <code>{detail}</code>
      </details>
    </main>
  );
}

interface StorageAlertProps {
  /** What went wrong and what to do, or null for no alert. */
  message: string | null;
  onDismiss: () => void;
}

/**
 * The live region stays mounted (role="alert", empty when there is nothing to say), so
 * assistive technology announces the message the moment it appears.
 */
export function StorageAlert({ message, onDismiss }: StorageAlertProps) {
  return (
    <div className="storage-alert-slot" role="alert">
      {message !== null && (
        <div className="storage-alert">
          <p>{message}</p>
          <button type="button" className="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
