// 409 clock_drift against the real server with a hand-moved server clock: a device whose
// clock runs 15 minutes ahead keeps its changes and gets them through once the server's
// clock is within 10 minutes of their stamps (drift.ts says why re-stamping cannot help).
import { describe, expect, it } from 'vitest';
import { MAX_DRIFT_MS } from '../../shared/hlc';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { appTransport } from './test-support/device';
import { manualClock, syncServerPerTest } from './test-support/server';

const MINUTE = 60_000;
const CELLS = Object.keys(SAMPLE_ROWS.items).length - 1;
let clock = manualClock();
const fx = syncServerPerTest(() => {
  clock = manualClock(Date.now());
  return { clock };
});
const item = (id: string) => ({ ...SAMPLE_ROWS.items, id });

describe('sync engine and clock drift (409)', () => {
  it('holds the changes of a device 15 min ahead until the server catches up', async () => {
    const token = await fx.register();
    const skewed = fx.device(token, { now: () => clock.now() + 15 * MINUTE });
    const other = fx.device(token, { now: () => clock.now() });
    await skewed.db.items.add(item('i1'));

    const waiting = await skewed.sync();
    expect(waiting).toMatchObject({ kind: 'retry', cause: 'clock-ahead' });
    const wait = waiting.kind === 'retry' ? (waiting.retryAfterMs ?? 0) : 0;
    expect(wait).toBeGreaterThan(15 * MINUTE - MAX_DRIFT_MS - 1000);
    expect(wait).toBeLessThan(15 * MINUTE - MAX_DRIFT_MS + 5000);
    expect(await skewed.db.outbox.count()).toBe(1); // the row's one entry, held back
    await other.sync();
    expect(await other.db.items.count()).toBe(0);

    clock.advance(wait);
    expect(await skewed.sync()).toMatchObject({ kind: 'synced', pushed: CELLS });
    expect(await skewed.db.outbox.count()).toBe(0);
    await other.sync();
    expect(await other.db.items.get('i1')).toEqual(await skewed.db.items.get('i1'));
  });

  it('still pushes the cells that are not too far ahead, and pulls', async () => {
    const token = await fx.register();
    let skew = 0;
    const device = fx.device(token, { now: () => clock.now() + skew });
    const other = fx.device(token, { now: () => clock.now() });
    await other.db.items.add(item('o1'));
    await other.sync();
    await device.db.items.add(item('i1'));
    skew = 15 * MINUTE; // the clock jumps ahead (a wrong time zone, a bad NTP answer)
    await device.db.items.add(item('i2'));
    expect(await device.sync()).toMatchObject({ kind: 'retry', cause: 'clock-ahead' });
    expect(await device.db.items.get('o1')).toBeDefined();
    expect(new Set((await device.db.outbox.toArray()).map((e) => e.id))).toEqual(new Set(['i2']));
    await other.sync();
    expect(await other.db.items.get('i1')).toBeDefined();
    expect(await other.db.items.get('i2')).toBeUndefined();
  });

  it('is told how long to wait even when the server sends no usable time', async () => {
    const token = await fx.register();
    const direct = appTransport(fx.server().app, token);
    const device = fx.device(token, {
      now: () => clock.now() + 15 * MINUTE,
      transport: async (request) => {
        const answer = await direct(request);
        if (answer.status !== 409) return answer;
        const body = (await answer.json()) as { error: { details: Record<string, unknown> } };
        body.error.details['serverTime'] = 'yesterday';
        return new Response(JSON.stringify(body), { status: 409, headers: answer.headers });
      },
    });
    await device.db.items.add(item('i1'));
    const outcome = await device.sync();
    expect(outcome).toMatchObject({ kind: 'retry', cause: 'clock-ahead' });
    expect(outcome.kind === 'retry' && outcome.retryAfterMs).toBeGreaterThan(0);
    expect(await device.db.outbox.count()).toBe(1); // the row's one entry, held back
  });
});
