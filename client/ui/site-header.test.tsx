import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isCurrent, SiteHeader } from './site-header';

const links = [
  { href: '/trips', label: 'Trips' },
  { href: '/items', label: 'Items' },
];
const utilityLinks = [
  { href: '/settings', label: 'Settings' },
  { href: '/account', label: 'Account' },
];
const render = (currentPath: string) =>
  renderToStaticMarkup(
    <SiteHeader
      links={links}
      utilityLinks={utilityLinks}
      currentPath={currentPath}
      onNavigate={() => undefined}
    />,
  );

describe('SiteHeader', () => {
  it('marks only the current section with aria-current="page"', () => {
    const html = render('/settings');
    expect(html).toContain('<a href="/settings" aria-current="page">Settings</a>');
    expect(html).toContain('<a href="/items">Items</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it('marks a section current on the pages below it (a trip is in Trips)', () => {
    const html = render('/trips/0193-abc');
    expect(html).toContain('<a href="/trips" aria-current="page">Trips</a>');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it('marks the app name current on the overview', () => {
    expect(render('/')).toContain('<a class="brand" href="/" aria-current="page">PackYourBag</a>');
  });

  it('has two labelled navigations, the main one first', () => {
    const html = render('/');
    const main = html.indexOf('<nav class="site-nav" aria-label="Main">');
    const utility = html.indexOf('<nav class="utility-nav" aria-label="Settings and account">');
    expect(main).toBeGreaterThan(-1);
    expect(utility).toBeGreaterThan(main);
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
