// Adds gear to a list: search the library (items already in the list are left out) and
// add with one press, or create a new item on the spot, named after the search if the
// library has nothing that matches.
import { useMemo, useRef, useState } from 'react';
import type { DisplayUnit } from '../../../shared/units';
import { liveItems } from '../../model/items';
import { addItemToList, createItemInList } from '../../model/lists';
import type { EntryView } from '../../model/lists';
import { useDb } from '../../model/db-context';
import { useQuery } from '../../model/use-query';
import { ColorDot } from '../../ui/color-dot';
import { SearchField } from '../../ui/search-field';
import { WeightText } from '../../ui/weight-text';
import { matchesSearch } from '../items/item-filter';
import { describeWriteError } from '../../model/storage-errors';
import { QuickItemForm } from './quick-item-form';

const SHOWN = 8;

interface AddItemsProps {
  listId: string;
  entries: readonly EntryView[];
  userUnit: DisplayUnit;
}

export function AddItems({ listId, entries, userUnit }: AddItemsProps) {
  const db = useDb();
  const library = useQuery(liveItems);
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState('');
  const searchInput = useRef<HTMLInputElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);

  const inList = useMemo(() => new Set(entries.map((view) => view.item.id)), [entries]);
  const candidates = useMemo(
    () =>
      library.status === 'ready'
        ? library.value.filter((item) => !inList.has(item.id) && matchesSearch(item, search))
        : [],
    [library, inList, search],
  );
  const shown = candidates.slice(0, SHOWN);

  const add = async (index: number) => {
    const item = shown[index];
    if (!item) return;
    const next = shown[index + 1] ?? shown[index - 1];
    try {
      await addItemToList(db, listId, item.id);
      setMessage(`Added ${item.name} to the list.`);
      (next ? document.getElementById(`add-${next.id}`) : searchInput.current)?.focus();
    } catch (error) {
      setMessage(describeWriteError(error));
    }
  };

  return (
    <section className="add-items" aria-labelledby="add-items-heading">
      <h2 id="add-items-heading">Add items</h2>
      <SearchField
        label="Add to list"
        placeholder="Search your items"
        value={search}
        inputRef={searchInput}
        onChange={setSearch}
      />
      {library.status === 'ready' && (
        <>
          {shown.length > 0 ? (
            <ul className="add-results" aria-label="Items you can add">
              {shown.map((item, index) => (
                <li key={item.id}>
                  <ColorDot color={item.color} />
                  <span className="add-result-name">
                    {item.name}
                    {item.brand && <span className="muted"> · {item.brand}</span>}
                  </span>
                  <WeightText grams={item.weightGrams} unit={item.weightUnit ?? userUnit} />
                  <button
                    type="button"
                    id={`add-${item.id}`}
                    className="button"
                    aria-label={`Add ${item.name}`}
                    onClick={() => void add(index)}
                  >
                    Add
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">
              {library.value.length === 0
                ? 'Your library is empty. Create the first item below.'
                : search
                  ? `No item matching “${search.trim()}” is left to add.`
                  : 'Every item of your library is in this list.'}
            </p>
          )}
          {candidates.length > shown.length && (
            <p className="muted">
              {candidates.length - shown.length} more: type to narrow the search.
            </p>
          )}
        </>
      )}
      {creating ? (
        <QuickItemForm
          unit={userUnit}
          initialName={search.trim()}
          onCreate={(input) => createItemInList(db, listId, input)}
          onDone={(name) => {
            setCreating(false);
            if (name !== null) {
              setSearch('');
              setMessage(`Created ${name} and added it to the list.`);
            }
            requestAnimationFrame(() => newButton.current?.focus());
          }}
        />
      ) : (
        <button
          ref={newButton}
          type="button"
          className="button add-new"
          onClick={() => setCreating(true)}
        >
          {search.trim() ? `Create “${search.trim()}”` : 'Create a new item'}
        </button>
      )}
      <p className="visually-hidden" role="status">
        {message}
      </p>
    </section>
  );
}
