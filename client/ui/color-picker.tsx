// Picks a palette colour (index 0..9) or none, as a group of native radio buttons: the
// browser gives arrow-key movement, one tab stop and the spoken colour names. Each
// option shows its swatch and its name, so colour is never the only cue.
import { useId } from 'react';
import { ColorDot } from './color-dot';
import { PALETTE } from './palette';
import './controls.css';

interface ColorPickerProps {
  legend?: string;
  value: number | null;
  onChange: (value: number | null) => void;
}

const OPTIONS: readonly { value: number | null; name: string }[] = [
  { value: null, name: 'No colour' },
  ...PALETTE.map((color, index) => ({ value: index, name: color.name })),
];

export function ColorPicker({ legend = 'Colour', value, onChange }: ColorPickerProps) {
  const name = useId();
  return (
    <fieldset className="color-picker">
      <legend>{legend}</legend>
      <div className="color-picker-options">
        {OPTIONS.map((option) => (
          <label key={option.name} className="color-option">
            <input
              type="radio"
              name={name}
              value={option.value ?? 'none'}
              checked={option.value === value}
              onChange={() => onChange(option.value)}
            />
            <ColorDot color={option.value} outlineNone />
            <span>{option.name}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
