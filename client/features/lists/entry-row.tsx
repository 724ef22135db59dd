// One entry of a list: the item, its weight, how many (and how many worn), whether it
// is used up on the way, and the buttons to move or remove it. Counts echo locally so
// the steppers answer at once; the write reaches IndexedDB a moment later.
import { ReorderActions, altArrowMove } from '../../ui/reorder-actions';
import type { DisplayUnit } from '../../../shared/units';
import type { EntryChanges, EntryView } from '../../model/lists';
import { useLocalEcho } from '../../ui/use-local-echo';
import { ColorDot } from '../../ui/color-dot';
import { QuantityStepper } from '../../ui/quantity-stepper';
import { WeightText } from '../../ui/weight-text';
import type { ReorderableRowProps } from './use-pointer-reorder';

interface EntryRowProps extends ReorderableRowProps {
  view: EntryView;
  unit: DisplayUnit;
  onChange: (changes: EntryChanges) => void;
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

  const className = ['entry-row', dragging && `entry-row-${dragging}`].filter(Boolean).join(' ');
  return (
    <li
      ref={rowRef}
      className={className}
      style={dragging === 'source' ? { translate: `0 ${dragOffset}px` } : undefined}
      onKeyDown={altArrowMove(index, count, onMove)}
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
      <ReorderActions
        rowId={entry.id}
        name={item.name}
        index={index}
        count={count}
        onMove={onMove}
        removeLabel={`Remove ${item.name}`}
        onRemove={onRemove}
        className="entry-actions"
        iconClassName="icon-button"
      />
    </li>
  );
}
