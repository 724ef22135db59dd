// A sortable column header: the <th> carries aria-sort (what screen readers announce
// for the column), the button inside does the sorting, so it is reachable with Tab and
// works with Enter and Space. The arrow is decoration; aria-sort says the direction.
import type { ReactNode } from 'react';
import './table-controls.css';

export type SortDirection = 'asc' | 'desc';

interface SortHeaderProps {
  children: ReactNode;
  /** The direction when this column is the sort column, else null. */
  direction: SortDirection | null;
  onSort: () => void;
  className?: string | undefined;
}

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export function SortHeader({ children, direction, onSort, className }: SortHeaderProps) {
  return (
    <th
      scope="col"
      className={className}
      aria-sort={direction === null ? 'none' : ARIA_SORT[direction]}
    >
      <button type="button" className="sort-header" onClick={onSort}>
        {children}
        <span className="sort-header-arrow" aria-hidden="true">
          {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  );
}
