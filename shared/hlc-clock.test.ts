import { describe, expect, it } from 'vitest';
import { MAX_DRIFT_MS, initialHlcState, isTooFarAhead, receive, tick } from './hlc-clock';
import { MAX_COUNTER } from './hlc-format';
import type { HlcState } from './hlc-format';
import { MAX_TIME_MILLIS } from './time';

const NODE = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const T = Date.UTC(2026, 10, 26, 1, 5, 54, 123);
const state = (millis: number, counter: number, node = NODE): HlcState => ({
  millis,
  counter,
  node,
});

describe('tick', () => {
  it.each([
    ['wall clock ahead: take it, reset counter', state(T, 7), T + 5, state(T + 5, 0)],
    ['same millisecond: count up', state(T, 7), T, state(T, 8)],
    ['wall clock behind: keep time, count up', state(T, 7), T - 60_000, state(T, 8)],
    ['fractional wall clock is floored', state(T, 7), T + 5.9, state(T + 5, 0)],
    ['[C6] overflow moves 1 ms ahead', state(T, MAX_COUNTER), T - 3, state(T + 1, 0)],
    ['[C6] overflow when the wall clock catches up', state(T, MAX_COUNTER), T + 1, state(T + 1, 0)],
  ])('[C3] %s', (_name, before, now, after) => {
    expect(tick(before, now)).toEqual(after);
  });

  it.each([
    ['NaN wall clock', state(T, 0), NaN],
    ['infinite wall clock', state(T, 0), Infinity],
    ['invalid state', state(T, -1), T],
    ['time beyond year 9999', state(MAX_TIME_MILLIS, MAX_COUNTER), T],
    ['wall clock beyond year 9999', state(T, 0), MAX_TIME_MILLIS + 1],
  ])('[C8] throws RangeError for %s', (_name, before, now) => {
    expect(() => tick(before, now)).toThrow(RangeError);
  });
});

describe('receive', () => {
  it.each([
    ['wall clock ahead of both', state(T, 3), state(T - 1, 9, OTHER), T + 1, state(T + 1, 0)],
    ['local ahead', state(T, 3), state(T - 1, 9, OTHER), T - 5, state(T, 4)],
    ['remote ahead', state(T, 3), state(T + 7, 9, OTHER), T, state(T + 7, 10)],
    ['same millisecond: max counter + 1', state(T, 3), state(T, 9, OTHER), T, state(T, 10)],
    [
      'same millisecond, local counter larger',
      state(T, 12),
      state(T, 9, OTHER),
      T - 1,
      state(T, 13),
    ],
    ['own echoed cell (same node) is accepted', state(T, 3), state(T - 10, 0), T, state(T, 4)],
    ['own clock echoed exactly', state(T, 3), state(T, 3), T, state(T, 4)],
    [
      '[C6] remote counter overflow',
      state(T, 0),
      state(T + 2, MAX_COUNTER, OTHER),
      T,
      state(T + 3, 0),
    ],
    [
      '[C6] both at the max counter',
      state(T, MAX_COUNTER),
      state(T, MAX_COUNTER, OTHER),
      T,
      state(T + 1, 0),
    ],
  ])('[C4] %s', (_name, local, remote, now, after) => {
    expect(receive(local, remote, now)).toEqual(after);
  });

  it('[C4] keeps its own node id', () => {
    expect(receive(state(T, 0), state(T + 1, 0, OTHER), T).node).toBe(NODE);
  });

  it('[C8] rejects an invalid remote state', () => {
    expect(() => receive(state(T, 0), state(T, 0, 'bad'), T)).toThrow(RangeError);
  });
});

describe('isTooFarAhead', () => {
  it.each([
    [T + MAX_DRIFT_MS, false],
    [T + MAX_DRIFT_MS + 1, true],
    [T, false],
    [T - 1_000_000, false],
  ])('[C7] an hlc at %i with server time T: %s', (millis, expected) => {
    expect(isTooFarAhead(state(millis, 0), T)).toBe(expected);
  });

  it('[C7] throws on a server time that is not a number', () => {
    expect(() => isTooFarAhead(state(T, 0), NaN)).toThrow(RangeError);
  });

  it('[C7] the bound is 10 minutes', () => {
    expect(MAX_DRIFT_MS).toBe(600_000);
  });
});

describe('initialHlcState', () => {
  it('[C8] initialHlcState is behind every real time and rejects a bad node', () => {
    expect(initialHlcState(NODE)).toEqual(state(0, 0));
    expect(() => initialHlcState('nope')).toThrow(RangeError);
  });
});
