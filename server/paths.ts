// Where the server finds files that ship with it. Both the TypeScript sources
// (server/paths.ts) and the bundle (dist/server/main.js) sit below the package
// root, so the root is found by walking up to our package.json rather than by a
// fixed relative path that would differ between the two.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'packyourbag'
    )
      return dir;
    if (dirname(dir) === dir)
      throw new Error(`Cannot find the packyourbag package root above ${start}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
export const MIGRATIONS_DIR = join(PACKAGE_ROOT, 'server', 'db', 'migrations');
export const CLIENT_BUILD_DIR = join(PACKAGE_ROOT, 'dist', 'client');
export const APP_VERSION = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;
