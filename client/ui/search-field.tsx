// A labelled search box. type="search" gives the browser's clear button and Escape
// to clear; the label stays visible so the box says what it searches.
import { useId } from 'react';
import type { Ref } from 'react';
import './controls.css';

interface SearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  /** Extra description read after the label, e.g. how many results there are. */
  hint?: string;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchField({
  label,
  value,
  onChange,
  placeholder,
  hint,
  inputRef,
}: SearchFieldProps) {
  const id = useId();
  return (
    <div className="field search-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={inputRef}
        id={id}
        type="search"
        className="input"
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
