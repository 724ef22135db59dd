// Asks before an action that cannot be undone with the undo toast, as a native modal
// <dialog>: the browser keeps focus inside, makes the page behind it inert, closes it
// on Escape and returns focus to where it was. The safe choice (cancel) has focus first.
// Closing for any reason reports onCancel; a confirm reports onConfirm first.
import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import './confirm-dialog.css';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel = 'Cancel' } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      // Escape closes the dialog natively; tell the page, which owns `open`.
      onClose={props.onCancel}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
      <div className="confirm-dialog-actions">
        <button type="button" className="button" onClick={props.onCancel} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className="button button-primary" onClick={props.onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
