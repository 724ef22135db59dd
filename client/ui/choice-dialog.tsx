// A modal question with several answers besides "cancel" (e.g. keep or discard this
// device's data), as a native <dialog> like ConfirmDialog: the browser keeps focus
// inside, makes the page behind it inert and closes it on Escape. Cancel has focus
// first, so Enter never destroys anything by accident. Closing for any reason reports
// onCancel; a choice reports onChoose first.
import { useId } from 'react';
import type { ReactNode } from 'react';
import './confirm-dialog.css';
import { useModalDialog } from './use-modal-dialog';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** Drawn as the main action. */
  primary?: boolean;
}

interface ChoiceDialogProps<V extends string> {
  open: boolean;
  title: string;
  children?: ReactNode;
  choices: readonly Choice<V>[];
  cancelLabel?: string;
  onChoose: (value: V) => void;
  onCancel: () => void;
}

export function ChoiceDialog<V extends string>(props: ChoiceDialogProps<V>) {
  const { open, title, children, choices, cancelLabel = 'Cancel' } = props;
  const dialog = useModalDialog(open);
  const titleId = useId();

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      onClose={props.onCancel}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="confirm-dialog-actions">
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {cancelLabel}
        </button>
        {choices.map((choice) => (
          <button
            key={choice.value}
            type="button"
            className={choice.primary ? 'button button-primary' : 'button'}
            onClick={() => props.onChoose(choice.value)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </dialog>
  );
}
