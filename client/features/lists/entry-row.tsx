// One entry of a list: the item, its weight, how many (and how many worn), whether it
// is used up on the way, and the buttons to move or remove it. Counts echo locally so
// the steppers answer at once; the write reaches IndexedDB a moment later.
import type { KeyboardEvent, PointerEvent, Ref } from 'react';
import type { WeightUnit } from '../../../shared/units';
import type { EntryChanges, EntryView } from '../../data/lists';
import { useLocalEcho } from '../../db/use-local-echo';
import { ColorDot } from '../../ui/color-dot';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { WeightText } from '../../ui/weight-text';

interface EntryRowProps {
  view: EntryView;
  unit: WeightUnit;
  index: number;
  count: number;
  rowRef: Ref<HTMLLIElement>;
  dragging: 'source' | 'before' | 'after' | null;
  dragOffset: number;
  handleProps: {
    onPointerDown: (event: PointerEvent<HTMLElement>) => void;
    onPointerMove: (event: PointerEvent<HTMLElement>) => void;
    onPointerUp: (event: PointerEvent<HTMLElement>) => void;
    onPointerCancel: () => void;
  };
  onChange: (changes: EntryChanges) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

export function EntryRow({
  view,
  unit,
  index,
  count,
  rowRef,
  dragging,
  dragOffset,
  handleProps,
  onChange,
  onMove,
  onRemove,
}: EntryRowProps) {
  const { entry, item } = view;
  const [qty, setQty] = useLocalEcho(entry.qty);
  const [wornQty, setWornQty] = useLocalEcho(entry.wornQty);
  const [consumable, setConsumable] = useLocalEcho(entry.consumable);
  const first = index === 0;
  const last = index === count - 1;

  const move = (to: number) => {
    if (to >= 0 && to < count && to !== index) onMove(to);
  };
  // Alt+ArrowUp/Down moves the row from wherever focus is inside it.
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(event.key === 'ArrowUp' ? index - 1 : index + 1);
  };

  const className = ['entry-row', dragging && `entry-row-${dragging}`].filter(Boolean).join(' ');
  return (
    <li
      ref={rowRef}
      className={className}
      style={dragging === 'source' ? { translate: `0 ${dragOffset}px` } : undefined}
      onKeyDown={onKeyDown}
    >
      <div className="entry-main">
        <span className="drag-handle" aria-hidden="true" title="Drag to reorder" {...handleProps}>
          ⠿
        </span>
        <ColorDot color={item.color} />
        <div className="entry-name">
          <span className="entry-title">{item.name}</span>
          {item.brand && <span className="muted entry-brand">{item.brand}</span>}
        </div>
        <div className="entry-weight">
          <WeightText grams={item.weightGrams * qty} unit={unit} />
          {qty !== 1 && (
            <span className="muted entry-each">
              <WeightText grams={item.weightGrams} unit={unit} /> each
            </span>
          )}
        </div>
      </div>
      <div className="entry-controls">
        <QuantityStepper
          label="Quantity"
          name={`Quantity of ${item.name}`}
          value={qty}
          min={0}
          max={10000}
          onChange={(value) => {
            setQty(value);
            if (wornQty > value) setWornQty(value);
            onChange({ qty: value });
          }}
        />
        <QuantityStepper
          label="Worn"
          name={`Worn count of ${item.name}`}
          value={Math.min(wornQty, qty)}
          min={0}
          max={qty}
          disabled={consumable}
          onChange={(value) => {
            setWornQty(value);
            onChange({ wornQty: value });
          }}
        />
        <label className="entry-consumable">
          <input
            type="checkbox"
            checked={consumable}
            aria-label={`${item.name} is consumable`}
            onChange={(event) => {
              setConsumable(event.target.checked);
              onChange({ consumable: event.target.checked });
            }}
          />
          Consumable
        </label>
      </div>
      <div className="entry-actions">
        <button
          type="button"
          id={`move-up-${entry.id}`}
          className="button icon-button"
          aria-label={`Move ${item.name} up`}
          aria-disabled={first}
          onClick={() => move(index - 1)}
        >
          ↑
        </button>
        <button
          type="button"
          id={`move-down-${entry.id}`}
          className="button icon-button"
          aria-label={`Move ${item.name} down`}
          aria-disabled={last}
          onClick={() => move(index + 1)}
        >
          ↓
        </button>
        <button
          type="button"
          id={`remove-${entry.id}`}
          className="button"
          aria-label={`Remove ${item.name}`}
          onClick={onRemove}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
