// The library as a table, for desktop (from 1024 px; phones keep the cards): sortable
// column headers, a checkbox per row for multi-select (Shift+click selects a range from
// the last row clicked; ArrowUp/Down move between the boxes, with Shift also selecting),
// and each row's Edit and Delete. The edit form opens in a full-width row in place.
import type { KeyboardEvent, ReactNode } from 'react';
import type { Item } from '../../../shared/schemas';
import type { DisplayUnit } from '../../../shared/units';
import type { ListRef } from '../../model/items';
import { ColorDot } from '../../ui/color-dot';
import { SortHeader } from '../../ui/sort-header';
import { TriStateCheckbox } from '../../ui/tri-state-checkbox';
import { WeightText } from '../../ui/weight-text';
import type { ColumnSort, ItemColumn } from './item-columns';
import { STATUS_NAMES } from '../../ui/item-form-values';
import { ItemActions } from './item-actions';
import { ListLinks } from './list-links';
import { formatPrice } from './price';
import { allState, type Selection } from './selection';

const COLUMNS: readonly { column: ItemColumn; label: string; className?: string }[] = [
  { column: 'name', label: 'Name' },
  { column: 'brand', label: 'Brand / notes' },
  { column: 'weight', label: 'Weight', className: 'items-table-number' },
  { column: 'price', label: 'Price', className: 'items-table-number' },
  { column: 'status', label: 'Status' },
  { column: 'usedIn', label: 'Used in' },
];

export const SELECT_ALL_ID = 'items-select-all';
const selectId = (id: string) => `select-${id}`;

interface ItemTableProps {
  /** The rows on screen, in their order. */
  items: readonly Item[];
  /** The user's unit, for items without their own. */
  unit: DisplayUnit;
  usage: ReadonlyMap<string, ListRef[]>;
  sort: ColumnSort;
  onSort: (column: ItemColumn) => void;
  selection: Selection;
  /** A row's box changed; `range` when Shift was held (select from the anchor). */
  onSelect: (id: string, selected: boolean, range: boolean) => void;
  onSelectAll: (selected: boolean) => void;
  editing: string | null;
  renderForm: (item: Item) => ReactNode;
  onEdit: (item: Item) => void;
  onDelete: (item: Item) => void;
}

export function ItemTable(props: ItemTableProps) {
  const { items, unit, usage, sort, selection } = props;
  const ids = items.map((item) => item.id);

  // ArrowUp/Down from a row's box moves to the next row's box, like a spreadsheet;
  // with Shift the row moved to is selected too.
  const arrows = (index: number) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = items[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (!target) return;
    event.preventDefault();
    if (event.shiftKey) props.onSelect(target.id, true, false);
    document.getElementById(selectId(target.id))?.focus();
  };

  return (
    <table className="items-table" aria-label="Your items">
      <thead>
        <tr>
          <td className="items-table-select">
            <TriStateCheckbox
              id={SELECT_ALL_ID}
              label="Select all items shown"
              checked={allState(selection, ids)}
              onChange={props.onSelectAll}
            />
          </td>
          {COLUMNS.map(({ column, label, className }) => (
            <SortHeader
              key={column}
              className={className}
              direction={sort.column === column ? sort.direction : null}
              onSort={() => props.onSort(column)}
            >
              {label}
            </SortHeader>
          ))}
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((item, index) =>
          props.editing === item.id ? (
            <tr key={item.id} className="items-table-edit">
              <td colSpan={COLUMNS.length + 2}>{props.renderForm(item)}</td>
            </tr>
          ) : (
            <ItemRow
              key={item.id}
              item={item}
              unit={item.weightUnit ?? unit}
              lists={usage.get(item.id) ?? []}
              selected={selection.has(item.id)}
              onSelect={(selected, range) => props.onSelect(item.id, selected, range)}
              onArrow={arrows(index)}
              onEdit={() => props.onEdit(item)}
              onDelete={() => props.onDelete(item)}
            />
          ),
        )}
      </tbody>
    </table>
  );
}

interface ItemRowProps {
  item: Item;
  unit: DisplayUnit;
  lists: readonly ListRef[];
  selected: boolean;
  onSelect: (selected: boolean, range: boolean) => void;
  onArrow: (event: KeyboardEvent<HTMLInputElement>) => void;
  onEdit: () => void;
  onDelete: () => void;
}

function ItemRow({ item, unit, lists, selected, ...handlers }: ItemRowProps) {
  return (
    <tr aria-label={item.name} className={selected ? 'items-table-selected' : undefined}>
      <td className="items-table-select">
        <input
          id={selectId(item.id)}
          type="checkbox"
          className="row-checkbox"
          aria-label={`Select ${item.name}`}
          checked={selected}
          // The change event of a checkbox is its click: Shift there means "range".
          onChange={(event) =>
            handlers.onSelect(event.target.checked, (event.nativeEvent as MouseEvent).shiftKey)
          }
          onKeyDown={handlers.onArrow}
        />
      </td>
      <th scope="row" className="items-table-name">
        <ColorDot color={item.color} />
        <span>{item.name}</span>
      </th>
      <td className="items-table-brand">
        {item.brand}
        {item.notes && <span className="muted items-table-notes">{item.notes}</span>}
      </td>
      <td className="items-table-number">
        <WeightText grams={item.weightGrams} unit={unit} />
      </td>
      <td className="items-table-number">
        {item.priceCents !== null && formatPrice(item.priceCents, item.currency)}
      </td>
      <td className="items-table-status">{STATUS_NAMES[item.status]}</td>
      <td className="items-table-lists">
        {lists.length === 0 ? <span className="muted">None</span> : <ListLinks lists={lists} />}
      </td>
      <td className="items-table-actions">
        <ItemActions
          name={item.name}
          editId={`edit-${item.id}`}
          onEdit={handlers.onEdit}
          onDelete={handlers.onDelete}
        />
      </td>
    </tr>
  );
}
