// Opens and closes a native <dialog> as a modal to follow an `open` prop: showModal()
// gives the focus trap, the inert page behind and Escape; close() fires the close event
// the dialog components report as a cancel.
import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

export function useModalDialog(open: boolean): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return dialog;
}
