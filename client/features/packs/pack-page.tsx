// One pack of lists (placeholder until the packs feature lands).
import { Page } from '../../ui/page';

export function PackPage({ id }: { id: string }) {
  return (
    <Page title="Pack">
      <p>Packs are coming soon.</p>
      <p className="muted">Pack id: {id}</p>
    </Page>
  );
}
