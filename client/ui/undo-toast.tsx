// "Deleted X — Undo": a polite live region, so screen readers announce it without
// moving focus, with a real button that keyboard users can reach.
interface UndoToastProps {
  message: string | null;
  onUndo: () => void;
  onDismiss: () => void;
}

export function UndoToast({ message, onUndo, onDismiss }: UndoToastProps) {
  return (
    <div className="undo-toast" role="status" aria-live="polite" hidden={message === null}>
      {message !== null && (
        <>
          <span>{message}</span>
          <button type="button" className="button" onClick={onUndo}>
            Undo
          </button>
          <button
            type="button"
            className="button button-quiet"
            onClick={onDismiss}
            aria-label="Dismiss"
          >
            ×
          </button>
        </>
      )}
    </div>
  );
}
