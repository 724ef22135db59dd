import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db';
import { DEFAULT_SETTINGS, readSettings, saveSettings, type SettingsChanges } from './settings';

const database = openDatabase('settings-test');

afterEach(async () => {
  await database.delete({ disableAutoOpen: false });
});

describe('settings store', () => {
  it('reads the defaults before anything is saved: the automatic unit [W9]', async () => {
    expect(await readSettings(database)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      units: 'auto',
      unitSystem: null,
      theme: 'system',
      backupDownloadedAt: null,
      backupReminderShownAt: null,
    });
  });

  it('writes only the changed field into the row with id "settings"', async () => {
    await saveSettings(database, { theme: 'dark' });
    expect(await database.settings.toArray()).toEqual([
      { id: 'settings', theme: 'dark', _hlc: { theme: expect.any(String) } },
    ]);
    expect(await readSettings(database)).toMatchObject({ units: 'auto', theme: 'dark' });
  });

  it('keeps other fields, and an explicit unit chosen before auto existed', async () => {
    await saveSettings(database, { units: 'oz' });
    await saveSettings(database, { theme: 'light' });
    await saveSettings(database, { unitSystem: 'imperial', backupReminderShownAt: 1234 });
    expect(await readSettings(database)).toEqual({
      units: 'oz',
      unitSystem: 'imperial',
      theme: 'light',
      backupDownloadedAt: null,
      backupReminderShownAt: 1234,
    });
  });

  it('records when a backup was downloaded', async () => {
    await saveSettings(database, { backupDownloadedAt: 1_765_000_000_000 });
    expect((await readSettings(database)).backupDownloadedAt).toBe(1_765_000_000_000);
  });

  it('reads a deleted row as the defaults', async () => {
    await database.settings.put({ id: 'settings', theme: 'dark', deleted: true });
    expect(await readSettings(database)).toEqual(DEFAULT_SETTINGS);
  });

  it.each<[string, SettingsChanges]>([
    ['theme', { theme: 'sepia' } as unknown as SettingsChanges],
    ['unitSystem', { unitSystem: 'nautical' } as unknown as SettingsChanges],
    ['backupDownloadedAt', { backupDownloadedAt: -5 }],
  ])('refuses a %s outside the schema and writes nothing', async (_, bad) => {
    await expect(saveSettings(database, bad)).rejects.toThrow();
    expect(await database.settings.toArray()).toEqual([]);
  });
});
