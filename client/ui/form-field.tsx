// A labelled native input with an optional hint and error, wired for screen readers:
// the label names it, hint and error describe it (aria-describedby) and an error marks
// it invalid. Presentational: every input attribute passes through (type,
// autoComplete, value, onChange…), and the ref reaches the input so a form can move
// focus to its first error.
import { useId } from 'react';
import type { InputHTMLAttributes, Ref } from 'react';
import './controls.css';

interface FormFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: string | undefined;
  error?: string | null | undefined;
  ref?: Ref<HTMLInputElement>;
}

export function FormField({ label, hint, error, id, className, ...input }: FormFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={inputId}>{label}</label>
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
      <input
        id={inputId}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
