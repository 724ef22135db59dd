// fast-check generators shared by the property tests: hlc states and strings, cells.
import fc from 'fast-check';
import { MAX_COUNTER, formatHlc } from '../hlc';
import type { HlcState } from '../hlc';
import type { Cell } from '../merge';
import { MAX_TIME_MILLIS, MIN_TIME_MILLIS } from '../time';

const HEX = '0123456789abcdef'.split('');

export const nodeIdArb = fc.string({ unit: fc.constantFrom(...HEX), minLength: 16, maxLength: 16 });

/** Counters that often sit at the edges, where overflow happens. */
export const counterArb = fc.oneof(
  fc.integer({ min: 0, max: MAX_COUNTER }),
  fc.constantFrom(0, 1, MAX_COUNTER - 1, MAX_COUNTER),
);

export function hlcStateArb(
  millis: { min: number; max: number } = { min: MIN_TIME_MILLIS, max: MAX_TIME_MILLIS },
  node: fc.Arbitrary<string> = nodeIdArb,
): fc.Arbitrary<HlcState> {
  return fc.record({ millis: fc.integer(millis), counter: counterArb, node });
}

export const hlcArb = hlcStateArb().map(formatHlc);

/**
 * Cells drawn from a small pool so that equal hlcs are common. The value is a function of the
 * hlc: honest nodes never reuse an hlc for another value [M5], and the merge laws are only
 * claimed under that assumption.
 */
const POOL_TIME = 1_790_000_000_000;
const poolHlcArb = fc
  .record({
    millis: fc.integer({ min: POOL_TIME, max: POOL_TIME + 2 }),
    counter: fc.constantFrom(0, 1, MAX_COUNTER),
    node: fc.constantFrom('0000000000000001', 'ffffffffffffffff'),
  })
  .map(formatHlc);

export const cellArb: fc.Arbitrary<Cell<string>> = poolHlcArb.map((hlc) => ({
  value: `v:${hlc}`,
  hlc,
}));

export const FIELD_NAMES = ['name', 'notes', 'qty', '__proto__', 'constructor', 'prototype'];

/** Rows over a few field names, the dangerous ones included, built as JSON.parse would. */
export const cellRowArb = fc
  .array(fc.tuple(fc.constantFrom(...FIELD_NAMES), cellArb), { maxLength: FIELD_NAMES.length })
  .map((entries) => Object.fromEntries(entries) as Record<string, Cell<string>>);
