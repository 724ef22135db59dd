// lists: reusable groups of items such as "Sleep system" (docs/api.md "Tables and fields").
import { z } from 'zod';
import {
  colorSchema,
  deletedSchema,
  idSchema,
  nameSchema,
  notesSchema,
  sortKeySchema,
} from './common';

export const listFields = {
  name: nameSchema,
  notes: notesSchema,
  color: colorSchema,
  sortKey: sortKeySchema,
  deleted: deletedSchema,
};

export const listIdSchema = idSchema;
export const listSchema = z.object({ id: listIdSchema, ...listFields });
export type List = z.infer<typeof listSchema>;
