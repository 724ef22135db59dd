// The desktop library: the sortable table with multi-select and, while rows are
// selected, the bulk actions above it. Owns the sort and the selection; the page owns
// the data, the filter and the edit form. Actions apply to the selected rows that are
// shown (a row hidden by the search is not deleted unseen).
import { useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Item } from '../../../shared/schemas';
import type { DisplayUnit } from '../../../shared/units';
import type { ItemLibrary } from '../../model/items';
import { BulkBar } from './bulk-bar';
import { nextSort, sortByColumn, type ColumnSort } from './item-columns';
import { ItemTable, SELECT_ALL_ID } from './item-table';
import { selectedOf, setRange, toggle, type Selection } from './selection';
import { useBulkWrites } from './use-bulk-writes';

interface LibraryTableProps {
  library: ItemLibrary;
  /** The items the search and status filter let through. */
  shown: readonly Item[];
  unit: DisplayUnit;
  editing: string | null;
  renderForm: (item: Item) => ReactNode;
  onEdit: (item: Item) => void;
  /** Deletes one row; `order` is the rows as sorted here, for where focus goes next. */
  onDelete: (item: Item, order: readonly Item[]) => void;
  announce: (message: string) => void;
}

const BY_NAME: ColumnSort = { column: 'name', direction: 'asc' };

export function LibraryTable(props: LibraryTableProps) {
  const { library, shown, announce } = props;
  const writes = useBulkWrites(announce);
  const [sort, setSort] = useState<ColumnSort>(BY_NAME);
  const [selection, setSelection] = useState<Selection>(new Set());
  // The last row clicked without Shift: where a Shift+click range starts.
  const anchor = useRef<string | null>(null);

  const rows = useMemo(() => sortByColumn(shown, sort, library.usage), [shown, sort, library]);
  const ids = rows.map((item) => item.id);
  const chosen = selectedOf(selection, ids);
  const clear = () => {
    setSelection(new Set());
    anchor.current = null;
  };

  const select = (id: string, selected: boolean, range: boolean) => {
    setSelection((now) =>
      range ? setRange(now, ids, anchor.current, id, selected) : toggle(now, id, selected),
    );
    if (!range) anchor.current = id;
  };

  return (
    <>
      {chosen.length > 0 && (
        <BulkBar
          count={chosen.length}
          lists={library.lists}
          onAddToList={(listId) => {
            const list = library.lists.find((l) => l.id === listId);
            if (list) void writes.addToList(chosen, list);
          }}
          onSetStatus={(status) => void writes.setStatus(chosen, status)}
          onDelete={() => {
            void writes.remove(chosen).then((done) => {
              if (!done) return;
              clear();
              document.getElementById(SELECT_ALL_ID)?.focus();
            });
          }}
          onClear={() => {
            clear();
            document.getElementById(SELECT_ALL_ID)?.focus();
          }}
        />
      )}
      <ItemTable
        items={rows}
        unit={props.unit}
        usage={library.usage}
        sort={sort}
        onSort={(column) => {
          const next = nextSort(sort, column);
          setSort(next);
          announce(
            `Sorted by ${column === 'usedIn' ? 'lists' : column}, ${next.direction === 'asc' ? 'ascending' : 'descending'}.`,
          );
        }}
        selection={selection}
        onSelect={select}
        onSelectAll={(selected) => {
          setSelection(selected ? new Set(ids) : new Set());
          anchor.current = null;
        }}
        editing={props.editing}
        renderForm={props.renderForm}
        onEdit={props.onEdit}
        onDelete={(item) => props.onDelete(item, rows)}
      />
    </>
  );
}
