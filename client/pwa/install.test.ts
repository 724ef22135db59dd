import { describe, expect, it, vi } from 'vitest';
import { createInstallStore, isIosSafari, type InstallEnvironment } from './install';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IPHONE_CHROME =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1';
const IPAD_DESKTOP_MODE =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15';
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

function environment(
  userAgent = ANDROID_CHROME,
  { standalone = false, maxTouchPoints = 0 } = {},
): InstallEnvironment {
  return Object.assign(new EventTarget(), {
    matchMedia: () => ({ matches: standalone }),
    navigator: { userAgent, maxTouchPoints },
  });
}

function promptEvent(outcome: 'accepted' | 'dismissed') {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  return Object.assign(event, {
    prompt: vi.fn(() => Promise.resolve()),
    userChoice: Promise.resolve({ outcome }),
  });
}

describe('install store', () => {
  it('offers nothing until the browser fires beforeinstallprompt, then a button', () => {
    const env = environment();
    const store = createInstallStore(env);
    const onChange = vi.fn();
    store.subscribe(onChange);
    expect(store.getSnapshot()).toBe('unavailable');
    const event = promptEvent('accepted');
    env.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true); // no mini-infobar: the app offers it
    expect(store.getSnapshot()).toBe('available');
    expect(onChange).toHaveBeenCalledOnce();
  });

  it("calls the event's prompt() on install, once, and says what the user chose", async () => {
    const env = environment();
    const store = createInstallStore(env);
    const event = promptEvent('dismissed');
    env.dispatchEvent(event);
    await expect(store.promptInstall()).resolves.toBe('dismissed');
    expect(event.prompt).toHaveBeenCalledOnce();
    expect(store.getSnapshot()).toBe('unavailable');
    await expect(store.promptInstall()).resolves.toBe('unavailable');
  });

  it('hides the offer after appinstalled and tells who listens', () => {
    const env = environment();
    const store = createInstallStore(env);
    const installed = vi.fn();
    store.onInstalled(installed);
    env.dispatchEvent(promptEvent('accepted'));
    env.dispatchEvent(new Event('appinstalled'));
    expect(store.getSnapshot()).toBe('installed');
    expect(installed).toHaveBeenCalledOnce();
  });

  it('says installed when running standalone', () => {
    expect(
      createInstallStore(environment(ANDROID_CHROME, { standalone: true })).getSnapshot(),
    ).toBe('installed');
  });

  it('gives iOS Safari the Add to Home Screen hint, but not in the installed app', () => {
    expect(createInstallStore(environment(IPHONE_SAFARI)).getSnapshot()).toBe('ios-hint');
    expect(createInstallStore(environment(IPHONE_SAFARI, { standalone: true })).getSnapshot()).toBe(
      'installed',
    );
  });

  it.each([
    [IPHONE_SAFARI, 0, true],
    [IPAD_DESKTOP_MODE, 5, true],
    [IPAD_DESKTOP_MODE, 0, false], // a Mac
    [IPHONE_CHROME, 5, false], // Chrome on iOS cannot add to the home screen the same way
    [ANDROID_CHROME, 5, false],
  ])('isIosSafari(%s, touch points %d) is %s', (userAgent, maxTouchPoints, expected) => {
    expect(isIosSafari({ userAgent, maxTouchPoints })).toBe(expected);
  });
});
