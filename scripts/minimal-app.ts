// The peer the app is measured against where a figure depends on what any React + Dexie
// PWA pays (bench-bundle.ts, bench-cold-start.ts): a minimal app built here with the same
// Vite, resolving react, react-dom and dexie from this repository, so the same versions.
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const MINIMAL_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>minimal</title></head>
  <body><div id="root"></div><script type="module" src="/main.tsx"></script></body>
</html>
`;

/** Renders one React component that opens a Dexie database and counts its rows. */
export const COUNTING_MAIN = `import { Dexie } from 'dexie';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';

const db = new Dexie('minimal');
db.version(1).stores({ items: 'id' });

function App() {
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    void db.table('items').count().then(setCount);
  }, []);
  return <p>{count === null ? 'Loading' : \`\${count} items\`}</p>;
}

createRoot(document.getElementById('root')!).render(<App />);
`;

/**
 * Builds `main` (the source of main.tsx) as a production app in a fresh directory and
 * returns it; the built files are in `<dir>/dist`. The caller removes `dir`.
 */
export async function buildMinimalApp(main: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pyb-minimal-app-'));
  try {
    await symlink(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    await writeFile(join(dir, 'index.html'), MINIMAL_HTML);
    await writeFile(join(dir, 'main.tsx'), main);
    await build({
      root: dir,
      configFile: false,
      logLevel: 'error',
      mode: 'production',
      oxc: { jsx: { runtime: 'automatic' } },
      build: { outDir: join(dir, 'dist'), emptyOutDir: true },
    });
    return dir;
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The scripts and styles a built index.html loads, as paths from the site root. */
export async function linkedAssets(outDir: string): Promise<string[]> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  return tags.flatMap((tag) => {
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    return url ? [url] : [];
  });
}
