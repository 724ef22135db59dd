// The lists of a pack, in pack order: reorder by dragging the handle (pointer events,
// so touch works too) or with Move up/Move down and Alt+Arrow keys; remove with undo;
// add any of the user's other lists. Focus follows a moved row once the new order
// has come back from IndexedDB, and a live region says what happened.
import type { List } from '../../../shared/schemas';
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { DisplayUnit } from '../../../shared/units';
import {
  addListToPack,
  movePackList,
  removeListFromPack,
  restoreListToPack,
} from '../../model/packs';
import { useDb } from '../../model/db-context';
import type { ListWeight } from '../../domain/pack-totals';
import { EmptyState } from '../../ui/empty-state';
import { describeWriteError } from '../../model/storage-errors';
import { usePointerReorder } from '../lists/use-pointer-reorder';
import { useOfferUndo } from '../undo/undo-provider';
import { PackListRow } from './pack-list-row';

interface PackListsProps {
  packId: string;
  lists: readonly ListWeight[];
  /** Every live list of the user; those already in the pack are left out of "Add list". */
  allLists: readonly List[];
  unit: DisplayUnit;
}

interface PendingFocus {
  elementId: string;
  /** True once the lists show the change the focus waits for. */
  arrived: (lists: readonly ListWeight[]) => boolean;
}

export function PackLists({ packId, lists, allLists, unit }: PackListsProps) {
  const db = useDb();
  const offerUndo = useOfferUndo();
  const [message, setMessage] = useState('');
  // Where focus goes once the write it waits for comes back through the live query.
  const pending = useRef<PendingFocus | null>(null);
  const rows = useRef(new Map<string, HTMLLIElement>());
  const heading = useRef<HTMLHeadingElement>(null);
  const write = (action: Promise<unknown>) =>
    action.catch((error: unknown) => setMessage(describeWriteError(error)));

  const move = (from: number, to: number, focusId?: string) => {
    const list = lists[from];
    if (!list) return;
    if (focusId)
      pending.current = {
        elementId: focusId,
        arrived: (now) => now.findIndex((l) => l.listId === list.listId) === to,
      };
    setMessage(`Moved ${list.name} to position ${to + 1} of ${lists.length}.`);
    void write(movePackList(db, packId, list.listId, to));
  };
  const reorder = usePointerReorder(
    () => lists.flatMap((list) => rows.current.get(list.listId) ?? []),
    (from, to) => move(from, to),
  );

  useEffect(() => {
    const target = pending.current;
    if (!target?.arrived(lists)) return;
    document.getElementById(target.elementId)?.focus();
    pending.current = null;
  }, [lists]);

  const remove = (index: number) => {
    const list = lists[index];
    if (!list) return;
    const next = lists[index + 1] ?? lists[index - 1];
    pending.current = next
      ? {
          elementId: `remove-${next.listId}`,
          arrived: (now) => !now.some((l) => l.listId === list.listId),
        }
      : null;
    void write(
      removeListFromPack(db, packId, list.listId).then(() => {
        offerUndo(`Removed “${list.name}” from the pack.`, () =>
          restoreListToPack(db, packId, list.listId),
        );
        setMessage(`Removed ${list.name} from the pack.`);
        if (!next) heading.current?.focus();
      }),
    );
  };

  const dragging = (index: number) => {
    const drag = reorder.drag;
    if (!drag) return null;
    if (index === drag.from) return 'source';
    if (drag.to !== drag.from && index === drag.to) return drag.to < drag.from ? 'before' : 'after';
    return null;
  };

  return (
    <section className="pack-section" aria-labelledby="pack-lists-heading">
      <h2 id="pack-lists-heading" ref={heading} tabIndex={-1}>
        Lists in this pack
      </h2>
      {lists.length === 0 ? (
        <EmptyState title="No lists in this pack yet">
          <p>Add your lists below: a sleep system, a kitchen, clothes…</p>
        </EmptyState>
      ) : (
        <ol className="pack-list-rows">
          {lists.map((list, index) => (
            <PackListRow
              key={list.listId}
              list={list}
              unit={unit}
              index={index}
              count={lists.length}
              rowRef={(element) => {
                if (element) rows.current.set(list.listId, element);
                else rows.current.delete(list.listId);
              }}
              dragging={dragging(index)}
              dragOffset={reorder.drag?.offset ?? 0}
              handleProps={reorder.handleProps(index)}
              onMove={(to) => move(index, to, `move-${to < index ? 'up' : 'down'}-${list.listId}`)}
              onRemove={() => remove(index)}
            />
          ))}
        </ol>
      )}
      <AddList
        available={allLists.filter((l) => !lists.some((p) => p.listId === l.id))}
        hasLists={allLists.length > 0}
        onAdd={(list) => {
          setMessage(`Added ${list.name} to the pack.`);
          void write(addListToPack(db, packId, list.id));
        }}
      />
      <p className="pack-visually-hidden" role="status">
        {message}
      </p>
    </section>
  );
}

interface AddListProps {
  available: readonly List[];
  hasLists: boolean;
  onAdd: (list: List) => void;
}

function AddList({ available, hasLists, onAdd }: AddListProps) {
  const id = useId();
  const [chosen, setChosen] = useState('');
  if (!hasLists)
    return (
      <p className="muted">
        You have no lists yet. <Link href="/">Create a list</Link> first, then add it here.
      </p>
    );
  if (available.length === 0) return <p className="muted">All your lists are in this pack.</p>;
  const selected = available.find((l) => l.id === chosen) ?? available[0];

  return (
    <form
      className="pack-add-list"
      onSubmit={(event) => {
        event.preventDefault();
        if (!selected) return;
        onAdd(selected);
        setChosen('');
      }}
    >
      <label htmlFor={id}>List to add</label>
      <div className="pack-add-list-row">
        <select
          id={id}
          className="pyb-select"
          value={selected?.id ?? ''}
          onChange={(e) => setChosen(e.target.value)}
        >
          {available.map((list) => (
            <option key={list.id} value={list.id}>
              {list.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button-primary">
          Add list
        </button>
      </div>
    </form>
  );
}
