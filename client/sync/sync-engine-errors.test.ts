// Failed syncs: every outcome is a value, and none of them loses or half-applies anything.
import { describe, expect, it } from 'vitest';
import { errorBody, type ErrorCode } from '../../shared/errors';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { NotSignedInError } from './transport';
import { appTransport, type DeviceOptions } from './test-support/device';
import { syncServerPerTest } from './test-support/server';

const fx = syncServerPerTest();
const item = { ...SAMPLE_ROWS.items, id: 'i1' };

const errorAnswer = (status: number, code: ErrorCode, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(errorBody(code, `said ${code}`)), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

async function deviceWith(options: Partial<DeviceOptions>) {
  const device = fx.device('unused', options);
  await device.db.items.add(item);
  return device;
}

describe('sync engine failures', () => {
  it('is offline when the request gets no answer, and keeps the outbox', async () => {
    const device = await deviceWith({ transport: () => Promise.reject(new TypeError('fetch')) });
    expect(await device.sync()).toEqual({ kind: 'offline' });
    expect(await device.db.outbox.count()).toBe(1); // the row's one entry
  });

  it('is signed out without a session, or when the server refuses the token', async () => {
    const none = await deviceWith({ transport: () => Promise.reject(new NotSignedInError()) });
    expect(await none.sync()).toEqual({ kind: 'signed-out' });
    const refused = fx.device('not-a-token');
    expect(await refused.sync()).toEqual({ kind: 'signed-out' });
  });

  it('reports a change the server refuses (400) with its reason, and keeps it', async () => {
    const token = await fx.register();
    const device = fx.device(token);
    await device.db.items.add(item);
    const hlc = (await device.db.outbox.toArray())[0]?.hlc ?? '';
    await device.db.outbox.add({ table: 'items', id: 'i2', values: { weightGrams: 'x' }, hlc });
    const outcome = await device.sync();
    expect(outcome).toMatchObject({ kind: 'error' });
    expect(outcome.kind === 'error' && outcome.reason).toMatch(
      /^changes\[\d+\]: invalid value for items.weightGrams/,
    );
    expect(await device.db.outbox.count()).toBe(2); // the item's entry and the bad one
    expect(await device.db.meta.get('cursor')).toBeUndefined();
  });

  it('asks to retry after a 429 or 5xx, with Retry-After when given', async () => {
    const busy = await deviceWith({
      transport: async () => errorAnswer(429, 'rate_limited', { 'Retry-After': '7' }),
    });
    expect(await busy.sync()).toMatchObject({ kind: 'retry', cause: 'server', retryAfterMs: 7000 });
    const down = await deviceWith({ transport: async () => new Response('oops', { status: 502 }) });
    expect(await down.sync()).toMatchObject({ kind: 'retry', cause: 'server', retryAfterMs: null });
    expect(await down.db.outbox.count()).toBe(1); // the row's one entry
  });

  it('says the app is too old on 426', async () => {
    const old = await deviceWith({ transport: async () => errorAnswer(426, 'upgrade_required') });
    const outcome = await old.sync();
    expect(outcome.kind === 'error' && outcome.reason).toMatch(/reload/);
    expect(outcome).toMatchObject({ kind: 'error', upgrade: true });
  });

  it('refuses a whole answer with an invalid cell, applying none of it', async () => {
    const token = await fx.register();
    const direct = appTransport(fx.server().app, token);
    const device = await deviceWith({
      transport: async (request) => {
        const body = (await (await direct(request)).json()) as { changes: unknown[] };
        body.changes.push({ table: 'items', id: 'i9', field: 'nope', value: 1, hlc: 'h' });
        return new Response(JSON.stringify(body), { status: 200 });
      },
    });
    const outcome = await device.sync();
    expect(outcome.kind === 'error' && outcome.reason).toMatch(/invalid change/);
    expect(await device.db.outbox.count()).toBe(1); // the row's one entry
    expect(await device.db.meta.get('cursor')).toBeUndefined();
    expect(await device.db.items.get('i9')).toBeUndefined();
  });
});
