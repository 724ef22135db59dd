// Asks before an action that cannot be undone with the undo toast: a ChoiceDialog
// (native modal <dialog>: focus kept inside, page behind inert, Escape closes, focus
// returns) with one choice. The safe choice (cancel) has focus first. Closing for any
// reason reports onCancel; a confirm reports onConfirm first.
import type { ReactNode } from 'react';
import { ChoiceDialog } from './choice-dialog';

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
  const { confirmLabel, onConfirm, ...rest } = props;
  return (
    <ChoiceDialog
      {...rest}
      choices={[{ value: 'confirm', label: confirmLabel, primary: true }]}
      onChoose={onConfirm}
    />
  );
}
