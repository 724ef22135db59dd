// The preview of rows pasted from a spreadsheet or read from a CSV file, before anything
// is written: each column with the field it goes to (a select per column, so a wrong
// guess is one change away), whether the first row is a header, the first rows as they
// will be read, and every row that will be left out with its reason. Presentational: the
// table, mapping and result come in; changes to the mapping go out.
import { useId } from 'react';
import { FIELD_LABELS, SHEET_FIELDS } from '../../shared/sheet-import';
import type { RejectedRow, SheetField } from '../../shared/sheet-import';
import './sheet-preview.css';

interface SheetPreviewProps {
  table: readonly (readonly string[])[];
  hasHeader: boolean;
  mapping: readonly (SheetField | null)[];
  /** How many rows will be added. */
  accepted: number;
  rejected: readonly RejectedRow[];
  onMappingChange: (column: number, field: SheetField | null) => void;
  onHeaderChange: (hasHeader: boolean) => void;
}

const SHOWN_ROWS = 8;
const SHOWN_REJECTED = 100;
const IGNORE = '';

const columnName = (i: number) => `Column ${i + 1}`;

export function SheetPreview(props: SheetPreviewProps) {
  const { table, hasHeader, mapping, accepted, rejected } = props;
  const id = useId();
  const header = hasHeader ? table[0] : undefined;
  const data = table.slice(hasHeader ? 1 : 0);
  const total = data.length;
  return (
    <div className="sheet-preview">
      <label className="sheet-preview-header">
        <input
          type="checkbox"
          checked={hasHeader}
          onChange={(event) => props.onHeaderChange(event.target.checked)}
        />
        The first row is a header
      </label>
      <div className="sheet-preview-frame">
        <table className="sheet-preview-table" aria-describedby={`${id}-summary`}>
          <caption className="visually-hidden">The rows as they will be read</caption>
          <thead>
            <tr>
              {mapping.map((field, i) => (
                <th key={i} scope="col">
                  <label className="visually-hidden" htmlFor={`${id}-map-${i}`}>
                    Field of {header?.[i] ? `column “${header[i]}”` : columnName(i).toLowerCase()}
                  </label>
                  <select
                    id={`${id}-map-${i}`}
                    value={field ?? IGNORE}
                    onChange={(event) =>
                      props.onMappingChange(
                        i,
                        event.target.value === IGNORE ? null : (event.target.value as SheetField),
                      )
                    }
                  >
                    <option value={IGNORE}>Not imported</option>
                    {SHEET_FIELDS.map((option) => (
                      <option key={option} value={option}>
                        {FIELD_LABELS[option]}
                      </option>
                    ))}
                  </select>
                  <span className="sheet-preview-source">{header?.[i] ?? columnName(i)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.slice(0, SHOWN_ROWS).map((row, r) => (
              <tr key={r}>
                {mapping.map((_, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={`${id}-summary`} role="status">
        {total > SHOWN_ROWS && `Showing ${SHOWN_ROWS} of ${total} rows. `}
        {accepted} {accepted === 1 ? 'row' : 'rows'} will be added
        {rejected.length > 0 && `, ${rejected.length} left out`}.
      </p>
      {rejected.length > 0 && (
        <>
          <h3 className="sheet-preview-rejected-title">Rows left out</h3>
          {/* Focusable so a long list scrolls with the keyboard too. */}
          <ul className="sheet-preview-rejected" tabIndex={0} aria-label="Rows left out">
            {rejected.slice(0, SHOWN_REJECTED).map((problem) => (
              <li key={problem.row}>
                Row {problem.row}: {problem.reason}
              </li>
            ))}
            {rejected.length > SHOWN_REJECTED && (
              <li>and {rejected.length - SHOWN_REJECTED} more</li>
            )}
          </ul>
        </>
      )}
    </div>
  );
}
