// A dense table edited in place, like a spreadsheet: the ARIA grid pattern (a <table
// role="grid"> with one focusable cell, a roving tabindex, aria-rowindex/colindex) with
// the keys of data-grid-keys.ts. Presentational: the rows and their values come in as
// props; edits, toggles, actions, undo and pastes go out as callbacks. onCommit checks
// the typed text and returns a message when it is not valid; the cell then stays in
// editing with the message shown and announced, and nothing is committed.
// The active cell and the open edit follow their row's id (data-grid-cursor.ts), so rows
// that arrive, go or move under them (a sync, another tab) never redirect an edit; an
// edit whose row went is dropped without a write.
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ClipboardEvent, FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { cursorAt, cursorPosition, rowIndexOf } from './data-grid-cursor';
import type { GridCursor, GridShape, RowKey } from './data-grid-cursor';
import { gridKeyAction, isEditableKind } from './data-grid-keys';
import type { CellKind, GridAction } from './data-grid-keys';
import './data-grid.css';
import './controls.css';

export interface DataGridColumn {
  key: string;
  /** The column header; with the row's name it labels an edited cell ("Weight, Tent"). */
  label: string;
  kind: CellKind;
  /** A CSS width for the column, e.g. "6rem" or "30%"; columns without one share the rest. */
  width?: string;
  align?: 'start' | 'end';
  /** The options of a 'choice' cell. */
  choices?: readonly string[];
  /** The accessible name of an 'action' cell's button, e.g. (row) => `Remove ${row}`. */
  actionName?: (rowName: string) => string;
  /** The visible text of an 'action' cell's button. */
  actionText?: string;
}

export interface DataGridRow {
  id: string;
  /** Names the row in labels and messages, e.g. the item's name. */
  name: string;
  /** Per column: the text an edit starts from, or a flag's state. */
  values: Readonly<Record<string, string | boolean>>;
  /** Per column: what the cell shows instead of its value (formatted weights, prices). */
  display?: Readonly<Record<string, ReactNode>>;
}

export interface DataGridProps {
  /** The grid's accessible name. */
  label: string;
  columns: readonly DataGridColumn[];
  rows: readonly DataGridRow[];
  /** Adds an empty last row; text committed there goes to onCommit with rowId null. */
  newRowPrompt?: string;
  /** Called with the typed text; returns a message when the text is not valid. */
  onCommit: (rowId: string | null, key: string, text: string) => string | null;
  onToggle?: (rowId: string, key: string, next: boolean) => void;
  onAction?: (rowId: string, key: string) => void;
  onUndo?: () => void;
  /** Alt+ArrowUp/ArrowDown: move the row to index `to`; the active cell goes with it. */
  onMoveRow?: (rowId: string, to: number) => void;
  /** Text pasted while a cell (not an edit box) has focus. */
  onPaste?: (text: string) => void;
}

interface Editing {
  /** The edited row's id (null: the new row) and column's key, never positions. */
  row: RowKey;
  col: string;
  text: string;
  error: string | null;
}

const valueText = (row: DataGridRow | undefined, key: string): string => {
  const value = row?.values[key];
  return typeof value === 'string' ? value : '';
};

