// Offers to install the app: a button where the browser can install it, a short hint
// where it cannot prompt (iOS Safari installs through the Share menu), nothing when the
// app already runs installed or the browser offers no way. Presentational.
import './device-notices.css';
export type InstallOfferKind = 'installed' | 'available' | 'ios-hint' | 'unavailable';

interface InstallOfferProps {
  kind: InstallOfferKind;
  onInstall: () => void;
}

export function InstallOffer({ kind, onInstall }: InstallOfferProps) {
  switch (kind) {
    case 'available':
      return (
        <div className="install-offer">
          <p>Install PackYourBag to open it from your home screen, even without a connection.</p>
          <button type="button" className="button button-primary" onClick={onInstall}>
            Install app
          </button>
        </div>
      );
    case 'ios-hint':
      return (
        <p className="install-offer">
          To install PackYourBag, tap the Share button <span aria-hidden="true">(□↑)</span> and then{' '}
          <strong>Add to Home Screen</strong>.
        </p>
      );
    case 'installed':
      return <p className="install-offer">PackYourBag is installed on this device.</p>;
    case 'unavailable':
      return null;
  }
}
