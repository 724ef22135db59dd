import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/db';
import { DEFAULT_SETTINGS, readSettings, saveSettings, type Preferences } from './settings';

const database = openDatabase('settings-test');

afterEach(async () => {
  await database.delete({ disableAutoOpen: false });
});

describe('settings store', () => {
  it('reads the defaults before anything is saved', async () => {
    expect(await readSettings(database)).toEqual({ units: 'g', theme: 'system' });
    expect(DEFAULT_SETTINGS).toEqual({ units: 'g', theme: 'system' });
  });

  it('writes only the changed field into the row with id "settings"', async () => {
    await saveSettings(database, { theme: 'dark' });
    expect(await database.settings.toArray()).toEqual([
      { id: 'settings', theme: 'dark', _hlc: { theme: expect.any(String) } },
    ]);
    expect(await readSettings(database)).toEqual({ units: 'g', theme: 'dark' });
  });

  it('keeps other fields when one changes', async () => {
    await saveSettings(database, { units: 'oz' });
    await saveSettings(database, { theme: 'light' });
    expect(await readSettings(database)).toEqual({ units: 'oz', theme: 'light' });
  });

  it('reads a deleted row as the defaults', async () => {
    await database.settings.put({ id: 'settings', theme: 'dark', deleted: true });
    expect(await readSettings(database)).toEqual(DEFAULT_SETTINGS);
  });

  it('refuses a value outside the schema and writes nothing', async () => {
    const bad = { theme: 'sepia' } as unknown as Partial<Preferences>;
    await expect(saveSettings(database, bad)).rejects.toThrow();
    expect(await database.settings.toArray()).toEqual([]);
  });
});
