// When a guest is reminded to keep a copy of their data: their gear lives only in this
// browser's IndexedDB, which may be cleared. Once, gently, and only when it matters:
// a guest (no account: the server keeps an account's copy), who never downloaded a
// backup, and whose own data (not the first-run sample) is at least a week old, so a
// first visit is not greeted with a chore.
export const REMIND_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface BackupReminderFacts {
  signedIn: boolean;
  backupDownloadedAt: number | null;
  backupReminderShownAt: number | null;
  /** When the oldest of the user's own rows was written, null when there is none. */
  ownSince: number | null;
  now: number;
}

export function shouldRemindBackup(facts: BackupReminderFacts): boolean {
  if (facts.signedIn) return false;
  if (facts.backupDownloadedAt !== null || facts.backupReminderShownAt !== null) return false;
  return facts.ownSince !== null && facts.now - facts.ownSince >= REMIND_AFTER_MS;
}
