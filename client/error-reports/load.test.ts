import { describe, expect, it, vi } from 'vitest';
import { loadErrorReports } from './load';

const answer =
  (body: unknown, status = 200) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status }));

describe('loadErrorReports', () => {
  it('does not load the module when the server has no DSN', async () => {
    const load = vi.fn();
    expect(await loadErrorReports(answer({ enabled: false }), load)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('does not load it offline or when an old server has no such route', async () => {
    const load = vi.fn();
    expect(await loadErrorReports(() => Promise.reject(new TypeError('offline')), load)).toBe(
      false,
    );
    expect(await loadErrorReports(answer({}, 404), load)).toBe(false);
    expect(load).not.toHaveBeenCalled();
  });

  it('loads and starts it with the DSN when reports are on', async () => {
    const startErrorReports = vi.fn();
    const dsn = 'https://public@glitchtip.example.com/3';
    const ok = await loadErrorReports(answer({ enabled: true, dsn }), () =>
      Promise.resolve({ startErrorReports }),
    );
    expect(ok).toBe(true);
    expect(startErrorReports).toHaveBeenCalledWith(dsn);
  });
});
