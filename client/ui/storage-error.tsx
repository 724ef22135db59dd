// Shown instead of the app when the browser's database cannot be opened: the app keeps
// everything on the device, so without IndexedDB there is nothing it can do.
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
