// The app bar: the app name (home), the main navigation (trips, packs, lists, items) and
// settings and account. Phones see two rows, name with settings and account on top and
// the four sections as equal tabs below; from 48rem everything sits on one row.
// Presentational: the router passes the current path in and gets plain left-clicks back
// through onNavigate, while modified clicks (new tab, new window) stay with the browser.
import type { MouseEvent } from 'react';

export interface NavLink {
  href: string;
  label: string;
}

interface SiteHeaderProps {
  links: readonly NavLink[];
  /** Settings and account: a second, smaller navigation. */
  utilityLinks?: readonly NavLink[];
  currentPath: string;
  onNavigate: (href: string) => void;
}

/** A section is current on its own path and on the paths below it. */
export function isCurrent(href: string, path: string): boolean {
  return href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
}

export function SiteHeader({ links, utilityLinks = [], currentPath, onNavigate }: SiteHeaderProps) {
  const follow = (href: string) => (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
      return;
    event.preventDefault();
    onNavigate(href);
  };
  const current = (href: string) => (isCurrent(href, currentPath) ? 'page' : undefined);
  const items = (list: readonly NavLink[]) =>
    list.map((link) => (
      <li key={link.href}>
        <a href={link.href} aria-current={current(link.href)} onClick={follow(link.href)}>
          {link.label}
        </a>
      </li>
    ));

  return (
    <header className="site-header">
      <a className="brand" href="/" aria-current={current('/')} onClick={follow('/')}>
        PackYourBag
      </a>
      <nav className="site-nav" aria-label="Main">
        <ul>{items(links)}</ul>
      </nav>
      {utilityLinks.length > 0 && (
        <nav className="utility-nav" aria-label="Settings and account">
          <ul>{items(utilityLinks)}</ul>
        </nav>
      )}
    </header>
  );
}
