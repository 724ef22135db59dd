// trips: dates, place and a pack (docs/api.md). Resetting the checklist is one write of
// `checksResetAt`: a check counts only when its hlc is greater than this one.
import { z } from 'zod';
import {
  colorSchema,
  dateSchema,
  deletedSchema,
  hlcSchema,
  idSchema,
  nameSchema,
  notesSchema,
  shortTextSchema,
} from './common';

export const tripFields = {
  name: nameSchema,
  packId: idSchema.nullable(),
  startDate: dateSchema.nullable(),
  endDate: dateSchema.nullable(),
  location: shortTextSchema,
  notes: notesSchema,
  color: colorSchema,
  checksResetAt: hlcSchema.nullable(),
  deleted: deletedSchema,
};

export const tripIdSchema = idSchema;
export const tripSchema = z.object({ id: tripIdSchema, ...tripFields });
export type Trip = z.infer<typeof tripSchema>;
