// One list on the pack board: its name, and its entries, each with a drag handle (the
// pointer side of moving) and a "Move…" button (the keyboard side). While an entry
// is dragged over this list, the list is highlighted and a line shows where it lands.
import type { DisplayUnit } from '../../../shared/units';
import type { PackEntry, PackListContents } from '../../domain/pack-totals';
import { ColorDot } from '../../ui/color-dot';
import { WeightText } from '../../ui/weight-text';
import type { HandleProps } from '../lists/use-pointer-reorder';
import type { EntryDrag } from './use-entry-drag';

interface PackBoardListProps {
  contents: PackListContents;
  unit: DisplayUnit;
  drag: EntryDrag | null;
  handleProps: (entryId: string, fromList: string) => HandleProps;
  /** False when the pack has one list: there is nowhere to move to. */
  canMove: boolean;
  onMoveTo: (view: PackEntry) => void;
}

export function PackBoardList({ contents, unit, drag, ...props }: PackBoardListProps) {
  const { list, entries } = contents;
  const headingId = `board-list-${list.id}`;
  const over = drag?.over?.listId === list.id ? drag.over : null;
  // The drop line goes before the entry at over.index of the others (the dragged one left out).
  const others = entries.filter(({ entry }) => entry.id !== drag?.entryId);
  const dropBefore = over ? (others[over.index]?.entry.id ?? 'end') : null;

  return (
    <section
      className={over ? 'pack-board-list pack-board-list-over' : 'pack-board-list'}
      aria-labelledby={headingId}
      data-board-list={list.id}
    >
      <h3 id={headingId}>
        <ColorDot color={list.color} />
        {list.name}
      </h3>
      {entries.length === 0 ? (
        <p className="muted pack-board-empty">No items yet</p>
      ) : (
        <ul aria-labelledby={headingId}>
          {entries.map((view) => {
            const { entry, item } = view;
            const classes = [
              'pack-board-entry',
              drag?.entryId === entry.id && 'pack-board-entry-dragged',
              dropBefore === entry.id && 'pack-board-entry-drop',
            ];
            return (
              <li
                key={entry.id}
                className={classes.filter(Boolean).join(' ')}
                data-entry-id={entry.id}
              >
                <span
                  className="pack-drag-handle"
                  aria-hidden="true"
                  title="Drag to another list"
                  {...props.handleProps(entry.id, list.id)}
                >
                  ⠿
                </span>
                <span className="pack-board-name">{item.name}</span>
                {entry.qty !== 1 && <span className="muted">×{entry.qty}</span>}
                <WeightText grams={item.weightGrams * entry.qty} unit={item.weightUnit ?? unit} />
                {props.canMove && (
                  <button
                    type="button"
                    id={`move-to-${entry.id}`}
                    className="button pack-board-move"
                    aria-label={`Move ${item.name} to another list`}
                    onClick={() => props.onMoveTo(view)}
                  >
                    Move…
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {dropBefore === 'end' && <div className="pack-board-drop-end" aria-hidden="true" />}
    </section>
  );
}
