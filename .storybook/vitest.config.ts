// The story tests (`npm run test:stories`): every story in client/ renders in real
// Chromium, once in the light theme and once in the dark, and axe checks it
// (parameters.a11y.test = 'error' in preview.tsx). A node project checks the built
// gallery's index (run `npm run build-storybook` first).
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium';

const root = fileURLToPath(new URL('..', import.meta.url));

// Debian's Chromium, launched as the e2e suite launches it (README gotchas).
const chromium = playwright({
  launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS },
});

export default defineConfig({
  root,
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        oxc: { jsx: { runtime: 'automatic' } },
        // Found late, these would make Vite re-optimize and reload mid-run (a flaky
        // "Failed to fetch dynamically imported module" on a clean clone).
        optimizeDeps: { include: ['dexie', 'fractional-indexing', 'uuidv7', 'wouter', 'zod'] },
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('.', import.meta.url)) })],
        test: {
          name: 'stories',
          setupFiles: ['.storybook/vitest.setup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: chromium,
            instances: [
              { browser: 'chromium', name: 'light', provide: { theme: 'light' } },
              { browser: 'chromium', name: 'dark', provide: { theme: 'dark' } },
            ],
          },
        },
      },
      {
        extends: true,
        test: { name: 'gallery-index', include: ['.storybook/gallery-index.test.ts'] },
      },
    ],
  },
});
