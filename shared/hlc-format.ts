// Hybrid logical clock (HLC): a wall-clock time in ms, a counter for events within one ms
// (or while the wall clock lags behind a clock already seen), and the id of the node that
// made it. Every cell write is stamped with one; the greater stamp wins the merge.
//
// Wire format (docs/api.md "Sync"): `<ISO UTC time with ms>-<4 lowercase hex counter>-<16 lowercase
// hex nodeId>`, e.g. `2026-11-26T01:05:54.123Z-0000-0123456789abcdef`. Every part has a fixed
// width and one spelling, so comparing two hlc strings compares (millis, counter, node) in
// that order: string order is clock order [C2], and the node id breaks ties deterministically.
//
// This file is the format; hlc-clock.ts advances a clock.
import { formatIsoMillis, isoMillisOfShaped, isTimeMillis } from './time';

export type Hlc = string;

export interface HlcState {
  millis: number;
  counter: number;
  node: string;
}

export const MAX_COUNTER = 0xffff;
/** 16 lowercase hex chars, one per device install. */
export const NODE_ID_PATTERN = /^[0-9a-f]{16}$/;

// The whole wire shape in one pattern (the time part is time.ts's ISO_MILLIS_PATTERN), so a
// well-formed hlc is checked by one regex test and its parts are read at fixed offsets.
const HLC_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/;
/** Where the counter and the node id start in an hlc. */
const COUNTER_AT = 25;
const NODE_AT = 30;

export function isNodeId(s: unknown): s is string {
  return typeof s === 'string' && NODE_ID_PATTERN.test(s);
}

/** A state that formats: e.g. one read back from storage. */
export function isHlcState(value: unknown): value is HlcState {
  if (typeof value !== 'object' || value === null) return false;
  const { millis, counter, node } = value as Partial<Record<keyof HlcState, unknown>>;
  return (
    typeof millis === 'number' &&
    isTimeMillis(millis) &&
    typeof counter === 'number' &&
    Number.isInteger(counter) &&
    counter >= 0 &&
    counter <= MAX_COUNTER &&
    isNodeId(node)
  );
}

/** Throws RangeError unless `state` is a valid state (see isHlcState). */
export function assertHlcState(state: HlcState): void {
  if (!isHlcState(state)) throw new RangeError(`invalid hlc state: ${JSON.stringify(state)}`);
}

/** [C1] Formats a valid state; throws RangeError for anything that has no valid spelling. */
export function formatHlc(state: HlcState): Hlc {
  assertHlcState(state);
  const counter = state.counter.toString(16).padStart(4, '0');
  return `${formatIsoMillis(state.millis)}-${counter}-${state.node}`;
}

/** [C1] Strict parse: exactly the wire format with a real instant in years 0000..9999. */
export function parseHlc(s: string): HlcState | null {
  if (!HLC_PATTERN.test(s)) return null;
  const millis = isoMillisOfShaped(s);
  if (millis === null) return null;
  return {
    millis,
    counter: parseInt(s.slice(COUNTER_AT, NODE_AT - 1), 16),
    node: s.slice(NODE_AT),
  };
}

export function isHlc(s: unknown): s is Hlc {
  return typeof s === 'string' && parseHlc(s) !== null;
}

/**
 * [C2] Orders two hlc strings. Code-unit comparison (`<`), never localeCompare: the order must
 * be the same on every device whatever its locale.
 */
export function compareHlc(a: Hlc, b: Hlc): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** [C2] Orders two states by (millis, counter, node): the same order as their strings. */
export function compareHlcState(a: HlcState, b: HlcState): -1 | 0 | 1 {
  if (a.millis !== b.millis) return a.millis < b.millis ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return compareHlc(a.node, b.node);
}
