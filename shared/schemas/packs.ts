// packs: a combination of lists for a kind of trip, such as "Summer 3-day" (docs/api.md).
import { z } from 'zod';
import {
  colorSchema,
  deletedSchema,
  idSchema,
  nameSchema,
  notesSchema,
  sortKeySchema,
} from './common';

export const packFields = {
  name: nameSchema,
  notes: notesSchema,
  color: colorSchema,
  sortKey: sortKeySchema,
  deleted: deletedSchema,
};

export const packIdSchema = idSchema;
export const packSchema = z.object({ id: packIdSchema, ...packFields });
export type Pack = z.infer<typeof packSchema>;
