// Runs before the story tests: the project's preview (stylesheet, theme decorator,
// a11y parameters) plus addon-a11y's annotations, which run axe after each story.
// The browser instance provides the theme (vitest.config.ts), so one story file is
// tested in light and in dark.
import { setProjectAnnotations } from '@storybook/react-vite';
import * as a11yAddonAnnotations from '@storybook/addon-a11y/preview';
import { inject } from 'vitest';
import * as projectAnnotations from './preview';

declare module 'vitest' {
  export interface ProvidedContext {
    theme: projectAnnotations.Theme;
  }
}

setProjectAnnotations([
  a11yAddonAnnotations,
  projectAnnotations,
  { initialGlobals: { theme: inject('theme') } },
]);
