// A gentle, non-modal reminder for a guest whose data lives only on this device: download
// a backup, or create an account to keep a copy on the server. Presentational; the shell
// decides when it shows (once) and what the actions do.
import './device-notices.css';
import { useId, type MouseEvent } from 'react';

interface BackupReminderProps {
  onDownload: () => void;
  /** Where "Create an account" leads. */
  accountHref: string;
  onAccount?: (event: MouseEvent<HTMLAnchorElement>) => void;
  onDismiss: () => void;
  /** A message after the download (done or failed). */
  message?: string | null;
}

export function BackupReminder({
  onDownload,
  accountHref,
  onAccount,
  onDismiss,
  message = null,
}: BackupReminderProps) {
  const headingId = useId();
  return (
    <aside className="backup-reminder" aria-labelledby={headingId}>
      <h2 id={headingId}>Keep a copy of your gear</h2>
      <p>
        Everything you made lives only in this browser. A backup file or a free account keeps it
        safe if this device is lost or the browser clears its storage.
      </p>
      <div className="backup-reminder-actions">
        <button type="button" className="button button-primary" onClick={onDownload}>
          Download a backup
        </button>
        <a className="button" href={accountHref} onClick={onAccount}>
          Create an account
        </a>
        <button type="button" className="button" onClick={onDismiss}>
          Not now
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </aside>
  );
}
