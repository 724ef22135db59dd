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

const use = (what: string) => `\nexport const planted = [${what}];\n`;

const FORBIDDEN: [boundary: string, file: string, code: string][] = [
  [
    'features → db',
    'client/features/items/planted.ts',
    `import { openDatabase } from '../../db/db';${use('openDatabase')}`,
  ],
  [
    'features → db (type only)',
    'client/features/items/planted.ts',
    `import type { PybDatabase } from '../../db/db';\nexport type Planted = PybDatabase;\n`,
  ],
  [
    'features → Dexie',
    'client/features/items/planted.ts',
    `import { liveQuery } from 'dexie';${use('liveQuery')}`,
  ],
  [
    'model → features',
    'client/model/planted.ts',
    `import { useSettings } from '../features/settings/use-settings';${use('useSettings')}`,
  ],
  [
    'db → model',
    'client/db/planted.ts',
    `import { liveLists } from '../model/lists';${use('liveLists')}`,
  ],
  [
    'domain → model',
    'client/domain/planted.ts',
    `import { newId } from '../model/ids';${use('newId')}`,
  ],
  [
    'domain → db',
    'client/domain/planted.ts',
    `import { LOCAL_TABLES } from '../db/types';${use('LOCAL_TABLES')}`,
  ],
  ['domain → Dexie', 'client/domain/planted.ts', `import { Dexie } from 'dexie';${use('Dexie')}`],
  [
    'ui → db',
    'client/ui/planted.tsx',
    `import { openDatabase } from '../db/db';${use('openDatabase')}`,
  ],
  [
    'ui → model',
    'client/ui/planted.tsx',
    `import { useQuery } from '../model/use-query';${use('useQuery')}`,
  ],
  [
    'ui → domain',
    'client/ui/planted.tsx',
    `import { isLive } from '../domain/live-rows';${use('isLive')}`,
  ],
  [
    'ui → features',
    'client/ui/planted.tsx',
    `import { useSettings } from '../features/settings/use-settings';${use('useSettings')}`,
  ],
  [
    'sync → features',
    'client/sync/planted.ts',
    `import { useSettings } from '../features/settings/use-settings';${use('useSettings')}`,
  ],
  [
    'auth → features',
    'client/auth/planted.ts',
    `import { useSettings } from '../features/settings/use-settings';${use('useSettings')}`,
  ],
  [
    'auth → sync',
    'client/auth/planted.ts',
    `import { BATCH_ENTRIES } from '../sync/outbox-batch';${use('BATCH_ENTRIES')}`,
  ],
  [
    'client (not a test) → server',
    'client/sync/planted.ts',
    `import { purgeTombstones } from '../../server/sync/tombstone-purge';${use('purgeTombstones')}`,
  ],
  [
    'client shell → server',
    'client/planted.ts',
    `import { issuer } from '../server/config';${use('issuer')}`,
  ],
  [
    'server → client',
    'server/sync/planted.ts',
    `import { liveLists } from '../../client/model/lists';${use('liveLists')}`,
  ],
  [
    'shared → client',
    'shared/planted.ts',
    `import { isLive } from '../client/domain/live-rows';${use('isLive')}`,
  ],
  [
    'a server module → app.ts',
    'server/sync/planted.ts',
    `import { createApp } from '../app';${use('createApp')}`,
  ],
  [
    'a route module taking the AppDeps bag again',
    'server/auth/routes.ts',
    `import type { AppDeps } from '../app';\nexport type Planted = AppDeps;\n`,
  ],
  [
    'an import cycle (routes.ts imports cell-store.ts)',
    'server/sync/cell-store.ts',
    `import { syncRoutes } from './routes';${use('syncRoutes')}`,
  ],
];

const ALLOWED: [direction: string, file: string, code: string][] = [
  [
    'features → model, domain, ui, shared',
    'client/features/items/planted.ts',
    `import { liveLists } from '../../model/lists';
import { isLive } from '../../domain/live-rows';
import { paletteColor } from '../../ui/palette';
import { TABLE_NAMES } from '../../../shared/schemas';${use('liveLists, isLive, paletteColor, TABLE_NAMES')}`,
  ],
  [
    'model → db, domain, Dexie',
    'client/model/planted.ts',
    `import { Dexie } from 'dexie';
import { openDatabase } from '../db/db';
import { bySortKey } from '../domain/sort-order';${use('Dexie, openDatabase, bySortKey')}`,
  ],
  [
    'db → shared, Dexie',
    'client/db/planted.ts',
    `import { Dexie } from 'dexie';
import { formatHlc } from '../../shared/hlc';${use('Dexie, formatHlc')}`,
  ],
  [
    'domain → shared',
    'client/domain/planted.ts',
    `import { computeTotals } from '../../shared/totals';${use('computeTotals')}`,
  ],
  [
    'ui → shared, React',
    'client/ui/planted.tsx',
    `import { useState } from 'react';
import { formatWeight } from '../../shared/format-weight';${use('useState, formatWeight')}`,
  ],
  [
    'sync → auth, model, db',
    'client/sync/planted.ts',
    `import { jsonInit } from '../auth/http';
import { queueEveryCell } from '../model/guest-data-keep';
import { ensureNodeId } from '../db/node-id';${use('jsonInit, queueEveryCell, ensureNodeId')}`,
  ],
  [
    'auth → model',
    'client/auth/planted.ts',
    `import { keepLocalData } from '../model/guest-data-keep';${use('keepLocalData')}`,
  ],
  [
    'the shell → features, db',
    'client/planted.tsx',
    `import { HomePage } from './features/home/home-page';
import { openDatabase } from './db/db';${use('HomePage, openDatabase')}`,
  ],
  [
    'a client test → the server, in process',
    'client/sync/planted.test.ts',
    `import { createTestApp } from '../../server/test-support/fixture';${use('createTestApp')}`,
  ],
  [
    'server/main.ts → app.ts',
    'server/main.ts',
    `import { createApp } from './app';${use('createApp')}`,
  ],
];

describe('the layer map of eslint.config.js', () => {
  it.each(FORBIDDEN)('rejects %s', async (_boundary, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each(ALLOWED)('allows %s', async (_direction, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
