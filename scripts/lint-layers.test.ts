// Proves the layer rules of eslint.config.js bite: each planted import below crosses
// one boundary of the layer map and must fail `npm run lint`; the allowed directions
// must pass. The snippets are linted in memory (ESLint's lintText with a file path in
// the layer under test), so nothing is written to the tree. Every import names a real
// module: an import that does not resolve is not classified, and would pass.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const LAYER_RULES = new Set(['boundaries/dependencies', 'import-x/no-cycle']);
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId !== null && LAYER_RULES.has(message.ruleId))
    .map((message) => `${message.ruleId}: ${message.message}`);
}

/** `name from source` pairs, e.g. 'openDatabase ../db/db'; `type X` imports a type. */
type Imports = string[];

/** A module importing each name and using it, so no other rule has a word to say. */
function plant(imports: Imports): string {
  const lines = imports.map((spec) => {
    const [name, source] = spec.replace(/^type /, '').split(' ');
    const kind = spec.startsWith('type ') ? 'type ' : '';
    return { code: `import ${kind}{ ${name} } from '${source}';`, name, isType: kind !== '' };
  });
  const values = lines.filter((l) => !l.isType).map((l) => l.name);
  const types = lines.filter((l) => l.isType).map((l) => l.name);
  return [
    ...lines.map((l) => l.code),
    `export const planted = [${values.join(', ')}];`,
    ...types.map((name, i) => `export type Planted${i} = ${name};`),
    '',
  ].join('\n');
}

const FORBIDDEN: [boundary: string, file: string, imports: Imports][] = [
  ['features → db', 'client/features/items/x.ts', ['openDatabase ../../db/db']],
  ['features → db (a type)', 'client/features/items/x.ts', ['type PybDatabase ../../db/db']],
  ['features → Dexie', 'client/features/items/x.ts', ['liveQuery dexie']],
  ['model → features', 'client/model/x.ts', ['useSettings ../features/settings/use-settings']],
  ['db → model', 'client/db/x.ts', ['liveLists ../model/lists']],
  ['domain → model', 'client/domain/x.ts', ['newId ../model/ids']],
  ['domain → db', 'client/domain/x.ts', ['LOCAL_TABLES ../db/types']],
  ['domain → Dexie', 'client/domain/x.ts', ['Dexie dexie']],
  ['ui → db', 'client/ui/x.tsx', ['openDatabase ../db/db']],
  ['ui → model', 'client/ui/x.tsx', ['useQuery ../model/use-query']],
  ['ui → domain', 'client/ui/x.tsx', ['isLive ../domain/live-rows']],
  ['ui → features', 'client/ui/x.tsx', ['useSettings ../features/settings/use-settings']],
  ['sync → features', 'client/sync/x.ts', ['useSettings ../features/settings/use-settings']],
  ['auth → features', 'client/auth/x.ts', ['useSettings ../features/settings/use-settings']],
  ['auth → sync', 'client/auth/x.ts', ['BATCH_CELLS ../sync/outbox-batch']],
  [
    'client (not a test) → server',
    'client/sync/x.ts',
    ['horizonHlc ../../server/sync/tombstone-purge'],
  ],
  ['the client shell → server', 'client/x.ts', ['issuer ../server/config']],
  ['pwa → model', 'client/pwa/x.ts', ['liveLists ../model/lists']],
  ['error reports → db', 'client/error-reports/x.ts', ['openDatabase ../db/db']],
  [
    'error reports → features',
    'client/error-reports/x.ts',
    ['useSettings ../features/settings/use-settings'],
  ],
  ['server → client', 'server/sync/x.ts', ['liveLists ../../client/model/lists']],
  ['shared → client', 'shared/x.ts', ['isLive ../client/domain/live-rows']],
  ['a server module → app.ts', 'server/sync/x.ts', ['createApp ../app']],
  ['a route module taking the AppDeps bag again', 'server/auth/routes.ts', ['type AppDeps ../app']],
  // Same layer, so only import-x/no-cycle can see it: routes.ts imports sync-service.ts.
  ['an import cycle', 'server/sync/sync-service.ts', ['syncRoutes ./routes']],
  ['SQLite outside the storage layer', 'server/auth/x.ts', ['Database better-sqlite3']],
  ['PostgreSQL outside the storage layer', 'server/sync/x.ts', ['postgres postgres']],
];

const ALLOWED: [direction: string, file: string, imports: Imports][] = [
  [
    'the storage layer → the database drivers',
    'server/storage/sqlite/x.ts',
    ['Database better-sqlite3', 'postgres postgres'],
  ],
  ['SQLite files → better-sqlite3', 'server/backup/x.ts', ['Database better-sqlite3']],
  [
    'features → model, domain, ui, shared',
    'client/features/items/x.ts',
    [
      'liveLists ../../model/lists',
      'isLive ../../domain/live-rows',
      'paletteColor ../../ui/palette',
      'TABLE_NAMES ../../../shared/schemas',
    ],
  ],
  [
    'model → db, domain, Dexie',
    'client/model/x.ts',
    ['Dexie dexie', 'openDatabase ../db/db', 'bySortKey ../domain/sort-order'],
  ],
  ['db → shared, Dexie', 'client/db/x.ts', ['Dexie dexie', 'formatHlc ../../shared/hlc']],
  ['domain → shared', 'client/domain/x.ts', ['computeTotals ../../shared/totals']],
  [
    'ui → shared, React',
    'client/ui/x.tsx',
    ['useState react', 'formatWeight ../../shared/format-weight'],
  ],
  [
    'sync → auth, model, db',
    'client/sync/x.ts',
    [
      'jsonInit ../auth/http',
      'queueEveryCell ../model/guest-data-keep',
      'ensureNodeId ../db/node-id',
    ],
  ],
  ['auth → model', 'client/auth/x.ts', ['keepLocalData ../model/guest-data-keep']],
  [
    'the shell → features, db',
    'client/x.tsx',
    ['HomePage ./features/home/home-page', 'openDatabase ./db/db'],
  ],
  [
    'a client test → the server, in process',
    'client/sync/x.test.ts',
    ['createTestApp ../../server/test-support/fixture'],
  ],
  ['server/main.ts → app.ts', 'server/main.ts', ['createApp ./app']],
];

describe('the layer map of eslint.config.js', () => {
  it.each(FORBIDDEN)('rejects %s', async (_boundary, file, imports) => {
    expect(await layerErrors(file, plant(imports))).not.toEqual([]);
  });

  it.each(ALLOWED)('allows %s', async (_direction, file, imports) => {
    expect(await layerErrors(file, plant(imports))).toEqual([]);
  });
});
