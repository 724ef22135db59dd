// The entries of a list, in their stored order, reorderable by dragging the handle or
// with Move up/Move down (and Alt+Arrow keys). After a keyboard move, focus stays on the
// moved row's button once the new order arrives from IndexedDB, and a live region says
// where the row went.
import { useEffect, useRef, useState } from 'react';
import type { DisplayUnit } from '../../../shared/units';
import { moveEntry, removeEntry, restoreEntry, updateEntry } from '../../model/lists';
import type { EntryChanges, EntryView } from '../../model/lists';
import { useDb } from '../../model/db-context';
import { EmptyState } from '../../ui/empty-state';
import { useOfferUndo } from '../undo/undo-provider';
import { describeWriteError } from '../../model/storage-errors';
import { EntryRow } from './entry-row';
import { usePointerReorder } from './use-pointer-reorder';

interface EntryListProps {
  listId: string;
  entries: readonly EntryView[];
  userUnit: DisplayUnit;
}

interface PendingFocus {
  /** The control that had focus (kept when React moves its row), else found by id. */
  element: HTMLElement | null;
  elementId: string;
  entryId: string;
  /** Where the entry should be once the move has arrived. */
  index: number | null;
}

export function EntryList({ listId, entries, userUnit }: EntryListProps) {
  const db = useDb();
  const offerUndo = useOfferUndo();
  const [message, setMessage] = useState('');
  const pending = useRef<PendingFocus | null>(null);
  const setPending = (focus: PendingFocus) => {
    pending.current = focus;
  };
  const rows = useRef(new Map<string, HTMLLIElement>());

  const write = (action: Promise<unknown>) =>
    action.catch((error: unknown) => setMessage(describeWriteError(error)));

  const move = (from: number, to: number, focusId?: string) => {
    const view = entries[from];
    if (!view) return;
    const entryId = view.entry.id;
    if (focusId) {
      const active = document.activeElement;
      const row = rows.current.get(entryId);
      const element = active instanceof HTMLElement && row?.contains(active) ? active : null;
      setPending({ element, elementId: focusId, entryId, index: to });
    }
    setMessage(`Moved ${view.item.name} to position ${to + 1} of ${entries.length}.`);
    void write(moveEntry(db, listId, entryId, to));
  };

  const reorder = usePointerReorder(
    () => entries.flatMap((view) => rows.current.get(view.entry.id) ?? []),
    (from, to) => move(from, to),
  );

  // Waits for the render in which the moved entry has arrived at its new place.
  useEffect(() => {
    const focus = pending.current;
    if (!focus) return;
    const at = entries.findIndex((view) => view.entry.id === focus.entryId);
    if (focus.index !== null && at !== focus.index) return;
    const target = focus.element?.isConnected ? focus.element : null;
    (target ?? document.getElementById(focus.elementId))?.focus();
    pending.current = null;
  }, [entries]);

  const remove = (index: number) => {
    const view = entries[index];
    if (!view) return;
    const next = entries[index + 1] ?? entries[index - 1];
    // Asked before the write: the row may disappear before the write's promise settles.
    setPending(
      next
        ? {
            element: null,
            elementId: `remove-${next.entry.id}`,
            entryId: next.entry.id,
            index: null,
          }
        : { element: null, elementId: 'entries-heading', entryId: '', index: null },
    );
    void write(
      removeEntry(db, view.entry.id).then(() =>
        offerUndo(`Removed “${view.item.name}” from the list.`, () =>
          restoreEntry(db, view.entry.id),
        ),
      ),
    );
  };

  const dragging = (index: number) => {
    const drag = reorder.drag;
    if (!drag) return null;
    if (index === drag.from) return 'source';
    if (drag.to === drag.from) return null;
    if (drag.to < drag.from && index === drag.to) return 'before';
    if (drag.to > drag.from && index === drag.to) return 'after';
    return null;
  };

  return (
    <section className="entries" aria-labelledby="entries-heading">
      <h2 id="entries-heading" tabIndex={-1}>
        Items in this list
      </h2>
      {entries.length === 0 ? (
        <EmptyState title="This list is empty">
          <p>Add gear from your library below, or create a new item right here.</p>
        </EmptyState>
      ) : (
        <ol className="entry-list">
          {entries.map((view, index) => (
            <EntryRow
              key={view.entry.id}
              view={view}
              unit={view.item.weightUnit ?? userUnit}
              index={index}
              count={entries.length}
              rowRef={(element) => {
                if (element) rows.current.set(view.entry.id, element);
                else rows.current.delete(view.entry.id);
              }}
              dragging={dragging(index)}
              dragOffset={reorder.drag?.offset ?? 0}
              handleProps={reorder.handleProps(index)}
              onChange={(changes: EntryChanges) =>
                void write(updateEntry(db, view.entry.id, changes))
              }
              onMove={(to) =>
                move(index, to, `move-${to < index ? 'up' : 'down'}-${view.entry.id}`)
              }
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </section>
  );
}
