// Reads and writes the one settings row (id `settings`). Only the changed fields are
// written: a field that was never set stays absent and reads as its default, so a new
// device cannot overwrite another device's choices when they sync. Each written field
// is checked against the shared schema first, like every other write of the model.
import type { Settings } from '../../shared/schemas';
import { SETTINGS_ID } from '../../shared/schemas/constants';
import type { WeightUnit } from '../../shared/units';
import type { PybDatabase } from '../db/db';
import { loadSchemas } from './schemas';

export type Theme = Settings['theme'];

/** The settings row as read: every field filled in, the defaults where none was set. */
export interface Preferences {
  units: WeightUnit;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Readonly<Preferences> = { units: 'g', theme: 'system' };

export async function readSettings(database: PybDatabase): Promise<Preferences> {
  const row = await database.settings.get(SETTINGS_ID);
  const live = row?.deleted ? undefined : row;
  return {
    units: live?.units ?? DEFAULT_SETTINGS.units,
    theme: live?.theme ?? DEFAULT_SETTINGS.theme,
  };
}

/** Writes the given fields only; a value outside the schema throws and writes nothing. */
export async function saveSettings(
  database: PybDatabase,
  changes: Partial<Preferences>,
): Promise<void> {
  const { settingsFields } = await loadSchemas();
  const checked: Partial<Preferences> = {};
  if (changes.units !== undefined) checked.units = settingsFields.units.parse(changes.units);
  if (changes.theme !== undefined) checked.theme = settingsFields.theme.parse(changes.theme);
  await database.settings.upsert(SETTINGS_ID, checked);
}
