// Builds the PWA in client/ into dist/client, which the sync server serves at `/`.
// The service worker (Workbox, generateSW) precaches the whole app shell so a cold
// start works offline. We register it from client/pwa/register-sw.ts rather than an
// injected script: the server's CSP (script-src 'self') forbids inline scripts.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const syncServer = 'http://127.0.0.1:8080';

export default defineConfig({
  root: fromRoot('./client'),
  publicDir: fromRoot('./client/public'),
  // Vite 8 compiles JSX itself (oxc); no React plugin needed.
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    // zod only through client/zod-config.ts, which sets jitless mode (CSP) before any
    // parse. zod loads lazily (writes, accounts, sync), so no single import in main.tsx
    // could come first; the module that re-exports zod itself always does.
    alias: [{ find: /^zod$/, replacement: fromRoot('./client/zod-config.ts') }],
  },
  build: {
    outDir: fromRoot('./dist/client'),
    emptyOutDir: true,
  },
  server: {
    // `vite preview` reuses these.
    proxy: { '/api': syncServer, '/.well-known': syncServer },
  },
  plugins: [
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      filename: 'sw.js',
      manifestFilename: 'manifest.webmanifest',
      // The png glob below already precaches the icons; listing them twice would only
      // duplicate precache entries.
      includeManifestIcons: false,
      workbox: {
        // manifest.webmanifest is not globbed: the plugin always precaches it itself.
        globPatterns: ['**/*.{js,css,html,svg,png,ico}'],
        // Error reports are fetched only where the server has a DSN (client/error-reports).
        // Manifest screenshots are for install dialogs and stores, never the app itself.
        globIgnores: ['**/sentry-reporter-*.js', 'screenshots/**'],
        // The share target's POST handler (client/public/share-target-sw.js); imported
        // first, so it sees /import/share before Workbox's routes (GET only) would.
        importScripts: ['/share-target-sw.js'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/\.well-known\//, /^\/metrics/],
        cleanupOutdatedCaches: true,
        // The first install takes control at once, so the first visit already works
        // offline. Updates wait (skipWaiting stays false) until the user says reload.
        clientsClaim: true,
        skipWaiting: false,
      },
      manifest: {
        id: '/',
        name: 'PackYourBag',
        short_name: 'PackYourBag',
        description:
          'Plan your backpacking gear, build packing lists and check them off at the trailhead, even offline.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        // The light header colour and page background of client/styles.css.
        theme_color: '#1f5c45',
        background_color: '#f6f4ef',
        categories: ['travel', 'sports', 'utilities'],
        // The installed app's long-press menu: straight to the checklist at the trailhead
        // (client/features/trips/next-trip-redirect.tsx).
        shortcuts: [
          {
            name: "Next trip's checklist",
            short_name: 'Next trip',
            description: 'Open the checklist of your next upcoming trip',
            url: '/trips/next',
            icons: [{ src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' }],
          },
        ],
        // Made from the built app by scripts/make-screenshots.ts.
        screenshots: [
          {
            src: 'screenshots/wide.png',
            sizes: '1280x800',
            type: 'image/png',
            form_factor: 'wide',
            label: 'A pack with its lists, totals and weight chart',
          },
          {
            src: 'screenshots/narrow.png',
            sizes: '390x844',
            type: 'image/png',
            form_factor: 'narrow',
            label: "A trip's packing checklist on the phone",
          },
        ],
        // A LighterPack CSV opened with the installed app (launchQueue) or shared to it
        // (a POST the service worker keeps) lands in the importer's preview
        // (client/pwa/incoming-file.ts).
        file_handlers: [{ action: '/import', accept: { 'text/csv': ['.csv'] } }],
        share_target: {
          action: '/import/share',
          method: 'POST',
          enctype: 'multipart/form-data',
          params: { files: [{ name: 'file', accept: ['text/csv', '.csv'] }] },
        },
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: 'icons/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
    }),
  ],
});
