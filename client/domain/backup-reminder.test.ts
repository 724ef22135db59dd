import { describe, expect, it } from 'vitest';
import { REMIND_AFTER_MS, shouldRemindBackup, type BackupReminderFacts } from './backup-reminder';

const NOW = Date.UTC(2026, 11, 7, 12);
const due: BackupReminderFacts = {
  signedIn: false,
  backupDownloadedAt: null,
  backupReminderShownAt: null,
  ownSince: NOW - REMIND_AFTER_MS,
  now: NOW,
};

describe('shouldRemindBackup', () => {
  it('reminds a guest whose own data is a week old and who never downloaded a backup', () => {
    expect(shouldRemindBackup(due)).toBe(true);
  });

  it.each<[string, Partial<BackupReminderFacts>]>([
    ['a signed-in user (the server keeps a copy)', { signedIn: true }],
    ['after a backup was downloaded', { backupDownloadedAt: NOW - 1000 }],
    ['a second time', { backupReminderShownAt: NOW - 1000 }],
    ['with no own data (only the sample)', { ownSince: null }],
    ['before a week has passed', { ownSince: NOW - REMIND_AFTER_MS + 1 }],
  ])('does not remind %s', (_, change) => {
    expect(shouldRemindBackup({ ...due, ...change })).toBe(false);
  });
});
