// Why a pack field's new value is refused, in words the user can act on, checked
// before the data layer (which enforces the same docs/api.md limits by throwing).
import { NAME_MAX, NOTES_MAX } from '../../../shared/schemas';
import type { PackChanges } from '../../model/packs';

/** The reason a new value is refused, in words, or null. */
export function packFieldError(changes: PackChanges): string | null {
  const name = changes.name?.trim();
  if (name === '') return 'The pack needs a name.';
  if (name !== undefined && name.length > NAME_MAX)
    return `Keep the name to ${NAME_MAX} characters.`;
  if (changes.notes !== undefined && changes.notes.trim().length > NOTES_MAX)
    return `Keep the notes to ${NOTES_MAX} characters.`;
  return null;
}
