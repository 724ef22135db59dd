// A modal question answered by picking one of many options (which list to add the
// selected items to, which status to give them): a native <dialog> like ConfirmDialog,
// with a labelled <select> rather than one button per option, so a long list of
// lists stays one control. The select has focus first; Cancel and Escape close it.
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import './confirm-dialog.css';
import { useModalDialog } from './use-modal-dialog';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectDialogProps {
  open: boolean;
  title: string;
  /** The select's visible label. */
  label: string;
  options: readonly SelectOption[];
  confirmLabel: string;
  /** Shown instead of the select when there is nothing to choose. */
  emptyMessage?: ReactNode;
  onConfirm: (value: string) => void;
  onCancel: () => void;
}

export function SelectDialog(props: SelectDialogProps) {
  const { open, title, label, options, confirmLabel } = props;
  const dialog = useModalDialog(open);
  const titleId = useId();
  const selectId = useId();
  const [chosen, setChosen] = useState('');
  const value = options.some((o) => o.value === chosen) ? chosen : (options[0]?.value ?? '');

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onClose={props.onCancel}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (value !== '') props.onConfirm(value);
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {options.length === 0 ? (
          (props.emptyMessage ?? <p>There is nothing to choose from.</p>)
        ) : (
          <div className="field">
            <label htmlFor={selectId}>{label}</label>
            <select
              id={selectId}
              className="input"
              value={value}
              autoFocus
              onChange={(event) => setChosen(event.target.value)}
            >
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="confirm-dialog-actions">
          <button type="button" className="button" onClick={props.onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={options.length === 0}>
            {confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
