// Why a pack field's new value is refused, in words the user can act on, checked
// before the data layer (which enforces the same docs/api.md limits by throwing).
import type { PackChanges } from '../../model/packs';

/** The reason a new value is refused, in words, or null. */
export function packFieldError(changes: PackChanges): string | null {
  const name = changes.name?.trim();
  if (name === '') return 'The pack needs a name.';
  if (name !== undefined && name.length > 200) return 'Keep the name to 200 characters.';
  if (changes.notes !== undefined && changes.notes.trim().length > 5000)
    return 'Keep the notes to 5000 characters.';
  return null;
}
