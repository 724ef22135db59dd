import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ChecklistGroup } from './checklist';
import { Checklist } from './checklist';

const groups: ChecklistGroup[] = [
  {
    listId: 'k',
    name: 'Kitchen',
    color: 1,
    lines: [
      { itemId: 'stove', name: 'Stove', qty: 1 },
      { itemId: 'gas', name: 'Gas', qty: 2 },
    ],
  },
  { listId: 's', name: 'Sleep', color: null, lines: [{ itemId: 'bag', name: 'Bag', qty: 1 }] },
];
const render = (checked: string[], hidePacked = false) =>
  renderToStaticMarkup(
    <Checklist
      groups={groups}
      checked={new Set(checked)}
      hidePacked={hidePacked}
      onToggle={() => undefined}
    />,
  );

describe('Checklist', () => {
  it('puts each checkbox inside a label with the name, and the quantity above one', () => {
    const html = render([]);
    expect(html).toMatch(
      /<label class="check-line"><input type="checkbox" data-item="stove"\/><span class="check-name">Stove<\/span><\/label>/,
    );
    expect(html).toContain('<span class="check-name">Gas</span> <span class="check-qty">×2</span>');
  });

  it('ticks exactly the checked items and counts them per list', () => {
    const html = render(['gas']);
    expect(html.match(/checked=""/g)).toHaveLength(1);
    expect(html).toMatch(/data-item="gas" checked=""/);
    expect(html).toContain('1 of 2');
    expect(html).toContain('0 of 1');
  });

  it('hides packed items, and a list whose items are all packed', () => {
    const html = render(['gas', 'bag'], true);
    expect(html).toContain('Stove');
    expect(html).not.toContain('Gas');
    expect(html).not.toContain('Sleep');
  });
});
