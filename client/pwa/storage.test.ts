import { describe, expect, it, vi } from 'vitest';
import { describeUsage, formatBytes, readStorageState, requestPersistence } from './storage';

describe('storage state', () => {
  it('reads persistence and usage from the StorageManager', async () => {
    const storage = {
      persisted: async () => false,
      estimate: async () => ({ usage: 1_234_567, quota: 2_000_000_000 }),
    };
    const state = await readStorageState(storage);
    expect(state).toEqual({ supported: true, persisted: false, usage: 1_234_567, quota: 2e9 });
    expect(describeUsage(state, 'en-US')).toBe('1.2 MB of 2 GB');
  });

  it('says unsupported, without throwing, where the browser has no API', async () => {
    const state = await readStorageState({});
    expect(state).toEqual({ supported: false });
    expect(describeUsage(state)).toBeNull();
    await expect(requestPersistence({})).resolves.toBe(false);
    await expect(readStorageState(undefined)).resolves.toEqual({ supported: false });
  });

  it('survives a failing estimate and a failing persisted()', async () => {
    const state = await readStorageState({
      persisted: () => Promise.reject(new Error('nope')),
      estimate: () => Promise.reject(new Error('nope')),
    });
    expect(state).toEqual({ supported: true, persisted: false, usage: null, quota: null });
  });

  it('asks to persist only when not persisted yet', async () => {
    const persist = vi.fn(async () => true);
    await expect(requestPersistence({ persisted: async () => true, persist })).resolves.toBe(true);
    expect(persist).not.toHaveBeenCalled();
    await expect(requestPersistence({ persisted: async () => false, persist })).resolves.toBe(true);
    expect(persist).toHaveBeenCalledOnce();
  });

  it.each([
    [0, 'en-US', '0 byte'],
    [950, 'en-US', '950 byte'],
    [1_234_567, 'en-US', '1.2 MB'],
    [1_234_567, 'de-DE', '1,2 MB'],
    [25_000_000, 'en-US', '25 MB'],
    [2_000_000_000, 'en-US', '2 GB'],
  ])('formatBytes(%d, %s) is %j', (bytes, locale, text) => {
    expect(formatBytes(bytes, locale)).toBe(text);
  });
});
