// One list of items (placeholder until the lists feature lands).
import { Page } from '../../ui/page';

export function ListPage({ id }: { id: string }) {
  return (
    <Page title="List">
      <p>Lists are coming soon.</p>
      <p className="muted">List id: {id}</p>
    </Page>
  );
}
