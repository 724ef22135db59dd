// What every story shares: the app's one stylesheet, a light/dark theme global (a
// toolbar switch in the gallery; the story tests render every story in both) and axe
// on every story, failing a test on any violation.
import type { Decorator, Preview } from '@storybook/react-vite';
import { useLayoutEffect } from 'react';
import '../client/styles.css';

export type Theme = 'light' | 'dark';

/** Forces the theme the way the app does (features/settings/apply-theme.ts): styles.css
 * follows prefers-color-scheme unless <html data-theme> names one. */
const withTheme: Decorator = (Story, context) => {
  const theme = context.globals['theme'] as Theme;
  // Set during render too, so the first paint (and axe right after it) sees the theme.
  document.documentElement.dataset.theme = theme;
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return <Story />;
};

const preview: Preview = {
  decorators: [withTheme],
  initialGlobals: { theme: 'light' },
  globalTypes: {
    theme: {
      description: 'Colour theme',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  parameters: {
    layout: 'padded',
    // Violations fail the story test (addon-a11y runs axe after each story renders).
    a11y: { test: 'error' },
  },
};

export default preview;
