// Fails the whole browser suite at once, with install instructions, when there
// is no Chromium or no build: better one clear message than every test timing out.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../server/paths';
import { chromiumPath } from './chromium';

export default function setup(): void {
  chromiumPath();
  for (const file of ['dist/client/index.html', 'dist/server/main.js']) {
    if (!existsSync(join(PACKAGE_ROOT, file))) {
      throw new Error(
        `${file} is missing: run "npm run build" before the browser tests (npm test does).`,
      );
    }
  }
}
