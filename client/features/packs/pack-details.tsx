// The editable facts of a pack: name, colour and notes. Texts save when the user
// leaves the field (ui/edit-field.tsx); the colour saves on choice.
import { NAME_MAX, NOTES_MAX } from '../../../shared/schemas';
import type { Pack } from '../../../shared/schemas';
import { useState } from 'react';
import { updatePack, type PackChanges } from '../../model/packs';
import { useDb } from '../../model/db-context';
import { describeWriteError } from '../../model/storage-errors';
import { useLocalEcho } from '../../ui/use-local-echo';
import { ColorPicker } from '../../ui/color-picker';
import { EditField } from '../../ui/edit-field';
import { packFieldError } from './pack-field-error';

export function PackDetails({ pack }: { pack: Pack }) {
  const db = useDb();
  const [color, setColor] = useLocalEcho(pack.color);
  const [colorError, setColorError] = useState<string | null>(null);
  const save = async (changes: PackChanges): Promise<string | null> => {
    const refused = packFieldError(changes);
    if (refused !== null) return refused;
    try {
      await updatePack(db, pack.id, changes);
      return null;
    } catch (error) {
      return describeWriteError(error);
    }
  };

  return (
    <div className="pack-details">
      <EditField
        label="Name"
        value={pack.name}
        required
        maxLength={NAME_MAX}
        onCommit={(name) => save({ name })}
      />
      <ColorPicker
        value={color}
        onChange={(next) => {
          setColor(next);
          setColorError(null);
          void save({ color: next }).then(setColorError);
        }}
      />
      {colorError !== null && (
        <p className="edit-field-error" role="alert">
          {colorError}
        </p>
      )}
      <EditField
        label="Notes"
        multiline
        value={pack.notes}
        maxLength={NOTES_MAX}
        onCommit={(notes) => save({ notes })}
      />
    </div>
  );
}
