// A whole number with − and + buttons (44 px each) and a number box for typing it.
// Typed text is committed on Enter or when focus leaves, clamped to min..max; a value
// that is not a whole number snaps back. At a bound the button stays focusable
// (aria-disabled, not disabled), so a keyboard user pressing it does not lose focus.
import { useId, useState } from 'react';
import type { KeyboardEvent } from 'react';
import './controls.css';

interface QuantityStepperProps {
  /** Visible label, e.g. "Quantity". */
  label: string;
  /** Accessible name of the number, e.g. "Quantity of Tent" (default: the label); the
   * buttons are "Decrease quantity of Tent" and "Increase quantity of Tent". */
  name?: string;
  value: number;
  min?: number;
  max?: number;
  disabled?: boolean;
  onChange: (value: number) => void;
}

export function QuantityStepper({
  label,
  name = label,
  value,
  min = 0,
  max = 10000,
  disabled = false,
  onChange,
}: QuantityStepperProps) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const lower = name.charAt(0).toLowerCase() + name.slice(1);
  const set = (next: number) => {
    const clamped = Math.max(min, Math.min(max, next));
    if (!disabled && clamped !== value) onChange(clamped);
  };
  const commit = () => {
    if (text === null) return;
    setText(null);
    const parsed = Number(text.trim());
    if (text.trim() !== '' && Number.isInteger(parsed)) set(parsed);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') setText(null);
  };

  return (
    <div className="stepper">
      <span className="stepper-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="stepper-controls" role="group" aria-labelledby={`${id}-label`}>
        <button
          type="button"
          className="stepper-button"
          aria-label={`Decrease ${lower}`}
          aria-disabled={disabled || value <= min}
          onClick={() => set(value - 1)}
        >
          −
        </button>
        <input
          type="number"
          className="stepper-input"
          inputMode="numeric"
          min={min}
          max={max}
          step={1}
          disabled={disabled}
          aria-label={name}
          value={text ?? String(value)}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={onKeyDown}
        />
        <button
          type="button"
          className="stepper-button"
          aria-label={`Increase ${lower}`}
          aria-disabled={disabled || value >= max}
          onClick={() => set(value + 1)}
        >
          +
        </button>
      </div>
    </div>
  );
}