export function DataGrid(props: DataGridProps) {
  const { label, columns, rows, newRowPrompt, onCommit } = props;
  const id = useId();
  // Before the first move no row is chosen ('' is no row's id): the first cell is active.
  const [active, setActive] = useState<GridCursor>({ row: '', col: '', index: 0 });
  const [editingState, setEditingState] = useState<Editing | null>(null);
  const [notice, setNotice] = useState('');
  // Read by the edit box's blur, which can fire while React removes the box.
  const editingRef = useRef<Editing | null>(null);
  const wantFocus = useRef(false);
  // Focus fell from the grid to <body> in this task (see the layout effect); cleared a
  // microtask later, so a render that comes after a user's click elsewhere never sees it.
  const focusDropped = useRef(false);
  const table = useRef<HTMLTableElement>(null);

  const rowCount = rows.length + (newRowPrompt === undefined ? 0 : 1);
  const shape: GridShape = {
    rowIds: rows.map((row) => row.id),
    colKeys: columns.map((column) => column.key),
    hasNewRow: newRowPrompt !== undefined,
  };
  const at = cursorPosition(shape, active);
  const rowOf = (key: RowKey) => (key === null ? undefined : rows.find((row) => row.id === key));
  // The edit shown: none once its row has gone (the blur that follows writes nothing).
  const editing = editingState && rowIndexOf(shape, editingState.row) >= 0 ? editingState : null;
  const setEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  };
  const toggle = (row: DataGridRow, column: DataGridColumn) =>
    props.onToggle?.(row.id, column.key, row.values[column.key] !== true);
  const kindAt = (row: number, col: number): CellKind => {
    const kind = columns[col]?.kind ?? 'readonly';
    return row >= rows.length && !isEditableKind(kind) ? 'readonly' : kind;
  };

  // Chromium blurs a focused node that React detaches or moves, while React commits, and
  // React does not pass that blur on: a native listener notes it for the layout effect.
  useEffect(() => {
    const grid = table.current;
    const onFocusOut = (event: globalThis.FocusEvent) => {
      if (event.relatedTarget !== null) return;
      focusDropped.current = true;
      queueMicrotask(() => (focusDropped.current = false));
    };
    grid?.addEventListener('focusout', onFocusOut);
    return () => grid?.removeEventListener('focusout', onFocusOut);
  }, []);

  // Focus follows the active cell: after a keyboard move; when rows arrive or leave under
  // a focused cell (an added item, a remove, a synced change); and when this render moved
  // or removed the focused row and focus fell to <body>. An edit whose row moved keeps
  // its box focused; one whose row went is dropped, and nothing is written.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    const cell = `${at.row}:${at.col}`;
    const lost = focusDropped.current && focused === document.body;
    if (lost) focusDropped.current = false;
    if (editingState && !editing) {
      editingRef.current = null;
      queueMicrotask(() => setEditingState(null));
    }
    if (editing) {
      const box = table.current?.querySelector<HTMLElement>(`[data-cell="${cell}"] .grid-edit`);
      if (lost) box?.focus();
      return;
    }
    const stale =
      focused instanceof HTMLElement &&
      table.current?.contains(focused) === true &&
      focused.dataset['cell'] !== undefined &&
      focused.dataset['cell'] !== cell;
    if (!wantFocus.current && !stale && !lost) return;
    wantFocus.current = false;
    table.current?.querySelector<HTMLElement>(`[data-cell="${cell}"]`)?.focus();
  });

  // Moving down from the new row stays on it: it moves down itself once the added item
  // arrives from IndexedDB, and the next item can be typed at once.
  const moveTo = (row: number, col: number) => {
    wantFocus.current = true;
    setActive(cursorAt(shape, row, col));
  };

  const startEdit = (text: string | null) => {
    const column = columns[at.col];
    if (!column) return;
    const current = valueText(rows[at.row], column.key);
    const rowKey = rows[at.row]?.id ?? null;
    let start = text ?? current;
    if (column.kind === 'choice' && text !== null) {
      const lower = text.toLowerCase();
      start = column.choices?.find((choice) => choice.startsWith(lower)) ?? current;
    }
    setNotice('');
    setEditing({ row: rowKey, col: column.key, text: start, error: null });
  };

  /**
   * Commits the edit to the row it was opened on, wherever that row is now; false when
   * onCommit refused the text (the edit stays open). An edit whose row has gone is
   * dropped: nothing is written.
   */
  const commitEdit = (edit: Editing): boolean => {
    const row = rowOf(edit.row);
    editingRef.current = null;
    if (rowIndexOf(shape, edit.row) < 0) {
      setEditing(null);
      return true;
    }
    if (edit.text !== valueText(row, edit.col)) {
      const error =
        edit.row === null && edit.text.trim() === ''
          ? null
          : onCommit(edit.row, edit.col, edit.text);
      if (error !== null) {
        setEditing({ ...edit, error });
        return false;
      }
    }
    setEditing(null);
    return true;
  };

  const run = (action: GridAction, event: KeyboardEvent) => {
    if (action.type === 'none') return;
    event.preventDefault();
    const row = rows[at.row];
    const column = columns[at.col];
    switch (action.type) {
      case 'move':
        return moveTo(at.row + action.rows, at.col + action.cols);
      case 'jump': {
        const targetRow =
          action.row === 'first' ? 0 : action.row === 'last' ? rowCount - 1 : at.row;
        const targetCol =
          action.col === 'first' ? 0 : action.col === 'last' ? columns.length - 1 : at.col;
        return moveTo(targetRow, targetCol);
      }
      case 'edit':
        return startEdit(action.text);
      case 'toggle':
        if (row && column) toggle(row, column);
        return;
      case 'activate':
        if (row && column) props.onAction?.(row.id, column.key);
        return;
      case 'undo':
        return props.onUndo?.();
      case 'moveRow': {
        const to = at.row + action.by;
        if (!row || !props.onMoveRow || to < 0 || to >= rows.length) return;
        // The active cell stays on the row's id, so it goes with the row when the new
        // order arrives; focus follows it there (see focusDropped).
        props.onMoveRow(row.id, to);
        return;
      }
      case 'commit': {
        const edit = editingRef.current;
        if (!edit || !commitEdit(edit)) return;
        const from = cursorPosition(shape, { row: edit.row, col: edit.col, index: at.row });
        return moveTo(from.row + action.rows, from.col + action.cols);
      }
      case 'cancel':
        editingRef.current = null;
        setEditing(null);
        wantFocus.current = true;
        return;
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const action = gridKeyAction(event, {
      kind: kindAt(at.row, at.col),
      editing: editing !== null,
      col: at.col,
      colCount: columns.length,
    });
    run(action, event);
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    if (editing || !props.onPaste) return;
    const text = event.clipboardData.getData('text/plain');
    if (text === '') return;
    event.preventDefault();
    props.onPaste(text);
  };

  // A click elsewhere commits a valid edit and drops an invalid one, saying so. Checked a
  // microtask later: a render that moved the edited row has focused its box again by then,
  // and one that removed the row has dropped the edit (see focusDropped).
  const onEditBlur = (box: HTMLElement) => {
    const edit = editingRef.current;
    if (edit) queueMicrotask(() => commitOnBlur(edit, box));
  };
  const commitOnBlur = (edit: Editing, box: HTMLElement) => {
    if (editingRef.current !== edit || document.activeElement === box) return;
    if (!commitEdit(edit)) {
      const name = rowOf(edit.row)?.name ?? 'the new row';
      const label = columns.find((column) => column.key === edit.col)?.label ?? '';
      setNotice(`Not saved (${label} of ${name}): the value was not valid.`);
      editingRef.current = null;
      setEditing(null);
    }
  };

  const errorId = `${id}-error`;
  const renderCell = (
    row: DataGridRow | undefined,
    r: number,
    column: DataGridColumn,
    c: number,
  ) => {
    const isActive = r === at.row && c === at.col;
    const rowKey = row?.id ?? null;
    const edit = editing && editing.row === rowKey && editing.col === column.key ? editing : null;
    const kind = kindAt(r, c);
    const rowName = row?.name ?? 'New item';
    const className = [
      'grid-cell',
      column.align === 'end' && 'grid-cell-end',
      kind === 'readonly' && 'grid-cell-readonly',
      edit && 'grid-cell-editing',
      edit?.error && 'grid-cell-invalid',
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <td
        key={column.key}
        role="gridcell"
        aria-colindex={c + 1}
        aria-readonly={kind === 'readonly' || undefined}
        tabIndex={isActive && !edit ? 0 : -1}
        data-cell={`${r}:${c}`}
        className={className}
        onFocus={() => {
          // Also re-keys a cursor whose row went onto the row that took its place.
          if (active.row !== rowKey || active.col !== column.key) setActive(cursorAt(shape, r, c));
        }}
        onClick={() => {
          if (kind === 'flag' && row) toggle(row, column);
        }}
        onDoubleClick={() => {
          if (isEditableKind(kind)) startEdit(null);
        }}
      >
        {edit ? (
          <EditBox
            column={column}
            label={`${column.label}, ${rowName}`}
            edit={edit}
            errorId={errorId}
            onChange={(text) => setEditing({ ...edit, text, error: null })}
            onBlur={onEditBlur}
          />
        ) : (
          <CellContent
            row={row}
            column={column}
            kind={kind}
            prompt={c === 0 ? newRowPrompt : undefined}
            onAction={props.onAction}
          />
        )}
      </td>
    );
  };

  const rowsShown: (DataGridRow | undefined)[] = [...rows];
  if (newRowPrompt !== undefined) rowsShown.push(undefined);
  return (
    <div className="data-grid-frame">
      <p id={`${id}-hint`} className="visually-hidden">
        Arrow keys move between cells. Enter or typing edits a cell, Enter saves and moves down,
        Escape cancels. Space toggles yes or no. Alt with Up or Down moves the row. Control Z
        undoes.
      </p>
      <table
        ref={table}
        role="grid"
        className="data-grid"
        aria-label={label}
        aria-describedby={`${id}-hint`}
        aria-rowcount={rowCount + 1}
        aria-colcount={columns.length}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
      >
        <colgroup>
          {columns.map((column) => (
            <col key={column.key} style={column.width ? { width: column.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((column, c) => (
              <th
                key={column.key}
                role="columnheader"
                aria-colindex={c + 1}
                scope="col"
                className={column.align === 'end' ? 'grid-cell-end' : undefined}
              >
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rowsShown.map((row, r) => (
            <tr
              key={row?.id ?? 'new-row'}
              aria-rowindex={r + 2}
              className={row ? undefined : 'grid-new-row'}
            >
              {columns.map((column, c) => renderCell(row, r, column, c))}
            </tr>
          ))}
        </tbody>
      </table>
      <p id={errorId} role="alert" className="grid-error">
        {editing?.error ?? notice}
      </p>
    </div>
  );
}

interface EditBoxProps {
  column: DataGridColumn;
  label: string;
  edit: Editing;
  errorId: string;
  onChange: (text: string) => void;
  onBlur: (box: HTMLElement) => void;
}

/** The box an edited cell holds; focused (caret at the end) as soon as it appears. */
function EditBox({ column, label, edit, errorId, onChange, onBlur }: EditBoxProps) {
  const ref = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box || document.activeElement === box) return;
    box.focus();
    if (box instanceof HTMLInputElement) box.setSelectionRange(box.value.length, box.value.length);
  }, []);
  const shared = {
    ref,
    className: 'grid-edit',
    'aria-label': label,
    'aria-invalid': edit.error !== null,
    'aria-describedby': errorId,
    value: edit.text,
    onBlur: (event: FocusEvent<HTMLElement>) => onBlur(event.currentTarget),
  };
  if (column.kind === 'choice') {
    return (
      <select {...shared} onChange={(event) => onChange(event.target.value)}>
        {column.choices?.map((choice) => (
          <option key={choice}>{choice}</option>
        ))}
      </select>
    );
  }
  return (
    <input
      {...shared}
      type="text"
      inputMode={column.kind === 'number' ? 'decimal' : undefined}
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

interface CellContentProps {
  row: DataGridRow | undefined;
  column: DataGridColumn;
  kind: CellKind;
  prompt: string | undefined;
  onAction: DataGridProps['onAction'];
}

function CellContent({ row, column, kind, prompt, onAction }: CellContentProps) {
  if (!row) return prompt ? <span className="grid-prompt">{prompt}</span> : null;
  const shown = row.display?.[column.key];
  if (shown !== undefined) return <>{shown}</>;
  const value = row.values[column.key];
  if (kind === 'flag') {
    return (
      <>
        <span aria-hidden="true" className="grid-flag">
          {value === true ? '✓' : ''}
        </span>
        <span className="visually-hidden">{value === true ? 'yes' : 'no'}</span>
      </>
    );
  }
  if (kind === 'action') {
    return (
      <button
        type="button"
        tabIndex={-1}
        className="grid-action"
        aria-label={column.actionName?.(row.name) ?? column.label}
        onClick={() => onAction?.(row.id, column.key)}
      >
        {column.actionText ?? column.label}
      </button>
    );
  }
  return <>{typeof value === 'string' ? value : ''}</>;
}
