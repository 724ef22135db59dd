// Sign-in and sync (placeholder until the account feature lands).
import { Page } from '../../ui/page';

export function AccountPage() {
  return (
    <Page title="Account">
      <p>
        Accounts are coming soon. You won’t need one: without it, PackYourBag keeps working on this
        device. An account only syncs your gear between your devices.
      </p>
    </Page>
  );
}
