// settings: the user's preferences, synced between their devices: one row, id `settings`.
import { z } from 'zod';
import { DISPLAY_UNITS, UNIT_SYSTEMS } from '../units';
import { deletedSchema } from './common';
import { SETTINGS_ID } from './constants';

export { SETTINGS_ID } from './constants';
export const THEMES = ['system', 'light', 'dark'] as const;

/** A moment in ms since the epoch (Date.now()). */
const instantSchema = z.number().int().min(0).max(8.64e15);

export const settingsFields = {
  /** [W9] `auto`: g below 1 kg, kg above (oz/lb in the imperial system). */
  units: z.enum(DISPLAY_UNITS),
  /** Which pair `auto` uses; absent = the locale's region decides. */
  unitSystem: z.enum(UNIT_SYSTEMS),
  theme: z.enum(THEMES),
  /** When a backup file was last downloaded (the guest's reminder stops asking). */
  backupDownloadedAt: instantSchema,
  /** When the "download a backup" reminder was shown: it is shown once. */
  backupReminderShownAt: instantSchema,
  deleted: deletedSchema,
};

export const settingsIdSchema = z.literal(SETTINGS_ID);
export const settingsSchema = z.object({ id: settingsIdSchema, ...settingsFields });
export type Settings = z.infer<typeof settingsSchema>;
