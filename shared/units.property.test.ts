import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { GRAMS_PER_UNIT, WEIGHT_UNITS, fromGrams, toGrams } from './units';
import { checkProperty } from './test-support/property';

const unitArb = fc.constantFrom(...WEIGHT_UNITS);
// Zero, or normal numbers from a microgram up: subnormal doubles (below ~2e-308) lose relative
// precision in any division, and no weight is that small.
const valueArb = fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e7, noNaN: true }));

describe('unit properties', () => {
  checkProperty(
    '[W2] fromGrams(toGrams(x, u), u) equals x within 1e-9 relative',
    fc.property(valueArb, unitArb, (x, unit) => {
      const back = fromGrams(toGrams(x, unit), unit);
      expect(Math.abs(back - x)).toBeLessThanOrEqual(1e-9 * Math.abs(x));
    }),
  );

  checkProperty(
    '[W2] toGrams(fromGrams(g, u), u) equals g within 1e-9 relative',
    fc.property(valueArb, unitArb, (grams, unit) => {
      const back = toGrams(fromGrams(grams, unit), unit);
      expect(Math.abs(back - grams)).toBeLessThanOrEqual(1e-9 * Math.abs(grams));
    }),
  );

  checkProperty(
    '[W1] whole numbers of a unit convert with the exact factor',
    fc.property(fc.integer({ min: 0, max: 10000 }), unitArb, (n, unit) => {
      expect(toGrams(n, unit)).toBe(n * GRAMS_PER_UNIT[unit]);
    }),
  );

  checkProperty(
    '[W2] conversion keeps order',
    fc.property(valueArb, valueArb, unitArb, (a, b, unit) => {
      if (a <= b) expect(toGrams(a, unit)).toBeLessThanOrEqual(toGrams(b, unit));
    }),
  );
});
