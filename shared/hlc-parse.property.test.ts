// parseHlc reads a well-formed hlc at fixed offsets after one whole-string pattern test
// (a push parses one per cell). This holds it to the plain definition it replaced: split
// into <24-char time>-<4 hex>-<16 hex>, then the strict time parse of time.ts.
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { formatHlc, parseHlc } from './hlc';
import { hlcStateArb } from './test-support/arbitraries';
import { checkProperty } from './test-support/property';

function referenceParse(s: string) {
  const match = /^(.{24})-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(s);
  if (!match) return null;
  const [, time = '', counter = '', node = ''] = match;
  // Independent of time.ts (parseHlc shares its parser and its cache of checked minutes):
  // a strict time is one that formats back to itself.
  const ms = Date.parse(time);
  const millis = Number.isFinite(ms) && new Date(ms).toISOString() === time ? ms : null;
  return millis === null ? null : { millis, counter: parseInt(counter, 16), node };
}

// Real hlcs, and real hlcs with one character replaced: impossible dates, a 60th second,
// upper-case hex, a missing dash, a digit where a letter belongs.
const mutatedArb = fc
  .tuple(
    hlcStateArb().map(formatHlc),
    fc.nat(45),
    fc.constantFrom('0', '1', '2', '3', '5', '6', '9', 'a', 'F', '-', 'T', ':', '.', 'Z', ' '),
  )
  .map(([hlc, at, char]) => hlc.slice(0, at) + char + hlc.slice(at + 1));
// The same minute over and over, so the parser's cache of checked minutes is exercised.
const sameMinuteArb = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 999 }))
  .map(
    ([second, ms]) =>
      `2026-02-28T23:59:${String(second).padStart(2, '0')}.${String(ms).padStart(3, '0')}Z-00a0-0123456789abcdef`,
  );

describe('parseHlc', () => {
  checkProperty(
    '[C1] parseHlc gives what the plain split-and-parse definition gives',
    fc.property(
      fc.array(fc.oneof(hlcStateArb().map(formatHlc), mutatedArb, sameMinuteArb), {
        minLength: 1,
        maxLength: 20,
      }),
      (hlcs) => {
        for (const hlc of hlcs) expect(parseHlc(hlc)).toEqual(referenceParse(hlc));
      },
    ),
  );
});
