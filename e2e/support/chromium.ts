// Finds Debian's Chromium and launches it the way this environment needs: no
// sandbox (root in CI), no GPU, and none of Chrome's background traffic (the
// network is closed, and those connections only slow start-up down).
import { existsSync } from 'node:fs';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function chromiumPath(): string {
  const configured = process.env['CHROME_PATH'];
  // An explicit CHROME_PATH is used alone: silently falling back would test another browser.
  const candidates = configured ? [configured] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found for the browser tests (looked at ${candidates.join(', ')}).\n` +
        'Install it with:  sudo apt-get update && sudo apt-get install -y chromium\n' +
        'or point CHROME_PATH at a Chrome/Chromium binary. (.ci/run installs it automatically.)',
    );
  }
  return found;
}

/**
 * A persistent profile on disk: IndexedDB and the service worker behave as in a real install.
 * Locale en-US, so digits are grouped the same on every machine ([W8]); units stay metric ([W9]).
 */
export function launchPersistent(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 390, height: 844 },
    // Weights and prices are spelled in the browser's locale (Intl): one fixed locale
    // keeps the expected texts the same on every machine ("1.32 kg", "1,320 g").
    locale: 'en-US',
  });
}
