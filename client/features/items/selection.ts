// Multi-select of table rows, as pure functions over a set of ids: toggle one, set a
// range (Shift+click, from the last row clicked), and the select-all box's state. The
// order of `ids` is the order on screen.
export type Selection = ReadonlySet<string>;

/** `id` set to `selected`. */
export function toggle(selection: Selection, id: string, selected: boolean): Selection {
  const next = new Set(selection);
  if (selected) next.add(id);
  else next.delete(id);
  return next;
}

/**
 * Every row from `anchor` to `id` (either way round) set to `selected`, as spreadsheets
 * and file managers do on Shift+click; without a visible anchor, just `id`.
 */
export function setRange(
  selection: Selection,
  ids: readonly string[],
  anchor: string | null,
  id: string,
  selected: boolean,
): Selection {
  const end = ids.indexOf(id);
  const start = anchor === null ? -1 : ids.indexOf(anchor);
  if (end < 0) return selection;
  if (start < 0) return toggle(selection, id, selected);
  const next = new Set(selection);
  for (const rowId of ids.slice(Math.min(start, end), Math.max(start, end) + 1)) {
    if (selected) next.add(rowId);
    else next.delete(rowId);
  }
  return next;
}

/** The select-all box: checked when every row is, mixed when some are. */
export function allState(selection: Selection, ids: readonly string[]): boolean | 'mixed' {
  const count = ids.filter((id) => selection.has(id)).length;
  if (count === 0) return false;
  return count === ids.length ? true : 'mixed';
}

/** The selected rows among `ids`, in screen order (hidden rows are not acted on). */
export function selectedOf(selection: Selection, ids: readonly string[]): string[] {
  return ids.filter((id) => selection.has(id));
}
