// Reads and writes the one settings row (id `settings`). Only the changed fields are
// written: a field that was never set stays absent and reads as its default, so a new
// device cannot overwrite another device's choices when they sync.
import type { PybDatabase } from '../../db/db';
import { SETTINGS_ID } from '../../db/types';
import type { Theme, WeightUnit } from '../../db/types';

export interface Settings {
  units: WeightUnit;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = { units: 'g', theme: 'system' };

export async function readSettings(database: PybDatabase): Promise<Settings> {
  const row = await database.settings.get(SETTINGS_ID);
  const live = row?.deleted ? undefined : row;
  return {
    units: live?.units ?? DEFAULT_SETTINGS.units,
    theme: live?.theme ?? DEFAULT_SETTINGS.theme,
  };
}

export async function saveSettings(
  database: PybDatabase,
  changes: Partial<Settings>,
): Promise<void> {
  await database.settings.upsert(SETTINGS_ID, changes);
}
