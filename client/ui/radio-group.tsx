// A labelled group of native radio buttons: arrow keys, focus and screen-reader
// semantics come from the browser. Each option is a full-width, 44 px touch target.
interface RadioOption<V extends string> {
  value: V;
  label: string;
}

interface RadioGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly RadioOption<V>[];
  value: V;
  onChange: (value: V) => void;
}

export function RadioGroup<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: RadioGroupProps<V>) {
  return (
    <fieldset className="radio-group">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="radio-option">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={option.value === value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
