// One lint config for the whole repository: typescript-eslint's strict rules everywhere
// (syntactic, not type-aware: `tsc` in `npm run typecheck` does the type checking),
// React hook rules for the client, Node globals for the server, scripts and tests,
// and the layer map below, enforced by eslint-plugin-boundaries (imports between
// layers) and eslint-plugin-import-x (no import cycles).
//
// Layer map (an arrow reads "may import"; every layer may import its own files, and
// npm packages unless named below):
//
//   shared                          → nothing of the app (pure code both sides use)
//   server                          → server, shared; never client/. Only main.ts and
//                                     test support import server/app.ts: route modules
//                                     take narrow dependency interfaces of their own.
//                                     Only the storage layer (server/storage/, and
//                                     SQLite's files in server/db/ and server/backup/)
//                                     imports a database driver: no SQL elsewhere
//   client/domain  (pure derivations)  → shared
//   client/db      (Dexie, middleware) → shared
//   client/model   (queries, commands) → db, domain, shared
//   client/auth, client/sync           → model, db, domain, shared (sync → auth too)
//   client/ui      (presentational)    → shared (props in, callbacks out)
//   client/pwa                         → ui, shared
//   client/features (pages)            → model, domain, ui, auth, sync, pwa, shared;
//                                        never db/ or Dexie: data goes through model/
//   client shell (app.tsx, main.tsx, …) → everything in client/
//
// Client and server meet only over HTTP: no client production file imports server/.
// Tests (*.test.ts(x)), test support (*/test-support/*), the model-based sync check
// (client/sync/model-check/) and the gallery's stories (*.stories.tsx) are outside the map: they wire real layers together, and
// client tests run the real server in process. scripts/lint-layers.test.ts plants one
// wrong import per boundary and expects this config to reject it.
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const TESTS = [
  '**/*.test.{ts,tsx}',
  '**/test-support/**',
  'client/sync/model-check/**',
  // Gallery stories render a component with its page's styles and sample data.
  '**/*.stories.tsx',
];

/** One element per layer, matched against the path from the repository root. */
const layer = (type, pattern) => ({ type, pattern, partialMatch: false });
const ELEMENTS = [
  layer('shared', 'shared'),
  layer('server', 'server'),
  layer('domain', 'client/domain'),
  layer('db', 'client/db'),
  layer('model', 'client/model'),
  layer('auth', 'client/auth'),
  layer('sync', 'client/sync'),
  layer('ui', 'client/ui'),
  layer('pwa', 'client/pwa'),
  layer('error-reports', 'client/error-reports'),
  layer('features', 'client/features'),
  // Files directly in client/ (the folders above are closer matches for theirs).
  layer('shell', 'client'),
];

const CLIENT = [
  'domain',
  'db',
  'model',
  'auth',
  'sync',
  'ui',
  'pwa',
  'error-reports',
  'features',
  'shell',
];
const allow = (from, to) => ({
  from: { element: { type: from } },
  allow: { to: { element: { type: to } } },
});

const LAYER_POLICIES = [
  allow('shared', ['shared']),
  allow('server', ['server', 'shared']),
  allow('domain', ['domain', 'shared']),
  allow('db', ['db', 'shared']),
  allow('model', ['model', 'db', 'domain', 'shared']),
  allow('auth', ['auth', 'model', 'db', 'domain', 'shared']),
  allow('sync', ['sync', 'auth', 'model', 'db', 'domain', 'shared']),
  allow('ui', ['ui', 'shared']),
  allow('pwa', ['pwa', 'ui', 'shared']),
  // Loaded only when reports are on; it reaches the server over HTTP and scrubs with shared/.
  allow('error-reports', ['error-reports', 'shared']),
  allow('features', ['features', 'model', 'domain', 'ui', 'auth', 'sync', 'pwa', 'shared']),
  allow('shell', [...CLIENT, 'shared']),
];

/** Only the data layers touch IndexedDB through Dexie. */
const DEXIE_USERS = ['db', 'model', 'sync', 'auth'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'data/**',
      'coverage/**',
      'node_modules/**',
      'dev-dist/**',
      'storybook-static/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    // Plain scripts the generated service worker imports (vite.config.ts importScripts).
    files: ['client/public/**/*-sw.js'],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['client/**/*.{ts,tsx}', 'server/**/*.ts', 'shared/**/*.ts'],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/include': ['client/**', 'server/**', 'shared/**'],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkInternals: true,
          message: 'the layer map at the top of eslint.config.js does not allow this import',
          policies: [
            ...LAYER_POLICIES,
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            {
              from: { element: { type: `!(${DEXIE_USERS.join('|')})` } },
              disallow: { to: { module: { source: 'dexie' } } },
              message: 'only db/, model/, sync/ and auth/ use Dexie; pages read through model/',
            },
            {
              from: {
                element: { type: 'server', fileInternalPath: '!{storage,db,backup}/**' },
              },
              disallow: { to: { module: { source: ['better-sqlite3', 'postgres'] } } },
              message:
                'SQL lives in the storage layer: only server/storage/, server/db/ and server/backup/ use a database driver',
            },
            {
              from: { element: { type: 'server', fileInternalPath: '!main.ts' } },
              disallow: { to: { element: { type: 'server', fileInternalPath: 'app.ts' } } },
              message:
                'server modules take narrow dependencies, not the app: only main.ts imports app.ts',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'server/**/*.ts', 'shared/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
