import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  MAX_DRIFT_MS,
  compareHlc,
  compareHlcState,
  formatHlc,
  isTooFarAhead,
  parseHlc,
  receive,
  tick,
} from './hlc';
import type { HlcState } from './hlc';
import { hlcArb, hlcStateArb, nodeIdArb } from './test-support/arbitraries';
import { checkProperty } from './test-support/property';

const NODE = '0123456789abcdef';
const T = Date.UTC(2026, 10, 26, 1, 5, 54, 123);

// Times near T (so equal milliseconds and counter clashes are common) or far from it (big
// jumps of the wall clock, forwards and backwards, and remote clocks far ahead or behind).
const near = { min: T - 5, max: T + 5 };
const far = { min: T - 1e10, max: T + 1e10 };
const nowArb = fc.oneof(fc.integer(near), fc.integer(far), fc.double({ ...near, noNaN: true }));
const remoteArb = fc.oneof(
  hlcStateArb(near),
  hlcStateArb(far),
  hlcStateArb(near, fc.constant(NODE)),
);

type Op = { kind: 'tick'; now: number } | { kind: 'receive'; now: number; remote: HlcState };
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('tick' as const), now: nowArb }),
  fc.record({ kind: fc.constant('receive' as const), now: nowArb, remote: remoteArb }),
);

describe('hlc properties', () => {
  checkProperty(
    '[C5] every produced hlc is strictly greater than the one before, as string and as state',
    fc.property(
      hlcStateArb(near, fc.constant(NODE)),
      fc.array(opArb, { maxLength: 60 }),
      (start, ops) => {
        let prev = start;
        for (const op of ops) {
          const next = op.kind === 'tick' ? tick(prev, op.now) : receive(prev, op.remote, op.now);
          expect(compareHlcState(next, prev)).toBe(1);
          expect(formatHlc(next) > formatHlc(prev)).toBe(true);
          expect(next.node).toBe(NODE);
          expect(next.millis).toBeGreaterThanOrEqual(Math.floor(op.now));
          if (op.kind === 'receive') {
            // [C4] a later local write must beat what was just received.
            expect(compareHlcState(next, op.remote)).toBe(1);
            expect(formatHlc(next) > formatHlc(op.remote)).toBe(true);
          }
          // [C6] overflow runs at most 1 ms ahead of the greatest time involved.
          const latest = Math.max(
            prev.millis,
            Math.floor(op.now),
            op.kind === 'receive' ? op.remote.millis : -Infinity,
          );
          expect(next.millis).toBeLessThanOrEqual(latest + 1);
          prev = next;
        }
      },
    ),
  );

  checkProperty(
    '[C2] formatted hlcs parse back identically',
    fc.property(hlcStateArb(), (state) => {
      expect(parseHlc(formatHlc(state))).toEqual(state);
    }),
  );

  checkProperty(
    '[C2] parsed hlcs format back identically',
    fc.property(hlcArb, (hlc) => {
      const state = parseHlc(hlc);
      expect(state).not.toBeNull();
      if (state) expect(formatHlc(state)).toBe(hlc);
    }),
  );

  checkProperty(
    '[C2] string order is clock order',
    fc.property(hlcStateArb(), hlcStateArb(), (a, b) => {
      expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(compareHlcState(a, b));
    }),
  );

  checkProperty(
    '[C2] string order is clock order for close clocks',
    fc.property(hlcStateArb(near, nodeIdArb), hlcStateArb(near, nodeIdArb), (a, b) => {
      expect(compareHlc(formatHlc(a), formatHlc(b))).toBe(compareHlcState(a, b));
    }),
  );

  const mutationArb = fc.tuple(
    hlcArb,
    fc.nat(),
    fc.constantFrom(...'0123456789abcdefABCDEFTZz-:.+ x\u0660'.split('')),
  );
  checkProperty(
    '[C1] one spelling: a one-character change of an hlc is rejected or is another valid hlc',
    fc.property(mutationArb, ([hlc, at, char]) => {
      const i = at % hlc.length;
      const mutated = hlc.slice(0, i) + char + hlc.slice(i + 1);
      const state = parseHlc(mutated);
      if (state) expect(formatHlc(state)).toBe(mutated);
    }),
  );

  // Random strings alone almost never look like an hlc, so the guarded check would not run:
  // the candidates are also valid hlcs, and hlcs with a random piece spliced in or a letter's
  // case flipped (near misses that only a strict parser refuses).
  const nearMissArb = fc
    .tuple(hlcArb, fc.nat(), fc.nat({ max: 3 }), fc.string({ maxLength: 3 }))
    .map(([hlc, at, cut, piece]) => {
      const i = at % (hlc.length + 1);
      return hlc.slice(0, i) + piece + hlc.slice(i + cut);
    });
  const flippedArb = fc.tuple(hlcArb, fc.nat()).map(([hlc, at]) => {
    const i = at % hlc.length;
    const c = hlc.charAt(i);
    const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
    return hlc.slice(0, i) + flipped + hlc.slice(i + 1);
  });
  const candidateArb = fc.oneof(
    fc.record({ s: hlcArb, valid: fc.constant(true) }),
    fc.record({
      s: fc.oneof(fc.string({ maxLength: 60 }), nearMissArb, flippedArb),
      valid: fc.constant(false),
    }),
  );
  checkProperty(
    '[C1] parseHlc never throws and accepts only strings that format back',
    fc.property(candidateArb, ({ s, valid }) => {
      const state = parseHlc(s);
      if (valid) expect(state, s).not.toBeNull();
      if (state) expect(formatHlc(state)).toBe(s);
    }),
  );

  checkProperty(
    '[C7] too far ahead exactly when more than 10 minutes ahead',
    fc.property(hlcStateArb(far), fc.integer(far), (hlc, now) => {
      expect(isTooFarAhead(hlc, now)).toBe(hlc.millis > now + MAX_DRIFT_MS);
    }),
  );
});
