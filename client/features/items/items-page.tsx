// The gear library (placeholder until the items feature lands).
import { Page } from '../../ui/page';

export function ItemsPage() {
  return (
    <Page title="Items">
      <p>Your gear library is coming soon: names, weights and prices of everything you own.</p>
    </Page>
  );
}
