// A packing checklist: one native checkbox per line, grouped under list headings.
// Presentational and controlled: a box shows ticked only when `checked` says so,
// and the page passes `checked` from IndexedDB, so nothing looks packed before it
// is stored. Sections and rows are memoized on plain values (a section on the string
// of its lines' ticks), so a tap re-renders one section and one row, not the whole
// list: with two thousand lines that is the difference between a frame and a stall.
import { memo, useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { paletteColor } from './palette';

/** One list's lines to tick, under its heading (the page derives them: domain/checklist.ts). */
export interface ChecklistGroup {
  listId: string;
  name: string;
  color: number | null;
  lines: readonly { itemId: string; name: string; qty: number }[];
}

type ChecklistLine = ChecklistGroup['lines'][number];

interface ChecklistProps {
  groups: readonly ChecklistGroup[];
  checked: ReadonlySet<string>;
  hidePacked: boolean;
  onToggle: (itemId: string, checked: boolean) => void;
}

type Toggle = (itemId: string, checked: boolean) => void;

/** One char per line of the group: '1' ticked, '0' not. */
const ticksOf = (group: ChecklistGroup, checked: ReadonlySet<string>) =>
  group.lines.map((line) => (checked.has(line.itemId) ? '1' : '0')).join('');

export function Checklist({ groups, checked, hidePacked, onToggle }: ChecklistProps) {
  const root = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);
  const ticks = groups.map((group) => ticksOf(group, checked));

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

  const latest = useRef({ groups, ticks, hidePacked, onToggle });
  useLayoutEffect(() => {
    latest.current = { groups, ticks, hidePacked, onToggle };
  });
  // One callback for every row and every render, so memoized rows stay put; it reads
  // the current props through the ref.
  const toggle = useCallback<Toggle>((itemId, next) => {
    const { groups: now, ticks: ticked, hidePacked: hiding, onToggle: report } = latest.current;
    if (hiding && next) {
      const order = now.flatMap((group, g) =>
        group.lines.filter((_, i) => ticked[g]?.[i] !== '1').map((line) => line.itemId),
      );
      const at = order.indexOf(itemId);
      focusNext.current = order[at + 1] ?? order[at - 1] ?? null;
    }
    report(itemId, next);
  }, []);

  return (
    <div className="checklist" ref={root}>
      {groups.map((group, g) => (
        <ChecklistSection
          key={group.listId}
          group={group}
          ticks={ticks[g] ?? ''}
          hidePacked={hidePacked}
          onToggle={toggle}
        />
      ))}
    </div>
  );
}

interface SectionProps {
  group: ChecklistGroup;
  ticks: string;
  hidePacked: boolean;
  onToggle: Toggle;
}

const ChecklistSection = memo(function ChecklistSection({
  group,
  ticks,
  hidePacked,
  onToggle,
}: SectionProps) {
  const lines = group.lines
    .map((line, i) => ({ line, checked: ticks[i] === '1' }))
    .filter(({ checked }) => !(hidePacked && checked));
  if (lines.length === 0) return null;
  const packed = ticks.split('1').length - 1;
  const headingId = `g-${group.listId}`;
  return (
    <section className="checklist-group" aria-labelledby={headingId}>
      <h3 id={headingId} className="checklist-heading">
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
        {lines.map(({ line, checked }) => (
          <CheckRow key={line.itemId} line={line} checked={checked} onToggle={onToggle} />
        ))}
      </ul>
    </section>
  );
});

interface CheckRowProps {
  line: ChecklistLine;
  checked: boolean;
  onToggle: Toggle;
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
        {/* The space keeps "Tent ×2" apart in the accessible name; flex layout ignores it. */}
        {line.qty > 1 && (
          <>
            {' '}
            <span className="check-qty">×{line.qty}</span>
          </>
        )}
      </label>
    </li>
  );
});
