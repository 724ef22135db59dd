import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProgressBar } from './progress-bar';

describe('ProgressBar', () => {
  it('is a native progress named by its visible text', () => {
    const html = renderToStaticMarkup(<ProgressBar value={12} max={40} text="12 of 40 packed" />);
    const id = /<p id="([^"]+)"[^>]*aria-live="polite"[^>]*>12 of 40 packed<\/p>/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(
      `<progress class="progress-bar" value="12" max="40" aria-labelledby="${id}">`,
    );
  });

  it('draws an empty list as an empty bar, not an indeterminate one', () => {
    const html = renderToStaticMarkup(<ProgressBar value={0} max={0} text="0 of 0 packed" />);
    expect(html).toContain('value="0" max="1"');
  });
});
