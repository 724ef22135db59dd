// The start page. For now it explains the app and points at the library; later it
// becomes the overview of lists, packs and upcoming trips.
import { Link } from 'wouter';
import { Page } from '../../ui/page';

export function HomePage() {
  return (
    <Page title="Pack your bag">
      <p>
        Keep your gear in one library, group it into lists, combine lists into packs, and tick them
        off on the trip — with or without a signal.
      </p>
      <p>
        Everything is stored on this device first. <Link href="/items">Start with your items</Link>{' '}
        or <Link href="/settings">choose a theme and unit</Link>.
      </p>
    </Page>
  );
}
