// settings: the user's preferences, synced between their devices: one row, id `settings`.
import { z } from 'zod';
import { deletedSchema, weightUnitSchema } from './common';
import { SETTINGS_ID } from './constants';

export { SETTINGS_ID } from './constants';
export const THEMES = ['system', 'light', 'dark'] as const;

export const settingsFields = {
  units: weightUnitSchema,
  theme: z.enum(THEMES),
  deleted: deletedSchema,
};

export const settingsIdSchema = z.literal(SETTINGS_ID);
export const settingsSchema = z.object({ id: settingsIdSchema, ...settingsFields });
export type Settings = z.infer<typeof settingsSchema>;
