// Drag to reorder with pointer events, so one code path serves mouse, touch and pen
// (HTML5 drag and drop does not fire for touch in most mobile browsers). The handle
// captures the pointer; the target position is worked out from the rows' midpoints in
// page coordinates, measured once when the drag starts, so scrolling during the drag
// (the page scrolls by itself while the pointer rests near the top or bottom edge)
// keeps them valid. Keyboard users have Move up/Move down instead.
import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, Ref } from 'react';

export interface DragState {
  from: number;
  to: number;
  /** How far the pointer moved vertically, to draw the row under it. */
  offset: number;
}

export interface HandleProps {
  onPointerDown: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerMove: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerUp: (event: ReactPointerEvent<HTMLElement>) => void;
  onPointerCancel: () => void;
}

/** What every reorderable row (a list's entry, a pack's list) receives from its page. */
export interface ReorderableRowProps {
  index: number;
  count: number;
  rowRef: Ref<HTMLLIElement>;
  dragging: 'source' | 'before' | 'after' | null;
  dragOffset: number;
  handleProps: HandleProps;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export interface PointerReorder {
  drag: DragState | null;
  handleProps: (index: number) => HandleProps;
}

/** Where a row dragged from `from` lands when the pointer is at `y` (page coordinates). */
export function dropIndex(midpoints: readonly number[], from: number, y: number): number {
  let to = 0;
  midpoints.forEach((mid, i) => {
    if (i !== from && mid < y) to++;
  });
  return to;
}

/** Pixels per frame to scroll when the pointer is `clientY` in a window `height` tall. */
export function edgeScrollSpeed(clientY: number, height: number, edge = 64): number {
  if (clientY < edge) return -Math.ceil((edge - clientY) / 4);
  if (clientY > height - edge) return Math.ceil((clientY - (height - edge)) / 4);
  return 0;
}

interface Gesture {
  from: number;
  to: number;
  startY: number;
  clientY: number;
  midpoints: number[];
}

export function usePointerReorder(
  rowsOf: () => readonly HTMLElement[],
  onDrop: (from: number, to: number) => void,
): PointerReorder {
  const [drag, setDrag] = useState<DragState | null>(null);
  const gesture = useRef<Gesture | null>(null);
  const frame = useRef<number | null>(null);

  const follow = (clientY: number) => {
    const g = gesture.current;
    if (!g) return;
    const pageY = clientY + window.scrollY;
    g.clientY = clientY;
    g.to = dropIndex(g.midpoints, g.from, pageY);
    setDrag({ from: g.from, to: g.to, offset: pageY - g.startY });
  };

  const stop = () => {
    gesture.current = null;
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = null;
    setDrag(null);
  };

  const scrollNearEdges = () => {
    const g = gesture.current;
    if (!g) return;
    const speed = edgeScrollSpeed(g.clientY, window.innerHeight);
    if (speed !== 0) {
      window.scrollBy(0, speed);
      follow(g.clientY);
    }
    frame.current = requestAnimationFrame(scrollNearEdges);
  };

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

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
        const startY = event.clientY + window.scrollY;
        gesture.current = { from: index, to: index, startY, clientY: event.clientY, midpoints };
        setDrag({ from: index, to: index, offset: 0 });
        frame.current = requestAnimationFrame(scrollNearEdges);
      },
      onPointerMove(event) {
        follow(event.clientY);
      },
      onPointerUp() {
        const g = gesture.current;
        stop();
        if (g && g.to !== g.from) onDrop(g.from, g.to);
      },
      onPointerCancel: stop,
    }),
  };
}
