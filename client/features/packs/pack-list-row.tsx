// One list of a pack: its name (a link to the list), its weight, and the buttons to
// move or remove it. Alt+ArrowUp/Down moves it from wherever focus is in the row.
import { ReorderActions, altArrowMove } from '../../ui/reorder-actions';
import { Link } from 'wouter';
import type { DisplayUnit } from '../../../shared/units';
import type { ListWeight } from '../../domain/pack-totals';
import { ColorDot } from '../../ui/color-dot';
import { WeightText } from '../../ui/weight-text';
import type { ReorderableRowProps } from '../lists/use-pointer-reorder';

interface PackListRowProps extends ReorderableRowProps {
  list: ListWeight;
  unit: DisplayUnit;
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
  const className = ['pack-list-row', dragging && `pack-list-row-${dragging}`]
    .filter(Boolean)
    .join(' ');

  return (
    <li
      ref={rowRef}
      className={className}
      style={dragging === 'source' ? { translate: `0 ${dragOffset}px` } : undefined}
      onKeyDown={altArrowMove(index, count, onMove)}
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
      <ReorderActions
        rowId={list.listId}
        name={list.name}
        index={index}
        count={count}
        onMove={onMove}
        removeLabel={`Remove ${list.name} from the pack`}
        onRemove={onRemove}
        className="pack-list-actions"
        iconClassName="pack-icon-button"
      />
    </li>
  );
}
