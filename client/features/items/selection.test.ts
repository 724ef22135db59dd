import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allState, selectedOf, setRange, toggle } from './selection';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('row selection', () => {
  it('toggles one row', () => {
    const one = toggle(new Set(), 'b', true);
    expect([...one]).toEqual(['b']);
    expect([...toggle(one, 'b', false)]).toEqual([]);
  });

  it('sets the range from the anchor, in either direction', () => {
    expect(selectedOf(setRange(new Set(['a']), ids, 'b', 'd', true), ids)).toEqual([
      'a',
      'b',
      'c',
      'd',
    ]);
    expect(selectedOf(setRange(new Set(ids), ids, 'd', 'b', false), ids)).toEqual(['a', 'e']);
    // No anchor (or one filtered away): only the clicked row.
    expect(selectedOf(setRange(new Set(), ids, 'gone', 'c', true), ids)).toEqual(['c']);
    expect(selectedOf(setRange(new Set(), ids, null, 'c', true), ids)).toEqual(['c']);
  });

  it('a range covers exactly the rows between anchor and target', () => {
    fc.assert(
      fc.property(fc.nat(4), fc.nat(4), fc.boolean(), (from, to, value) => {
        const start = new Set(value ? [] : ids);
        const range = setRange(start, ids, ids[from] ?? null, ids[to] ?? '', value);
        ids.forEach((id, i) => {
          const inside = i >= Math.min(from, to) && i <= Math.max(from, to);
          expect(range.has(id)).toBe(inside ? value : !value);
        });
      }),
    );
  });

  it('says none, some (mixed) or all for the select-all box', () => {
    expect(allState(new Set(), ids)).toBe(false);
    expect(allState(new Set(['a', 'zzz']), ids)).toBe('mixed');
    expect(allState(new Set(ids), ids)).toBe(true);
    expect(allState(new Set(['zzz']), ids)).toBe(false);
  });
});
