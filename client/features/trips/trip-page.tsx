// One trip and its checklist (placeholder until the trips feature lands).
import { Page } from '../../ui/page';

export function TripPage({ id }: { id: string }) {
  return (
    <Page title="Trip">
      <p>Trips and their packing checklists are coming soon.</p>
      <p className="muted">Trip id: {id}</p>
    </Page>
  );
}
