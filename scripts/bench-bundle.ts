// Initial JavaScript of the app against its floor, measured in the same run: the gzip
// size of what the first screen must download (the entry chunk of dist/client/index.html
// plus every chunk it modulepreloads) divided by the same figure for a minimal app that
// renders one React component and opens a Dexie database, built here with the same Vite.
// The floor is what any React + Dexie PWA pays; the ratio is what PackYourBag adds.
// Target: ≤ 1.5×. Run `npm run build` first; then `npx tsx scripts/bench-bundle.ts`.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { report, row } from './bench-table';
import { buildMinimalApp, COUNTING_MAIN } from './minimal-app';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const APP_DIST = join(ROOT, 'dist/client');

interface InitialJs {
  files: string[];
  gzipBytes: number;
}

/** The entry script and modulepreloads of a built index.html, gzipped at level 9 each. */
async function initialJs(outDir: string): Promise<InitialJs> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const tags = html.match(/<(script|link)\b[^>]*>/g) ?? [];
  const files: string[] = [];
  for (const tag of tags) {
    const isEntry = /^<script\b/.test(tag) && /type="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /rel="modulepreload"/.test(tag);
    const url = /(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url) files.push(url.replace(/^\//, ''));
  }
  if (files.length === 0) throw new Error(`no module script in ${outDir}/index.html`);
  let gzipBytes = 0;
  for (const file of files)
    gzipBytes += gzipSync(await readFile(join(outDir, file)), { level: 9 }).length;
  return { files, gzipBytes };
}

async function buildMinimal(): Promise<InitialJs> {
  const dir = await buildMinimalApp(COUNTING_MAIN);
  try {
    return await initialJs(join(dir, 'dist'));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

if (!existsSync(join(APP_DIST, 'index.html'))) {
  console.error('dist/client/index.html is missing: run `npm run build` first.');
  process.exit(1);
}
const app = await initialJs(APP_DIST);
const minimal = await buildMinimal();
const ratio = app.gzipBytes / minimal.gzipBytes;
console.log(`app initial JS: ${app.files.join(', ')}`);
report([
  row({
    figure: 'initial JS, gzip',
    value: app.gzipBytes / 1024,
    unit: 'KB',
    floor: `minimal React+ReactDOM+Dexie app ${kb(minimal.gzipBytes)} KB`,
    ratio,
    goal: '≤ 1.5×',
    met: ratio <= 1.5,
  }),
]);
