import { describe, expect, it, vi } from 'vitest';
import { loadErrorReports } from './load';

const answer =
  (body: unknown, status = 200) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));
const online = () => Promise.resolve();

describe('loadErrorReports', () => {
  it('does not load the module when the server has no DSN', async () => {
    const load = vi.fn();
    expect(await loadErrorReports({ online, fetchConfig: answer({ enabled: false }), load })).toBe(
      false,
    );
    expect(load).not.toHaveBeenCalled();
  });

  it('does not load it when the request fails or an old server has no such route', async () => {
    const load = vi.fn();
    const failing = () => Promise.reject(new TypeError('network'));
    expect(await loadErrorReports({ online, fetchConfig: failing, load })).toBe(false);
    expect(await loadErrorReports({ online, fetchConfig: answer({}, 404), load })).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('asks only once the browser is online', async () => {
    let goOnline = () => {};
    const fetchConfig = vi.fn(answer({ enabled: false }));
    const done = loadErrorReports({
      online: () => new Promise<void>((resolve) => (goOnline = resolve)),
      fetchConfig,
    });
    await Promise.resolve();
    expect(fetchConfig).not.toHaveBeenCalled();
    goOnline();
    await done;
    expect(fetchConfig).toHaveBeenCalledTimes(1);
  });

  it('loads and starts it with the DSN when reports are on', async () => {
    const startErrorReports = vi.fn();
    const dsn = 'https://public@glitchtip.example.com/3';
    const ok = await loadErrorReports({
      online,
      fetchConfig: answer({ enabled: true, dsn }),
      load: () => Promise.resolve({ startErrorReports }),
    });
    expect(ok).toBe(true);
    expect(startErrorReports).toHaveBeenCalledWith(dsn);
  });
});
