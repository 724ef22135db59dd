import { describe, expect, it, vi } from 'vitest';
import { createSwController, registerServiceWorker } from './register-sw';
import type { WorkboxLike } from './register-sw';

type Listener = (event: { sw?: ServiceWorker }) => void;

function fakeWorkbox() {
  const listeners = new Map<string, Listener[]>();
  const wb = {
    addEventListener(type: string, listener: Listener) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
    messageSkipWaiting: vi.fn(),
    update: vi.fn(() => Promise.resolve()),
  };
  const emit = (type: string, event: { sw?: ServiceWorker } = {}) => {
    for (const listener of listeners.get(type) ?? []) listener(event);
  };
  return { wb: wb as WorkboxLike & typeof wb, emit };
}

const worker = (state: ServiceWorkerState) => ({ state }) as ServiceWorker;

describe('service worker update controller', () => {
  it('reports a waiting version to subscribers', () => {
    const { wb, emit } = fakeWorkbox();
    const controller = createSwController(wb, vi.fn());
    const onChange = vi.fn();
    controller.subscribe(onChange);
    expect(controller.getSnapshot()).toBe(false);

    emit('waiting', { sw: worker('installed') });
    expect(controller.getSnapshot()).toBe(true);
    expect(onChange).toHaveBeenCalledOnce();
  });

  it('never reloads or skips waiting without the user', () => {
    const { wb, emit } = fakeWorkbox();
    const reload = vi.fn();
    createSwController(wb, reload);
    emit('waiting', { sw: worker('installed') });
    // The first install claims the page: a controlling event the user did not ask for.
    emit('controlling');
    expect(reload).not.toHaveBeenCalled();
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  });

  it("on the user's go-ahead, skips waiting and reloads once the new version controls", () => {
    const { wb, emit } = fakeWorkbox();
    const reload = vi.fn();
    const controller = createSwController(wb, reload);
    emit('waiting', { sw: worker('installed') });

    controller.applyUpdate();
    expect(wb.messageSkipWaiting).toHaveBeenCalledOnce();
    expect(reload).not.toHaveBeenCalled();
    emit('controlling');
    expect(reload).toHaveBeenCalledOnce();
  });

  it('looks for a new version on demand (a 426), once at a time, not when one waits', async () => {
    const { wb, emit } = fakeWorkbox();
    const controller = createSwController(wb, vi.fn());
    controller.checkForUpdate();
    controller.checkForUpdate();
    expect(wb.update).toHaveBeenCalledOnce();
    await vi.waitFor(() => {
      controller.checkForUpdate();
      expect(wb.update).toHaveBeenCalledTimes(2);
    });
    emit('waiting', { sw: worker('installed') });
    controller.checkForUpdate();
    expect(wb.update).toHaveBeenCalledTimes(2);
  });

  it('just reloads when another tab already activated the waiting version', () => {
    const { wb, emit } = fakeWorkbox();
    const reload = vi.fn();
    const controller = createSwController(wb, reload);
    emit('waiting', { sw: worker('activated') });

    controller.applyUpdate();
    expect(reload).toHaveBeenCalledOnce();
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  });

  it('registers nothing outside production builds', () => {
    expect(import.meta.env.PROD).toBe(false);
    expect(registerServiceWorker().getSnapshot()).toBe(false);
  });
});
