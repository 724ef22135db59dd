import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UpdateBanner } from './update-banner';

const noop = () => undefined;

describe('UpdateBanner', () => {
  it('offers a reload and a later, as plain buttons', () => {
    const html = renderToStaticMarkup(<UpdateBanner visible onReload={noop} onLater={noop} />);
    expect(html).toContain('A new version is available');
    expect(html).toContain('<button type="button" class="button button-primary">Reload to update');
    expect(html).toContain('<button type="button" class="button">Later');
  });

  it('keeps an empty live region while hidden', () => {
    const html = renderToStaticMarkup(
      <UpdateBanner visible={false} onReload={noop} onLater={noop} />,
    );
    expect(html).toBe('<div class="update-slot" aria-live="polite"></div>');
  });
});
