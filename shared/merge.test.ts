import { describe, expect, it } from 'vitest';
import { mergeCell, mergeRow } from './merge';
import type { Cell } from './merge';

const H1 = '2026-11-26T01:05:54.123Z-0000-0123456789abcdef';
const H2 = '2026-11-26T01:05:54.123Z-0001-0123456789abcdef';
const H3 = '2026-11-26T01:05:54.124Z-0000-0000000000000000';
const H2_OTHER_NODE = '2026-11-26T01:05:54.123Z-0001-fedcba9876543210';
const cell = (value: unknown, hlc: string): Cell => ({ value, hlc });

describe('mergeCell', () => {
  it.each([
    ['[M1] greater counter wins', cell('a', H1), cell('b', H2), 'b'],
    ['[M1] greater counter wins from the left', cell('b', H2), cell('a', H1), 'b'],
    [
      '[M1] greater time wins over greater counter and node',
      cell('a', H2_OTHER_NODE),
      cell('b', H3),
      'b',
    ],
    [
      '[M1] the node id breaks a tie of time and counter',
      cell('a', H2_OTHER_NODE),
      cell('b', H2),
      'a',
    ],
    ['[M5] equal hlc keeps the stored cell', cell('stored', H2), cell('incoming', H2), 'stored'],
  ])('%s', (_name, a, b, winner) => {
    expect(mergeCell(a, b).value).toBe(winner);
  });

  it('[M5] equal hlc returns the stored cell itself', () => {
    const stored = cell('x', H1);
    expect(mergeCell(stored, cell('x', H1))).toBe(stored);
  });

  it('[M6] a missing cell loses to anything', () => {
    const b = cell(null, H1);
    expect(mergeCell(undefined, b)).toBe(b);
    expect(mergeCell(b, undefined)).toBe(b);
    expect(mergeCell(undefined, undefined)).toBeUndefined();
  });
});

describe('mergeRow', () => {
  it('[M7] merges field by field and keeps fields present on one side', () => {
    const a = { name: cell('Tent', H2), notes: cell('old', H1), color: cell(3, H1) };
    const b = { name: cell('Tarp', H1), notes: cell('new', H3), deleted: cell(true, H2) };
    expect({ ...mergeRow(a, b) }).toEqual({
      name: cell('Tent', H2),
      notes: cell('new', H3),
      color: cell(3, H1),
      deleted: cell(true, H2),
    });
  });

  it('[M8] ignores __proto__, constructor and prototype from untrusted JSON', () => {
    const untrusted = JSON.parse(
      `{"__proto__": {"value": 1, "hlc": "${H3}", "polluted": true},
        "constructor": {"value": 2, "hlc": "${H3}"},
        "prototype": {"value": 3, "hlc": "${H3}"},
        "name": {"value": "Tent", "hlc": "${H1}"}}`,
    ) as Record<string, Cell>;
    const merged = mergeRow({}, untrusted);
    expect(Object.keys(merged)).toEqual(['name']);
    expect(Object.getPrototypeOf(merged)).toBeNull();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(mergeRow(untrusted, untrusted))).toEqual(['name']);
  });

  it('[M8] reads own fields only, never inherited ones', () => {
    const inherited = Object.create({ name: cell('inherited', H3) }) as Record<string, Cell>;
    expect(Object.keys(mergeRow(inherited, {}))).toEqual([]);
  });

  it('[M8] never mutates its inputs', () => {
    const a = Object.freeze({ name: Object.freeze(cell('a', H1)) });
    const b = Object.freeze({ name: Object.freeze(cell('b', H2)) });
    expect(mergeRow(a, b)['name']).toBe(b.name);
    expect(a.name.value).toBe('a');
  });

  it('[M6] merging with an empty row copies the other side', () => {
    const a = { qty: cell(2, H1) };
    expect({ ...mergeRow(a, {}) }).toEqual(a);
    expect({ ...mergeRow({}, a) }).toEqual(a);
  });
});
