// What the model's writes check rows with: the shared zod schemas, in one chunk that
// model/schemas.ts loads on the first write, so the first screen downloads no zod.
import { z } from 'zod';
import { itemFields, listEntryFields, listFields } from '../../shared/schemas';
import { InvalidRowError } from './invalid-row';

export {
  itemSchema,
  listEntrySchema,
  listSchema,
  packFields,
  packListSchema,
  packSchema,
  settingsFields,
  tripFields,
  tripSchema,
} from '../../shared/schemas';

/** `value` as checked by `schema`; an InvalidRowError naming `what` if it fails. */
export function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new InvalidRowError(`Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Any subset of an item's fields, nothing else. */
export const itemChangesSchema = z.object(itemFields).partial().strict();

/** A list's name, notes and color, nothing else. */
export const listChangesSchema = z
  .object(listFields)
  .pick({ name: true, notes: true, color: true })
  .partial()
  .strict();

/** An entry's counts and consumable flag, nothing else. */
export const entryChangesSchema = z
  .object(listEntryFields)
  .pick({ qty: true, wornQty: true, consumable: true })
  .partial()
  .strict();
