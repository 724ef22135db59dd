// packLists: a list in a pack (docs/api.md). The id is `<packId>:<listId>`.
import { z } from 'zod';
import { deletedSchema, idSchema, sortKeySchema } from './common';
import { joinIdSchema, joinRowMatches } from './join-id';

export const packListFields = {
  packId: idSchema,
  listId: idSchema,
  sortKey: sortKeySchema,
  deleted: deletedSchema,
};

export const packListIdSchema = joinIdSchema;
export const packListSchema = z
  .object({ id: packListIdSchema, ...packListFields })
  .refine((row) => joinRowMatches('packLists', row), 'id must be <packId>:<listId>');
export type PackList = z.infer<typeof packListSchema>;
