// Search, status filter and sort of the library, side by side on a wide screen and
// stacked on a phone. Labels stay visible: "Show" and "Sort by" say what each does.
import { STATUS_OPTIONS } from '../../ui/item-form-values';
import { SearchField } from '../../ui/search-field';
import type { ItemQuery, ItemSort, StatusFilter } from './item-filter';

const FILTER_OPTIONS: readonly { value: StatusFilter; label: string }[] = [
  { value: 'all', label: 'All items' },
  ...STATUS_OPTIONS,
];

const SORT_OPTIONS: readonly { value: ItemSort; label: string }[] = [
  { value: 'name', label: 'Name' },
  { value: 'brand', label: 'Brand' },
  { value: 'weight-asc', label: 'Weight, lightest first' },
  { value: 'weight-desc', label: 'Weight, heaviest first' },
];

interface ItemsToolbarProps {
  query: ItemQuery;
  onChange: (query: ItemQuery) => void;
  /** False on the desktop table, whose column headers sort. */
  showSort?: boolean;
}

export function ItemsToolbar({ query, onChange, showSort = true }: ItemsToolbarProps) {
  return (
    <div className="items-toolbar">
      <SearchField
        label="Search items"
        placeholder="Name or brand"
        value={query.search}
        onChange={(search) => onChange({ ...query, search })}
      />
      <div className="field">
        <label htmlFor="items-status">Show</label>
        <select
          id="items-status"
          className="input"
          value={query.status}
          onChange={(event) => onChange({ ...query, status: event.target.value as StatusFilter })}
        >
          {FILTER_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {showSort && (
        <div className="field">
          <label htmlFor="items-sort">Sort by</label>
          <select
            id="items-sort"
            className="input"
            value={query.sort}
            onChange={(event) => onChange({ ...query, sort: event.target.value as ItemSort })}
          >
            {SORT_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      )}
    </div>
  );
}
