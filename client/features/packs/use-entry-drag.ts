// Dragging an entry of the pack board to another list (or elsewhere in its own), with
// pointer events so mouse, pen and touch share one path (as use-pointer-reorder.ts does
// for rows of one list). Where it lands is read from the page as the pointer moves: the
// list under the pointer is the nearest [data-board-list] ancestor of the element there,
// and the position is how many of that list's other entries have their middle above the
// pointer. Keyboard users have each entry's "Move…" button instead.
import { useState } from 'react';
import type { HandleProps } from '../lists/use-pointer-reorder';

export interface EntryDrop {
  listId: string;
  /** Position among the list's entries, the dragged one left out. */
  index: number;
}

export interface EntryDrag {
  entryId: string;
  fromList: string;
  over: EntryDrop | null;
}

/** The drop under page point (x, y) while `entryId` is dragged, or null off any list. */
export function dropAt(x: number, y: number, entryId: string): EntryDrop | null {
  const list = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-board-list]');
  const listId = list?.dataset['boardList'];
  if (!list || listId === undefined) return null;
  const others = [...list.querySelectorAll<HTMLElement>('[data-entry-id]')].filter(
    (row) => row.dataset['entryId'] !== entryId,
  );
  const index = others.filter((row) => {
    const rect = row.getBoundingClientRect();
    return rect.top + rect.height / 2 < y;
  }).length;
  return { listId, index };
}

export function useEntryDrag(onDrop: (drag: EntryDrag, drop: EntryDrop) => void): {
  drag: EntryDrag | null;
  handleProps: (entryId: string, fromList: string) => HandleProps;
} {
  const [drag, setDrag] = useState<EntryDrag | null>(null);
  return {
    drag,
    handleProps: (entryId, fromList) => ({
      onPointerDown(event) {
        if (event.button !== 0) return;
        event.preventDefault();
        event.currentTarget.setPointerCapture(event.pointerId);
        setDrag({ entryId, fromList, over: null });
      },
      onPointerMove(event) {
        if (drag?.entryId !== entryId) return;
        const over = dropAt(event.clientX, event.clientY, entryId);
        if (over?.listId !== drag.over?.listId || over?.index !== drag.over?.index)
          setDrag({ ...drag, over });
      },
      onPointerUp(event) {
        if (drag?.entryId !== entryId) return;
        const over = dropAt(event.clientX, event.clientY, entryId);
        setDrag(null);
        if (over) onDrop(drag, over);
      },
      onPointerCancel: () => setDrag(null),
    }),
  };
}
