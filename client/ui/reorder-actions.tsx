// The keyboard side of reordering, shared by list entries and a pack's lists:
// "Move up", "Move down" and "Remove" buttons, and Alt+ArrowUp/Down from
// anywhere inside the row. Dragging is the pointer side (use-pointer-reorder).
// Buttons at an end are aria-disabled rather than disabled, so they keep focus
// after a move. Their ids (`move-up-<rowId>` …) let pages restore focus after a
// row moves or disappears.
import type { KeyboardEvent } from 'react';

interface ReorderActionsProps {
  rowId: string;
  /** The row's name, read out in each button's accessible name. */
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  removeLabel: string;
  onRemove: () => void;
  className: string;
  iconClassName: string;
}

function mover(index: number, count: number, onMove: (to: number) => void) {
  return (to: number) => {
    if (to >= 0 && to < count && to !== index) onMove(to);
  };
}

/** Alt+ArrowUp/Down on a row moves it one place. */
export function altArrowMove(index: number, count: number, onMove: (to: number) => void) {
  const move = mover(index, count, onMove);
  return (event: KeyboardEvent<HTMLElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? index - 1 : index + 1);
  };
}

export function ReorderActions(props: ReorderActionsProps) {
  const { rowId, name, index, count, onMove, removeLabel, onRemove } = props;
  const move = mover(index, count, onMove);
  return (
    <span className={props.className}>
      <button
        type="button"
        id={`move-up-${rowId}`}
        className={`button ${props.iconClassName}`}
        aria-label={`Move ${name} up`}
        aria-disabled={index === 0}
        onClick={() => move(index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        id={`move-down-${rowId}`}
        className={`button ${props.iconClassName}`}
        aria-label={`Move ${name} down`}
        aria-disabled={index === count - 1}
        onClick={() => move(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        id={`remove-${rowId}`}
        className="button"
        aria-label={removeLabel}
        onClick={onRemove}
      >
        Remove
      </button>
    </span>
  );
}
