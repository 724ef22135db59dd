// Bundles the server (and its CLIs) for production into dist/server. npm packages
// stay external and load from node_modules; our own code, shared/ included, is
// bundled so production runs plain JavaScript without a TypeScript loader.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/server',
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      input: {
        main: 'server/entry.ts',
        'migrate-cli': 'server/db/migrate-cli.ts',
        'rotate-keys-cli': 'server/auth/rotate-keys-cli.ts',
        admin: 'server/admin.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
