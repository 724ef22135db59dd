// The gear library (/items): every item with its weight, price and the lists it is in;
// search, filter by status, sort; add, edit and delete (with undo) in place.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { Item } from '../../../shared/schemas';
import type { DisplayUnit } from '../../../shared/units';
import { deleteItem, itemLibrary, restoreItem } from '../../model/items';
import type { ItemLibrary } from '../../model/items';
import { useDb } from '../../model/db-context';
import { useQuery } from '../../model/use-query';
import { useSettings } from '../settings/use-settings';
import { useOfferUndo } from '../undo/undo-provider';
import { EmptyState } from '../../ui/empty-state';
import { ItemForm } from '../../ui/item-form';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { ItemCard } from './item-card';
import { filterItems } from './item-filter';
import type { ItemQuery } from './item-filter';
import { ItemsToolbar } from './items-toolbar';
import { LibraryTable } from './library-table';
import { DESKTOP_QUERY, useMediaQuery } from '../shell/use-media-query';
import { useItemEditor } from './use-item-editor';
import type { ItemEditor } from './use-item-editor';
import { describeWriteError } from '../../model/storage-errors';
import './items.css';

export function ItemsPage() {
  const settings = useSettings();
  const library = useQuery(itemLibrary);
  const unit = settings.status === 'ready' ? settings.value.units : 'g';
  return (
    <Page title="Items">
      {library.status === 'loading' && <Skeleton rows={4} label="Loading your items" />}
      {library.status === 'error' && (
        <p role="alert">Your items could not be read ({String(library.error)}).</p>
      )}
      {library.status === 'ready' && <ItemsView library={library.value} unit={unit} />}
    </Page>
  );
}

const ALL: ItemQuery = { search: '', status: 'all', sort: 'name' };

function ItemsView({ library, unit }: { library: ItemLibrary; unit: DisplayUnit }) {
  const db = useDb();
  const offerUndo = useOfferUndo();
  const editor = useItemEditor(db, unit);
  const [query, setQuery] = useState<ItemQuery>(ALL);
  const [announcement, setAnnouncement] = useState('');
  const focusId = useRef<string | null>(null);
  const [, setFocusRequests] = useState(0);
  const setFocusId = (id: string) => {
    focusId.current = id;
    setFocusRequests((n) => n + 1);
  };
  const shown = useMemo(() => filterItems(library.items, query), [library.items, query]);

  // Focus follows the action (the saved item, the next item after a delete) once the
  // page shows it; "Add item" when that item is gone or hidden by the filter.
  // Runs after every render: the action's own re-render (form closed, row gone) comes
  // after the handler asked for focus.
  useEffect(() => {
    if (focusId.current === null) return;
    (document.getElementById(focusId.current) ?? document.getElementById('add-item'))?.focus();
    focusId.current = null;
  });

  const save = async (initial?: Item) => {
    const name = editor.draft?.values.name.trim() ?? '';
    const id = await editor.save(initial);
    if (id === null) return;
    setAnnouncement(initial ? `Saved “${name}”.` : `Added “${name}”.`);
    setFocusId(initial ? `edit-${id}` : 'add-item');
  };

  // `order` is the rows as shown (the desktop table sorts them its own way), so focus
  // moves to the row below the deleted one.
  const remove = async (item: Item, order: readonly Item[] = shown) => {
    if (editor.open === item.id) editor.cancel();
    const index = order.findIndex((other) => other.id === item.id);
    const next = order[index + 1] ?? order[index - 1];
    try {
      await deleteItem(db, item.id);
      offerUndo(`Deleted “${item.name}”.`, () => restoreItem(db, item.id));
      setFocusId(next ? `edit-${next.id}` : 'add-item');
    } catch (error) {
      setAnnouncement(describeWriteError(error));
    }
  };

  const form = (label: string, initial?: Item) =>
    editor.draft && (
      <ItemForm
        label={label}
        values={editor.draft.values}
        errors={editor.draft.errors}
        attempt={editor.draft.attempt}
        formError={editor.draft.formError}
        busy={editor.draft.busy}
        submitLabel="Save item"
        autoFocus
        onChange={editor.change}
        onSubmit={() => void save(initial)}
        onCancel={() => {
          editor.cancel();
          setFocusId(initial ? `edit-${initial.id}` : 'add-item');
        }}
      />
    );

  return (
    <div className="items-page">
      {editor.open === 'new' ? (
        <section className="items-new panel panel-accent" aria-labelledby="new-item-heading">
          <h2 id="new-item-heading">New item</h2>
          {form('New item')}
        </section>
      ) : (
        <button
          type="button"
          id="add-item"
          className="button button-primary items-add"
          onClick={() => editor.start('new')}
        >
          Add item
        </button>
      )}
      {library.items.length === 0 ? (
        <EmptyState title="Your gear library is empty">
          <p>
            Add the things you take along (tent, stove, rain jacket) with their weights. Then group
            them into lists and see what your pack weighs.
          </p>
        </EmptyState>
      ) : (
        <ItemsResults
          library={library}
          shown={shown}
          unit={unit}
          query={query}
          editor={editor}
          onQuery={setQuery}
          onDelete={(item, order) => void remove(item, order)}
          renderForm={form}
          announce={setAnnouncement}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}

interface ItemsResultsProps {
  library: ItemLibrary;
  shown: readonly Item[];
  unit: DisplayUnit;
  query: ItemQuery;
  editor: ItemEditor;
  onQuery: (query: ItemQuery) => void;
  onDelete: (item: Item, order?: readonly Item[]) => void;
  renderForm: (label: string, initial?: Item) => ReactNode;
  announce: (message: string) => void;
}

function ItemsResults(props: ItemsResultsProps) {
  const { library, shown, unit, query, editor } = props;
  const total = library.items.length;
  // From 1024 px the library is a sortable, multi-select table; phones keep the cards.
  const desktop = useMediaQuery(DESKTOP_QUERY);
  return (
    <>
      <h2 className="visually-hidden">Your items</h2>
      <ItemsToolbar query={query} onChange={props.onQuery} showSort={!desktop} />
      <p className="items-count" role="status">
        {shown.length === total
          ? `${total} ${total === 1 ? 'item' : 'items'}`
          : `${shown.length} of ${total} items`}
      </p>
      {shown.length === 0 ? (
        <EmptyState title="No items match">
          <p>Try another word, or show items of every status.</p>
          <button type="button" className="button" onClick={() => props.onQuery(ALL)}>
            Clear search and filter
          </button>
        </EmptyState>
      ) : desktop ? (
        <LibraryTable
          library={library}
          shown={shown}
          unit={unit}
          editing={editor.open}
          renderForm={(item) => props.renderForm(`Edit ${item.name}`, item)}
          onEdit={(item) => editor.start(item.id, item)}
          onDelete={props.onDelete}
          announce={props.announce}
        />
      ) : (
        <ul className="item-list" aria-label="Your items">
          {shown.map((item) => (
            <li key={item.id}>
              {editor.open === item.id ? (
                <div className="item-edit panel panel-accent">
                  {props.renderForm(`Edit ${item.name}`, item)}
                </div>
              ) : (
                <ItemCard
                  item={item}
                  unit={item.weightUnit ?? unit}
                  lists={library.usage.get(item.id) ?? []}
                  editId={`edit-${item.id}`}
                  onEdit={() => editor.start(item.id, item)}
                  onDelete={() => props.onDelete(item)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
