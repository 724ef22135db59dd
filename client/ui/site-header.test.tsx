import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isCurrent, SiteHeader } from './site-header';

const links = [
  { href: '/items', label: 'Items' },
  { href: '/settings', label: 'Settings' },
];

describe('SiteHeader', () => {
  it('marks only the current section with aria-current="page"', () => {
    const html = renderToStaticMarkup(
      <SiteHeader links={links} currentPath="/settings" onNavigate={() => undefined} />,
    );
    expect(html).toContain('<a href="/settings" aria-current="page">Settings</a>');
    expect(html).toContain('<a href="/items">Items</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it.each([
    ['/items', '/items', true],
    ['/items', '/items/abc', true],
    ['/items', '/itemsx', false],
    ['/', '/', true],
    ['/', '/items', false],
  ])('isCurrent(%s, %s) is %s', (href, path, expected) => {
    expect(isCurrent(href, path)).toBe(expected);
  });
});
