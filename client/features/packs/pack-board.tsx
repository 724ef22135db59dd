// The desktop board of a pack (from 1024 px): every list of the pack side by side with
// its entries, so gear can be shifted between lists the way a spreadsheet user drags
// rows. Drag an entry by its handle (use-entry-drag.ts) to another list or to another
// place in its own; keyboard and screen-reader users press its "Move…" button and
// pick the list. A move keeps the quantity, worn count and consumable flag, is one
// transaction (model/lists.ts) and can be undone; the live region says what happened.
import { useEffect, useRef, useState } from 'react';
import type { DisplayUnit } from '../../../shared/units';
import type { PackEntry, PackListContents } from '../../domain/pack-totals';
import { useDb } from '../../model/db-context';
import {
  EntryAlreadyThereError,
  moveEntry,
  moveEntryToList,
  undoEntryMove,
} from '../../model/lists';
import { describeWriteError } from '../../model/storage-errors';
import { SelectDialog } from '../../ui/select-dialog';
import { useOfferUndo } from '../undo/undo-provider';
import { PackBoardList } from './pack-board-list';
import { useEntryDrag, type EntryDrop } from './use-entry-drag';

interface PackBoardProps {
  contents: readonly PackListContents[];
  unit: DisplayUnit;
}

export function PackBoard({ contents, unit }: PackBoardProps) {
  const db = useDb();
  const offerUndo = useOfferUndo();
  const [message, setMessage] = useState('');
  const [moving, setMoving] = useState<{ view: PackEntry; listName: string } | null>(null);
  // The element to focus once the write shows up (the moved entry's button).
  const focusId = useRef<string | null>(null);
  useEffect(() => {
    if (focusId.current === null) return;
    const element = document.getElementById(focusId.current);
    if (!element) return;
    element.focus();
    focusId.current = null;
  });

  const listName = (listId: string) => contents.find((c) => c.list.id === listId)?.list.name ?? '';

  const move = async ({ entry, item }: PackEntry, drop: EntryDrop) => {
    try {
      if (drop.listId === entry.listId) {
        await moveEntry(db, entry.listId, entry.id, drop.index);
        setMessage(
          `Moved ${item.name} to position ${drop.index + 1} in ${listName(entry.listId)}.`,
        );
        return;
      }
      const done = await moveEntryToList(db, entry.id, drop.listId, drop.index);
      const text = `Moved ${item.name} from ${listName(entry.listId)} to ${listName(drop.listId)}.`;
      setMessage(text);
      offerUndo(text, () => undoEntryMove(db, done));
      focusId.current = `move-to-${done.to}`;
    } catch (error) {
      setMessage(
        error instanceof EntryAlreadyThereError
          ? `${item.name} is already in ${listName(drop.listId)}; it was not moved.`
          : describeWriteError(error),
      );
    }
  };

  const dragger = useEntryDrag((drag, drop) => {
    const view = contents.flatMap((c) => c.entries).find(({ entry }) => entry.id === drag.entryId);
    if (view) void move(view, drop);
  });

  const others = moving ? contents.filter((c) => c.list.id !== moving.view.entry.listId) : [];

  return (
    <section className="pack-section" aria-labelledby="pack-board-heading">
      <h2 id="pack-board-heading">Gear by list</h2>
      <p className="muted">
        Drag an item by its handle to another list, or use its “Move…” button.
      </p>
      <div className="pack-board">
        {contents.map((c) => (
          <PackBoardList
            key={c.list.id}
            contents={c}
            unit={unit}
            drag={dragger.drag}
            handleProps={dragger.handleProps}
            canMove={contents.length > 1}
            onMoveTo={(view) => setMoving({ view, listName: c.list.name })}
          />
        ))}
      </div>
      <p className="pack-board-status" role="status">
        {message}
      </p>
      <SelectDialog
        open={moving !== null}
        title={moving ? `Move ${moving.view.item.name} from ${moving.listName}` : 'Move'}
        label="To list"
        options={others.map((c) => ({ value: c.list.id, label: c.list.name }))}
        confirmLabel="Move"
        onConfirm={(listId) => {
          const view = moving?.view;
          setMoving(null);
          if (view) void move(view, { listId, index: Number.POSITIVE_INFINITY });
        }}
        onCancel={() => {
          const view = moving?.view;
          setMoving(null);
          if (view) document.getElementById(`move-to-${view.entry.id}`)?.focus();
        }}
      />
    </section>
  );
}
