// Storybook 10 with the React + Vite builder: the gallery of client/ui and of the
// presentational pieces of the pages. It reuses the app's vite.config.ts (oxc JSX,
// client/ as root) but drops vite-plugin-pwa, whose precache size limit fails on
// Storybook's 3 MB runtime and whose service worker has no place in a gallery.
import type { StorybookConfig } from '@storybook/react-vite';
import type { PluginOption } from 'vite';

const isPwaPlugin = (plugin: PluginOption): boolean =>
  Array.isArray(plugin)
    ? plugin.some(isPwaPlugin)
    : typeof plugin === 'object' &&
      plugin !== null &&
      'name' in plugin &&
      plugin.name.startsWith('vite-plugin-pwa');

const config: StorybookConfig = {
  stories: ['../client/**/*.stories.tsx'],
  addons: ['@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // Props tables are not worth a TypeScript docgen pass over every story on 2 cores.
  typescript: { reactDocgen: false },
  viteFinal: (vite) => ({
    ...vite,
    plugins: (vite.plugins ?? []).filter((plugin) => !isPwaPlugin(plugin)),
    // Storybook's manager and axe are single large chunks; that is expected here.
    build: { ...vite.build, chunkSizeWarningLimit: 2048 },
  }),
};

export default config;
