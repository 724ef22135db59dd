// listEntries: an item in a list, with how many, how many of them are worn, and whether it is
// used up on the way (docs/api.md). The id is `<listId>:<itemId>`.
import { z } from 'zod';
import { deletedSchema, idSchema, quantitySchema, sortKeySchema } from './common';
import { joinIdSchema, joinRowMatches } from './join-id';

export const listEntryFields = {
  listId: idSchema,
  itemId: idSchema,
  qty: quantitySchema,
  /** How many are worn, not carried; totals count min(wornQty, qty) [W5]. */
  wornQty: quantitySchema,
  consumable: z.boolean(),
  sortKey: sortKeySchema,
  deleted: deletedSchema,
};

export const listEntryIdSchema = joinIdSchema;
export const listEntrySchema = z
  .object({ id: listEntryIdSchema, ...listEntryFields })
  .refine((row) => joinRowMatches('listEntries', row), 'id must be <listId>:<itemId>');
export type ListEntry = z.infer<typeof listEntrySchema>;
