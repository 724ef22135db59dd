// A checkbox that can also be "mixed" (the select-all box of a table when some rows are
// selected). HTML has no attribute for that, only the `indeterminate` property, which
// the browser exposes to screen readers as aria-checked="mixed"; clicking a mixed box
// checks it.
import { useEffect, useRef } from 'react';
import './table-controls.css';

interface TriStateCheckboxProps {
  id?: string;
  label: string;
  checked: boolean | 'mixed';
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

export function TriStateCheckbox({
  id,
  label,
  checked,
  onChange,
  disabled,
}: TriStateCheckboxProps) {
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (box.current) box.current.indeterminate = checked === 'mixed';
  }, [checked]);
  return (
    <input
      ref={box}
      id={id}
      type="checkbox"
      className="row-checkbox"
      aria-label={label}
      checked={checked === true}
      disabled={disabled}
      onChange={(event) => onChange(event.target.checked)}
    />
  );
}
