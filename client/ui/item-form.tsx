// The form for one item, as text the user typed (ItemFormValues); turning it into a
// row, and the messages for what is wrong, are the page's job (features/items/
// item-draft.ts). "quick" shows only name and weight, for adding an item from a list.
// After a failed submit (`attempt` grows) focus moves to the first field in error.
import { NAME_MAX } from '../../shared/schemas';
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import { STATUS_OPTIONS, type ItemStatus, type WeightUnit } from './item-form-values';
import type { ItemFormErrors, ItemFormValues } from './item-form-values';
import { ColorPicker } from './color-picker';
import './controls.css';

export type { ItemFormErrors, ItemFormValues } from './item-form-values';

interface ItemFormProps {
  /** Names the form for screen readers, e.g. "New item" or "Edit Tent". */
  label: string;
  values: ItemFormValues;
  errors: ItemFormErrors;
  /** Grows with every rejected submit; moves focus to the first error. */
  attempt: number;
  submitLabel: string;
  variant?: 'full' | 'quick';
  /** A failure to save (storage full…), shown above the buttons. */
  formError?: string | null;
  busy?: boolean;
  /** Puts the cursor in the name field when the form appears. */
  autoFocus?: boolean;
  onChange: (values: ItemFormValues) => void;
  onSubmit: () => void;
  onCancel?: () => void;
}

const UNITS: readonly WeightUnit[] = ['g', 'kg', 'oz', 'lb'];
const FIELD_ORDER: readonly (keyof ItemFormValues)[] = [
  'name',
  'brand',
  'weight',
  'unit',
  'price',
  'currency',
  'status',
  'url',
  'notes',
];

export function ItemForm(props: ItemFormProps) {
  const { values, errors, attempt, variant = 'full', onChange } = props;
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const set = <K extends keyof ItemFormValues>(key: K, value: ItemFormValues[K]) =>
    onChange({ ...values, [key]: value });

  useEffect(() => {
    if (attempt === 0) return;
    const first = FIELD_ORDER.find((key) => errors[key]);
    if (first)
      form.current?.querySelector<HTMLElement>(`#${CSS.escape(`${id}-${first}`)}`)?.focus();
    // Only a new attempt moves focus, not every change of the errors while typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const field = (key: keyof ItemFormValues) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });
  const error = (key: keyof ItemFormValues): ReactNode =>
    errors[key] && (
      <p id={`${id}-${key}-error`} className="field-error">
        {errors[key]}
      </p>
    );
  const text = (
    key: 'name' | 'brand' | 'price' | 'currency' | 'url',
    label: string,
    extra = {},
  ) => (
    <div className={`field field-${key}`}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        {...field(key)}
        className="input"
        value={values[key]}
        onChange={(event) => set(key, event.target.value)}
        {...extra}
      />
      {error(key)}
    </div>
  );

  return (
    <form
      ref={form}
      className={`item-form item-form-${variant}`}
      aria-label={props.label}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        props.onSubmit();
      }}
    >
      {text('name', 'Name', {
        autoComplete: 'off',
        required: true,
        maxLength: NAME_MAX,
        autoFocus: props.autoFocus,
      })}
      {variant === 'full' && text('brand', 'Brand', { autoComplete: 'off', maxLength: NAME_MAX })}
      <div className="field-row">
        <div className="field field-weight">
          <label htmlFor={`${id}-weight`}>Weight</label>
          <input
            {...field('weight')}
            className="input"
            inputMode="decimal"
            autoComplete="off"
            value={values.weight}
            onChange={(event) => set('weight', event.target.value)}
          />
        </div>
        <div className="field field-unit">
          <label htmlFor={`${id}-unit`}>Unit</label>
          <select
            id={`${id}-unit`}
            className="input"
            value={values.unit}
            onChange={(event) => set('unit', event.target.value as WeightUnit)}
          >
            {UNITS.map((unit) => (
              <option key={unit} value={unit}>
                {unit}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error('weight')}
      {variant === 'full' && (
        <>
          <div className="field-row">
            {text('price', 'Price', { inputMode: 'decimal', autoComplete: 'off' })}
            {text('currency', 'Currency', {
              autoComplete: 'off',
              autoCapitalize: 'characters',
              maxLength: 3,
              placeholder: 'EUR',
            })}
          </div>
          <div className="field">
            <label htmlFor={`${id}-status`}>Status</label>
            <select
              id={`${id}-status`}
              className="input"
              value={values.status}
              onChange={(event) => set('status', event.target.value as ItemStatus)}
            >
              {STATUS_OPTIONS.map((status) => (
                <option key={status.value} value={status.value}>
                  {status.label}
                </option>
              ))}
            </select>
          </div>
          {text('url', 'Link', { type: 'url', inputMode: 'url', placeholder: 'https://' })}
          <div className="field">
            <label htmlFor={`${id}-notes`}>Notes</label>
            <textarea
              {...field('notes')}
              className="input"
              rows={3}
              value={values.notes}
              onChange={(event) => set('notes', event.target.value)}
            />
            {error('notes')}
          </div>
          <ColorPicker value={values.color} onChange={(color) => set('color', color)} />
        </>
      )}
      {props.formError && (
        <p role="alert" className="form-error">
          {props.formError}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
