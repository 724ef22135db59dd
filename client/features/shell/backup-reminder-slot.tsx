// The guest's backup reminder in the shell (domain/backup-reminder.ts decides when).
// It is checked once the account state and settings are known, shown once: showing
// records settings' backupReminderShownAt at once, so a reload or another tab does not
// show it again, while this page keeps it until dismissed. `now` is injected so tests
// can move the clock.
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { AuthState } from '../../auth/session-state';
import { shouldRemindBackup } from '../../domain/backup-reminder';
import { useDb } from '../../model/db-context';
import { saveSettings } from '../../model/settings';
import { BackupReminder } from '../../ui/backup-reminder';
import { useSettings } from '../settings/use-settings';
import { ACCOUNT_PATH } from './account-status';

export function BackupReminderSlot({ account, now }: { account: AuthState; now: () => number }) {
  const db = useDb();
  const settings = useSettings();
  const [, navigate] = useLocation();
  const [shown, setShown] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const prefs = settings.status === 'ready' ? settings.value : null;
  const due =
    account.status === 'signed-out' &&
    prefs !== null &&
    prefs.backupDownloadedAt === null &&
    prefs.backupReminderShownAt === null;

  useEffect(() => {
    if (!due || shown) return;
    let current = true;
    // Loaded here, not with the shell: the first screen does not need it.
    void import('../../model/guest-data')
      .then(({ summarizeLocalData }) => summarizeLocalData(db))
      .then(async ({ ownSince }) => {
        const at = now();
        // `due` holds only while neither a download nor a reminder was recorded.
        const facts = {
          signedIn: false,
          backupDownloadedAt: null,
          backupReminderShownAt: null,
          ownSince,
          now: at,
        };
        if (!current || !shouldRemindBackup(facts)) return;
        setShown(true);
        await saveSettings(db, { backupReminderShownAt: at });
      });
    return () => {
      current = false;
    };
    // Not on `prefs`: any settings change makes a new object, and each would read every
    // table again.
  }, [db, due, shown, now]);

  if (!shown || account.status === 'signed-in') return null;
  return (
    <BackupReminder
      message={message}
      accountHref={ACCOUNT_PATH}
      onAccount={(event) => {
        event.preventDefault();
        setShown(false);
        navigate(ACCOUNT_PATH);
      }}
      onDownload={() => {
        // The backup writer loads on use, like the settings page's.
        import('../settings/download-backup')
          .then(({ downloadBackup }) => downloadBackup(db, new Date(now())))
          .then(
            (fileName) => setMessage(`Downloaded ${fileName}.`),
            (error: unknown) => setMessage(`The backup could not be made (${String(error)}).`),
          );
      }}
      onDismiss={() => setShown(false)}
    />
  );
}
