// What a key does in a DataGrid (data-grid.tsx), as a spreadsheet user expects it:
// arrows, Home/End and PageUp/PageDown move; Tab and Shift+Tab move right and left
// (leaving the grid past its first or last column, so the grid is no keyboard trap);
// Enter or F2 edits (or toggles a yes/no cell), Space toggles, a typed character
// starts an edit that replaces the content, Delete/Backspace starts an empty edit,
// Ctrl/Cmd+Z undoes, Alt+ArrowUp/ArrowDown moves the row (as the phone's list does). While editing: Enter commits and moves down, Tab commits and
// moves sideways, Escape cancels. Pure, so the table of keys can be tested alone.

export type CellKind = 'text' | 'number' | 'choice' | 'flag' | 'readonly' | 'action';

/** The kinds whose cells open an edit box. */
export const isEditableKind = (kind: CellKind): boolean =>
  kind === 'text' || kind === 'number' || kind === 'choice';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export type GridAction =
  | { type: 'move'; rows: number; cols: number }
  | { type: 'jump'; row?: 'first' | 'last'; col: 'first' | 'last' | 'same' }
  | { type: 'edit'; text: string | null }
  | { type: 'toggle' }
  | { type: 'activate' }
  | { type: 'undo' }
  | { type: 'moveRow'; by: number }
  | { type: 'commit'; rows: number; cols: number }
  | { type: 'cancel' }
  | { type: 'none' };

const PAGE = 10;

interface Where {
  kind: CellKind;
  editing: boolean;
  col: number;
  colCount: number;
}

/** The action for `press` in a cell; 'none' leaves the key to the browser. */
export function gridKeyAction(press: KeyPress, where: Where): GridAction {
  const command = press.ctrlKey || press.metaKey;
  if (where.editing) return editingAction(press);
  if (command && !press.altKey && press.key.toLowerCase() === 'z' && !press.shiftKey)
    return { type: 'undo' };
  if (press.altKey && (press.key === 'ArrowUp' || press.key === 'ArrowDown'))
    return { type: 'moveRow', by: press.key === 'ArrowUp' ? -1 : 1 };
  switch (press.key) {
    case 'ArrowUp':
      return { type: 'move', rows: -1, cols: 0 };
    case 'ArrowDown':
      return { type: 'move', rows: 1, cols: 0 };
    case 'ArrowLeft':
      return { type: 'move', rows: 0, cols: -1 };
    case 'ArrowRight':
      return { type: 'move', rows: 0, cols: 1 };
    case 'PageUp':
      return { type: 'move', rows: -PAGE, cols: 0 };
    case 'PageDown':
      return { type: 'move', rows: PAGE, cols: 0 };
    case 'Home':
      return command
        ? { type: 'jump', row: 'first', col: 'first' }
        : { type: 'jump', col: 'first' };
    case 'End':
      return command ? { type: 'jump', row: 'last', col: 'last' } : { type: 'jump', col: 'last' };
    case 'Tab': {
      const next = where.col + (press.shiftKey ? -1 : 1);
      if (next < 0 || next >= where.colCount) return { type: 'none' };
      return { type: 'move', rows: 0, cols: press.shiftKey ? -1 : 1 };
    }
  }
  return startAction(press, where.kind, command);
}

function startAction(press: KeyPress, kind: CellKind, command: boolean): GridAction {
  const enter = press.key === 'Enter' || press.key === 'F2';
  if (kind === 'flag') return enter || press.key === ' ' ? { type: 'toggle' } : { type: 'none' };
  if (kind === 'action')
    return enter || press.key === ' ' ? { type: 'activate' } : { type: 'none' };
  if (kind === 'readonly') return { type: 'none' };
  if (enter) return { type: 'edit', text: null };
  if (press.key === 'Delete' || press.key === 'Backspace') return { type: 'edit', text: '' };
  const printable = press.key.length === 1 || /^\p{L}$/u.test(press.key);
  if (printable && !command && !press.altKey) return { type: 'edit', text: press.key };
  return { type: 'none' };
}

function editingAction(press: KeyPress): GridAction {
  switch (press.key) {
    case 'Enter':
      return { type: 'commit', rows: press.shiftKey ? -1 : 1, cols: 0 };
    case 'Tab':
      return { type: 'commit', rows: 0, cols: press.shiftKey ? -1 : 1 };
    case 'Escape':
      return { type: 'cancel' };
  }
  return { type: 'none' };
}
