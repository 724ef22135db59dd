import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROPERTY_SEED, assertProperty } from './property';

describe('property test helper', () => {
  it('uses the fixed default seed unless PYB_SEED is set', () => {
    expect(Number.isSafeInteger(PROPERTY_SEED)).toBe(true);
  });

  it('passes a property that holds', () => {
    expect(() =>
      assertProperty(
        'holds',
        fc.property(fc.nat(), (n) => n >= 0),
      ),
    ).not.toThrow();
  });

  it('reports the seed, the counterexample and the replay command on failure', () => {
    let message = '';
    try {
      assertProperty(
        "[X1] fails 'quoted'",
        fc.property(fc.nat(), (n) => n < 10),
        { seed: 42 },
      );
    } catch (error) {
      message = error instanceof Error ? error.message : '';
    }
    expect(message).toContain('seed: 42');
    expect(message).toContain('Counterexample: [10]');
    // Rule ids are escaped for -t (a regular expression), quotes for the shell.
    expect(message).toContain(
      `PYB_SEED=42 npx vitest run --project shared -t '\\[X1\\] fails '\\''quoted'\\'''`,
    );
  });
});
