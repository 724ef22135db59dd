import { describe, expect, it } from 'vitest';
import { withCommitted } from './use-committed-checks';

describe('withCommitted (the trip page between a commit and the live re-read)', () => {
  it('keeps the live set itself when nothing is committed, so memoized rows stay put', () => {
    const live = new Set(['a']);
    expect(withCommitted(live, new Map())).toBe(live);
  });

  it('lays committed checks and unchecks over the live set, without changing it', () => {
    const live = new Set(['a', 'b']);
    const shown = withCommitted(
      live,
      new Map([
        ['b', false],
        ['c', true],
      ]),
    );
    expect([...shown].sort()).toEqual(['a', 'c']);
    expect([...live].sort()).toEqual(['a', 'b']);
  });
});
