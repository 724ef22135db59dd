// Puts the chosen theme on the page. styles.css follows prefers-color-scheme unless
// <html data-theme> says otherwise; the theme-color metas (one per scheme, chosen by
// their media query) are re-pointed so the browser's toolbar matches a forced theme.
import type { Theme } from '../../model/settings';

export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;

  for (const meta of root.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    // Remember the media query index.html gave it, e.g. "(prefers-color-scheme: dark)".
    const original = (meta.dataset.media ??= meta.media);
    if (theme === 'system') meta.media = original;
    else meta.media = original.includes(theme) ? 'all' : 'not all';
  }
}
