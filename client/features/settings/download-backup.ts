// Downloads the JSON backup of this device and records when (settings'
// backupDownloadedAt), so the guest's backup reminder knows one exists. Used by the
// Backup section and by the reminder's own button.
import { backupFileName, exportBackup } from '../../model/backup';
import type { PybDatabase } from '../../model/db-context';
import { saveSettings } from '../../model/settings';
import { downloadText } from '../../ui/download';

/** Saves the backup file; returns its name. Throws when it could not be made. */
export async function downloadBackup(database: PybDatabase, now = new Date()): Promise<string> {
  const fileName = backupFileName(now);
  downloadText(await exportBackup(database, now), fileName);
  // The file is out: a failure to note it only means the reminder may still show.
  await saveSettings(database, { backupDownloadedAt: now.getTime() }).catch(() => undefined);
  return fileName;
}
