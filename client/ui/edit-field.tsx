// A labelled text, date or notes field that saves when the user is done with it: on
// leaving the field, on Enter (single-line), when a date is complete, and when the page
// goes away with an edit still pending. Presentational: the page's onCommit validates and writes, and returns
// the message to show when it refused. A refused draft stays on screen, marked
// invalid, so nothing typed is silently lost.
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useLocalEcho } from './use-local-echo';
import './edit-field.css';

interface EditFieldProps {
  label: string;
  /** The stored value; a change from elsewhere (another tab, sync) replaces the draft. */
  value: string;
  type?: 'text' | 'date';
  multiline?: boolean;
  maxLength?: number;
  /** For dates: the earliest allowed (YYYY-MM-DD). */
  min?: string;
  required?: boolean;
  /** Resolves to an error message, or null once saved. */
  onCommit: (value: string) => Promise<string | null>;
}

/**
 * A date picked or fully typed. Tab moves between a date input's segments rather than
 * out of it, so dates also save on change; but typing a year digit by digit passes
 * through 0002, 0020, 0202, which are not saved until the field is left.
 */
function isSettledDate(text: string): boolean {
  return text === '' || Number(text.slice(0, 4)) >= 1000;
}

export function EditField(props: EditFieldProps) {
  const { label, value, type = 'text', multiline = false, maxLength, min, required } = props;
  const id = useId();
  const [draft, setDraft] = useLocalEcho(value);
  const [error, setError] = useState<string | null>(null);
  const pending = useRef({ draft, value, onCommit: props.onCommit });
  useEffect(() => {
    pending.current = { draft, value, onCommit: props.onCommit };
  });
  // Leaving the page (a link, the back button) does not always blur the field first.
  useEffect(
    () => () => {
      const { draft: last, value: stored, onCommit } = pending.current;
      if (last !== stored) void onCommit(last);
    },
    [],
  );

  const commit = async (text = draft) => {
    if (text === value) {
      setError(null);
      return;
    }
    setError(await props.onCommit(text));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !multiline) void commit();
  };
  const common = {
    id,
    value: draft,
    required,
    maxLength,
    'aria-invalid': error !== null,
    'aria-describedby': error !== null ? `${id}-error` : undefined,
    onBlur: () => void commit(),
  };

  return (
    <div className="edit-field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={4} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          min={min}
          onKeyDown={onKeyDown}
          onChange={(e) => {
            setDraft(e.target.value);
            if (type === 'date' && isSettledDate(e.target.value)) void commit(e.target.value);
          }}
        />
      )}
      {error !== null && (
        <p id={`${id}-error`} className="edit-field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
