// items: the gear library, one row per piece of gear (docs/api.md "Tables and fields").
import { z } from 'zod';
import {
  colorSchema,
  currencySchema,
  deletedSchema,
  idSchema,
  nameSchema,
  notesSchema,
  priceCentsSchema,
  shortTextSchema,
  urlSchema,
  weightGramsSchema,
  weightUnitSchema,
} from './common';

export const ITEM_STATUSES = ['owned', 'wishlist', 'retired'] as const;

export const itemFields = {
  name: nameSchema,
  brand: shortTextSchema,
  weightGrams: weightGramsSchema,
  /** The unit the weight was entered in and is shown in; null = the user's unit. */
  weightUnit: weightUnitSchema.nullable(),
  priceCents: priceCentsSchema.nullable(),
  currency: currencySchema.nullable(),
  url: urlSchema.nullable(),
  notes: notesSchema,
  color: colorSchema,
  status: z.enum(ITEM_STATUSES),
  deleted: deletedSchema,
};

/** UUIDv7 is what the app makes; imports may bring other ids of the general pattern. */
export const itemIdSchema = idSchema;
export const itemSchema = z.object({ id: itemIdSchema, ...itemFields });
export type Item = z.infer<typeof itemSchema>;
