// A packing checklist: one native checkbox per line, grouped under list headings.
// Presentational and controlled: a box shows ticked only when `checked` says so,
// and the page passes `checked` from IndexedDB, so nothing looks packed before it
// is stored. Rows are memoized: a tap re-renders one row, not two thousand.
import { memo, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import type { ChecklistGroup, ChecklistLine } from '../domain/checklist';
import { paletteColor } from './palette';

interface ChecklistProps {
  groups: readonly ChecklistGroup[];
  checked: ReadonlySet<string>;
  hidePacked: boolean;
  onToggle: (itemId: string, checked: boolean) => void;
}

export function Checklist({ groups, checked, hidePacked, onToggle }: ChecklistProps) {
  const root = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);

  // With packed items hidden, a ticked line disappears; keep a keyboard user's place
  // by moving focus to the line that followed it, once the tick has come back stored.
  useEffect(() => {
    const target = focusNext.current;
    if (target === null || !root.current) return;
    const active = document.activeElement;
    if (active && active !== document.body && root.current.contains(active)) return;
    const box = root.current.querySelector<HTMLInputElement>(`[data-item="${CSS.escape(target)}"]`);
    if (box) {
      focusNext.current = null;
      box.focus();
    }
  });

  const visible = groups
    .map((group) => ({
      group,
      lines: hidePacked ? group.lines.filter((l) => !checked.has(l.itemId)) : group.lines,
    }))
    .filter(({ lines }) => lines.length > 0);

  const latest = useRef({ visible, hidePacked, onToggle });
  useLayoutEffect(() => {
    latest.current = { visible, hidePacked, onToggle };
  });
  // One callback for every row and every render, so memoized rows stay put; it reads
  // the current props through the ref.
  const toggle = useCallback((itemId: string, next: boolean) => {
    const { visible: now, hidePacked: hiding, onToggle: report } = latest.current;
    if (hiding && next) {
      const order = now.flatMap(({ lines }) => lines.map((l) => l.itemId));
      const at = order.indexOf(itemId);
      focusNext.current = order[at + 1] ?? order[at - 1] ?? null;
    }
    report(itemId, next);
  }, []);

  return (
    <div className="checklist" ref={root}>
      {visible.map(({ group, lines }) => {
        const packed = group.lines.filter((l) => checked.has(l.itemId)).length;
        return (
          <section
            key={group.listId}
            className="checklist-group"
            aria-labelledby={`g-${group.listId}`}
          >
            <h3 id={`g-${group.listId}`} className="checklist-heading">
              <span
                className="checklist-dot"
                style={{ background: paletteColor(group.color) ?? 'var(--border)' }}
                aria-hidden="true"
              />
              <span className="checklist-heading-name">{group.name}</span>
              <span className="checklist-count">
                {packed} of {group.lines.length}
              </span>
            </h3>
            <ul className="checklist-lines">
              {lines.map((line) => (
                <CheckRow
                  key={line.itemId}
                  line={line}
                  checked={checked.has(line.itemId)}
                  onToggle={toggle}
                />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

interface CheckRowProps {
  line: ChecklistLine;
  checked: boolean;
  onToggle: (itemId: string, checked: boolean) => void;
}

const CheckRow = memo(function CheckRow({ line, checked, onToggle }: CheckRowProps) {
  return (
    <li>
      <label className={checked ? 'check-line check-line-packed' : 'check-line'}>
        <input
          type="checkbox"
          data-item={line.itemId}
          checked={checked}
          onChange={() => onToggle(line.itemId, !checked)}
        />
        <span className="check-name">{line.name}</span>
        {line.qty > 1 && <span className="check-qty">×{line.qty}</span>}
      </label>
    </li>
  );
});
