// Drag to reorder with pointer events, so one code path serves mouse, touch and pen
// (HTML5 drag and drop does not fire for touch in most mobile browsers). The handle
// captures the pointer; the target position is worked out from the rows' midpoints,
// measured once when the drag starts. Keyboard users have Move up/Move down instead.
import { useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';

export interface DragState {
  from: number;
  to: number;
  /** How far the pointer moved vertically, to draw the row under it. */
  offset: number;
}

export interface PointerReorder {
  drag: DragState | null;
  handleProps: (index: number) => {
    onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
    onPointerCancel: () => void;
  };
}

/** Where a row dragged from `from` lands when the pointer is at `y` (page coordinates). */
export function dropIndex(midpoints: readonly number[], from: number, y: number): number {
  let to = 0;
  midpoints.forEach((mid, i) => {
    if (i !== from && mid < y) to++;
  });
  return to;
}

export function usePointerReorder(
  rowsOf: () => readonly HTMLElement[],
  onDrop: (from: number, to: number) => void,
): PointerReorder {
  const [drag, setDrag] = useState<DragState | null>(null);
  const start = useRef<{ y: number; midpoints: number[] } | null>(null);

  return {
    drag,
    handleProps: (index) => ({
      onPointerDown(event) {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        const midpoints = rowsOf().map((row) => {
          const rect = row.getBoundingClientRect();
          return rect.top + window.scrollY + rect.height / 2;
        });
        start.current = { y: event.pageY, midpoints };
        setDrag({ from: index, to: index, offset: 0 });
      },
      onPointerMove(event) {
        if (!start.current || !drag) return;
        const to = dropIndex(start.current.midpoints, drag.from, event.pageY);
        setDrag({ from: drag.from, to, offset: event.pageY - start.current.y });
      },
      onPointerUp() {
        if (drag && drag.to !== drag.from) onDrop(drag.from, drag.to);
        start.current = null;
        setDrag(null);
      },
      onPointerCancel() {
        start.current = null;
        setDrag(null);
      },
    }),
  };
}
