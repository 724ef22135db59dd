// Why a trip field's new value is refused, in words the user can act on. The data
// layer checks the same rules (docs/api.md limits, end not before start) and throws; this
// runs first so the page can say what is wrong next to the field.
import type { Trip } from '../../../shared/schemas';
import { isCalendarDate } from '../../../shared/schemas/calendar-date';
import { NAME_MAX, NOTES_MAX } from '../../../shared/schemas/constants';
import { datesInOrder, type TripChanges } from '../../model/trips';

/** The reason a field's new value is refused, or null. */
export function tripFieldError(trip: Trip, changes: TripChanges): string | null {
  const next = { ...trip, ...changes };
  if (changes.name !== undefined && changes.name.trim() === '') return 'The trip needs a name.';
  if (changes.name !== undefined && changes.name.trim().length > NAME_MAX)
    return `Keep the name to ${NAME_MAX} characters.`;
  if (changes.location !== undefined && changes.location.trim().length > NAME_MAX)
    return `Keep the location to ${NAME_MAX} characters.`;
  if (changes.notes !== undefined && changes.notes.trim().length > NOTES_MAX)
    return `Keep the notes to ${NOTES_MAX} characters.`;
  for (const field of ['startDate', 'endDate'] as const) {
    const value = changes[field];
    // tripFields' date rule (dateSchema), without loading zod on the trip page.
    if (value != null && !isCalendarDate(value)) return 'Enter a date as day, month and year.';
  }
  if (!datesInOrder(next.startDate, next.endDate)) return 'The trip cannot end before it starts.';
  return null;
}
