// Browser tests: real Chromium (Debian's) driven by playwright-core against the
// real built server. Files run one at a time: each starts its own server and
// browser, and two Chromiums at once on a 2-core machine only make both flaky.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    globalSetup: ['e2e/support/global-setup.ts'],
  },
});
