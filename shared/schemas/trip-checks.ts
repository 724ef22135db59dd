// tripChecks: an item ticked off while packing for a trip (docs/api.md). The id is
// `<tripId>:<itemId>`; the check counts only if its hlc is greater than the trip's
// `checksResetAt`.
import { z } from 'zod';
import { deletedSchema, idSchema } from './common';
import { joinIdSchema, joinRowMatches } from './join-id';

export const tripCheckFields = {
  tripId: idSchema,
  itemId: idSchema,
  checked: z.boolean(),
  deleted: deletedSchema,
};

export const tripCheckIdSchema = joinIdSchema;
export const tripCheckSchema = z
  .object({ id: tripCheckIdSchema, ...tripCheckFields })
  .refine((row) => joinRowMatches('tripChecks', row), 'id must be <tripId>:<itemId>');
export type TripCheck = z.infer<typeof tripCheckSchema>;
