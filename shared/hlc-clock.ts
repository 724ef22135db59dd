// Advancing a hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): a
// local event (tick) or taking in a remote clock (receive) gives a state strictly greater than
// everything this node has made or seen, and never behind the wall clock [C3-C5]. Whatever the
// wall clock does (stalls, jumps back after an NTP fix, jumps ahead), stamps keep increasing.
//
// Pure, unlike Actual Budget's singleton: the current time is always an argument, the node id
// comes from the caller, and the caller keeps the state (the client persists it in IndexedDB
// within each write transaction, so tabs and restarts share one clock).
import { MAX_COUNTER, assertHlcState } from './hlc-format';
import type { HlcState } from './hlc-format';
import { isTimeMillis } from './time';

/** How far ahead of the server's clock a pushed hlc may be (docs/api.md: 409 clock_drift). */
export const MAX_DRIFT_MS = 10 * 60 * 1000;

/** A fresh clock for a node: behind every real time, so the first tick takes the wall clock. */
export function initialHlcState(node: string): HlcState {
  const state = { millis: 0, counter: 0, node };
  assertHlcState(state);
  return state;
}

/** [C3] A local event or send: strictly after `state`, never behind the wall clock. */
export function tick(state: HlcState, nowMillis: number): HlcState {
  assertHlcState(state);
  const millis = Math.max(state.millis, wallClock(nowMillis));
  return advance(state.node, millis, millis === state.millis ? state.counter + 1 : 0);
}

/**
 * [C4] Receiving a remote clock: strictly after both `state` and `remote`. A remote from this
 * same node is accepted, not an error: the server echoes the pusher's own winning cells back
 * (docs/api.md "Sync"), and for them the rule is harmless (the result is still greater than both).
 * No drift check here either: the server already bounds what it accepts [C7], and a phone
 * whose clock runs slow must still be able to take in newer cells.
 */
export function receive(state: HlcState, remote: HlcState, nowMillis: number): HlcState {
  assertHlcState(state);
  assertHlcState(remote);
  const millis = Math.max(state.millis, remote.millis, wallClock(nowMillis));
  let counter = 0; // the wall clock is ahead of both: a fresh millisecond
  if (millis === state.millis && millis === remote.millis) {
    counter = Math.max(state.counter, remote.counter) + 1;
  } else if (millis === state.millis) {
    counter = state.counter + 1;
  } else if (millis === remote.millis) {
    counter = remote.counter + 1;
  }
  return advance(state.node, millis, counter);
}

/**
 * [C7] Strictly more than MAX_DRIFT_MS ahead of the server's clock. Throws on a non-finite
 * server time rather than letting NaN compare false and switch the check off.
 */
export function isTooFarAhead(hlc: HlcState, serverNowMillis: number): boolean {
  return hlc.millis - wallClock(serverNowMillis) > MAX_DRIFT_MS;
}

/**
 * [C6] On counter overflow the logical time moves 1 ms ahead of the wall clock and the counter
 * restarts, rather than failing: a write must never be refused because 65 536 of them landed
 * in one millisecond, and the next wall-clock tick catches up. The result stays monotonic
 * because (m + 1, 0) > (m, 0xffff).
 */
function advance(node: string, millis: number, counter: number): HlcState {
  const next =
    counter > MAX_COUNTER ? { millis: millis + 1, counter: 0, node } : { millis, counter, node };
  if (!isTimeMillis(next.millis)) throw new RangeError(`hlc time beyond year 9999: ${next.millis}`);
  return next;
}

function wallClock(nowMillis: number): number {
  if (!Number.isFinite(nowMillis)) throw new RangeError(`wall clock is not a number: ${nowMillis}`);
  return Math.floor(nowMillis);
}
