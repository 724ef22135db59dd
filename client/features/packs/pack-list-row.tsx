// One list of a pack: its name (a link to the list), its weight, and the buttons to
// move or remove it. Alt+ArrowUp/Down moves it from wherever focus is in the row.
import type { KeyboardEvent, Ref } from 'react';
import { Link } from 'wouter';
import type { WeightUnit } from '../../../shared/units';
import type { ListWeight } from '../../domain/pack-totals';
import { ColorDot } from '../../ui/color-dot';
import { WeightText } from '../../ui/weight-text';
import type { PointerReorder } from '../lists/use-pointer-reorder';

interface PackListRowProps {
  list: ListWeight;
  unit: WeightUnit;
  index: number;
  count: number;
  rowRef: Ref<HTMLLIElement>;
  dragging: 'source' | 'before' | 'after' | null;
  dragOffset: number;
  handleProps: ReturnType<PointerReorder['handleProps']>;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function PackListRow({
  list,
  unit,
  index,
  count,
  rowRef,
  dragging,
  dragOffset,
  handleProps,
  onMove,
  onRemove,
}: PackListRowProps) {
  const move = (to: number) => {
    if (to >= 0 && to < count && to !== index) onMove(to);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? index - 1 : index + 1);
  };
  const className = ['pack-list-row', dragging && `pack-list-row-${dragging}`]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      ref={rowRef}
      className={className}
      style={dragging === 'source' ? { translate: `0 ${dragOffset}px` } : undefined}
      onKeyDown={onKeyDown}
    >
      <span
        className="pack-drag-handle"
        aria-hidden="true"
        title="Drag to reorder"
        {...handleProps}
      >
        ⠿
      </span>
      <ColorDot color={list.color} />
      <Link className="pack-list-name" href={`/lists/${list.listId}`}>
        {list.name}
      </Link>
      <span className="pack-list-weight">
        <WeightText grams={list.totals.total} unit={unit} />
      </span>
      <span className="pack-list-actions">
        <button
          type="button"
          id={`move-up-${list.listId}`}
          className="button pack-icon-button"
          aria-label={`Move ${list.name} up`}
          aria-disabled={index === 0}
          onClick={() => move(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          id={`move-down-${list.listId}`}
          className="button pack-icon-button"
          aria-label={`Move ${list.name} down`}
          aria-disabled={index === count - 1}
          onClick={() => move(index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          id={`remove-${list.listId}`}
          className="button"
          aria-label={`Remove ${list.name} from the pack`}
          onClick={onRemove}
        >
          Remove
        </button>
      </span>
    </li>
  );
}
