// Reads and writes the one settings row (id `settings`). Only the changed fields are
// written: a field that was never set stays absent and reads as its default, so a new
// device cannot overwrite another device's choices when they sync. Each written field
// is checked against the shared schema first, like every other write of the model.
// A user who never chose a unit reads `auto` [W9]; an explicit choice is kept as made.
import type { Settings } from '../../shared/schemas';
import { SETTINGS_ID } from '../../shared/schemas/constants';
import type { DisplayUnit, UnitSystem } from '../../shared/units';
import type { PybDatabase } from '../db/db';
import { loadSchemas } from './schemas';

export type Theme = Settings['theme'];

/** The settings row as read: every field filled in, the defaults where none was set. */
export interface Preferences {
  units: DisplayUnit;
  /** Which pair `auto` shows (g/kg or oz/lb); null: not chosen, metric ([W9]). */
  unitSystem: UnitSystem | null;
  theme: Theme;
  /** When this user last downloaded a backup file (ms since the epoch), null if never. */
  backupDownloadedAt: number | null;
  /** When the backup reminder was shown, null if never: it is shown once. */
  backupReminderShownAt: number | null;
}

export const DEFAULT_SETTINGS: Readonly<Preferences> = {
  units: 'auto',
  unitSystem: null,
  theme: 'system',
  backupDownloadedAt: null,
  backupReminderShownAt: null,
};

export async function readSettings(database: PybDatabase): Promise<Preferences> {
  const row = await database.settings.get(SETTINGS_ID);
  const live = row?.deleted ? undefined : row;
  return {
    units: live?.units ?? DEFAULT_SETTINGS.units,
    unitSystem: live?.unitSystem ?? DEFAULT_SETTINGS.unitSystem,
    theme: live?.theme ?? DEFAULT_SETTINGS.theme,
    backupDownloadedAt: live?.backupDownloadedAt ?? DEFAULT_SETTINGS.backupDownloadedAt,
    backupReminderShownAt: live?.backupReminderShownAt ?? DEFAULT_SETTINGS.backupReminderShownAt,
  };
}

/** What saveSettings writes: any field but the unset markers (null is never stored). */
export type SettingsChanges = {
  [K in keyof Preferences]?: Exclude<Preferences[K], null>;
};

const FIELDS = [
  'units',
  'unitSystem',
  'theme',
  'backupDownloadedAt',
  'backupReminderShownAt',
] as const satisfies readonly (keyof Preferences)[];

/** Writes the given fields only; a value outside the schema throws and writes nothing. */
export async function saveSettings(database: PybDatabase, changes: SettingsChanges): Promise<void> {
  const { settingsFields } = await loadSchemas();
  const checked: Record<string, unknown> = {};
  for (const field of FIELDS) {
    if (changes[field] !== undefined) checked[field] = settingsFields[field].parse(changes[field]);
  }
  await database.settings.upsert(SETTINGS_ID, checked);
}
