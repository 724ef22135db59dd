// `npm start` (entry `main`), `npm run migrate` (entry `migrate-cli`), `npm run
// rotate-keys` and `npm run admin -- <command>` (entry `admin`): build
// whatever the entry needs that is missing or older than its sources, then run
// the bundled entry in this same process (one Node process serves the PWA and
// the API). The bundle needs no dev dependencies, so this also works in a
// production install where `tsx` is absent.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Newest modification time of any file below the given paths. */
function newestMtime(paths) {
  let newest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules') visit(join(path, entry));
    } else newest = Math.max(newest, stat.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return newest;
}

const entry = process.argv[2] ?? 'main';
const ENTRIES = ['main', 'migrate-cli', 'rotate-keys-cli', 'admin'];
if (!ENTRIES.includes(entry)) {
  console.error(`Unknown entry "${entry}": use ${ENTRIES.join(', ')}.`);
  process.exit(2);
}

const targets = [
  {
    script: 'build:client',
    output: 'dist/client/index.html',
    sources: ['client', 'shared', 'vite.config.ts', 'package-lock.json'],
  },
  {
    script: 'build:server',
    output: 'dist/server/main.js',
    sources: ['server', 'shared', 'package-lock.json'],
  },
];

// The CLIs need only the server bundle; serving needs the client too.
const needed = entry === 'main' ? targets : targets.filter((t) => t.script === 'build:server');
for (const { script, output, sources } of needed) {
  const out = join(root, output);
  if (existsSync(out) && statSync(out).mtimeMs >= newestMtime(sources)) continue;
  console.log(`Building (${script})…`);
  const { status } = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (status !== 0) {
    console.error(`npm start: "npm run ${script}" failed; see the output above.`);
    process.exit(status ?? 1);
  }
}

// The entry reads its own arguments from argv[2] on, as when run as `node dist/server/x.js`.
process.argv.splice(2, 1);
// A computed specifier: the bundle only exists after the build above.
await import(pathToFileURL(join(root, `dist/server/${entry}.js`)).href);
