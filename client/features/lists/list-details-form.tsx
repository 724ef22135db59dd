// Edits a list's name, notes and colour. The name is checked before writing (it may not
// be empty); a failed write keeps the form open with what was typed.
import { NAME_MAX, NOTES_MAX } from '../../../shared/schemas';
import { useState } from 'react';
import type { List } from '../../../shared/schemas';
import { ColorPicker } from '../../ui/color-picker';
import { describeWriteError } from '../../model/storage-errors';

export interface ListDetails {
  name: string;
  notes: string;
  color: number | null;
}

interface ListDetailsFormProps {
  list: List;
  onSave: (details: ListDetails) => Promise<void>;
  onCancel: () => void;
}

export function ListDetailsForm({ list, onSave, onCancel }: ListDetailsFormProps) {
  const [details, setDetails] = useState<ListDetails>({
    name: list.name,
    notes: list.notes,
    color: list.color,
  });
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    const name = details.name.trim();
    if (name === '' || name.length > NAME_MAX) {
      setNameError(
        name === '' ? 'Give the list a name.' : `Keep the name to ${NAME_MAX} characters.`,
      );
      document.getElementById('list-name')?.focus();
      return;
    }
    if (details.notes.trim().length > NOTES_MAX) {
      setFailure(`Keep the notes to ${NOTES_MAX} characters or fewer.`);
      return;
    }
    setNameError(null);
    try {
      await onSave({ ...details, name });
    } catch (error) {
      setFailure(describeWriteError(error));
    }
  };

  return (
    <form
      className="list-details-form"
      aria-label="List details"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div className="field">
        <label htmlFor="list-name">List name</label>
        <input
          id="list-name"
          className="input"
          autoComplete="off"
          maxLength={NAME_MAX}
          autoFocus
          value={details.name}
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? 'list-name-error' : undefined}
          onChange={(event) => setDetails({ ...details, name: event.target.value })}
        />
        {nameError && (
          <p id="list-name-error" className="field-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="list-notes">Notes</label>
        <textarea
          id="list-notes"
          className="input"
          rows={3}
          value={details.notes}
          onChange={(event) => setDetails({ ...details, notes: event.target.value })}
        />
      </div>
      <ColorPicker value={details.color} onChange={(color) => setDetails({ ...details, color })} />
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary">
          Save details
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
