// Offers a downloaded new version. Presentational: the page decides when it shows and
// what the buttons do. The live region stays mounted so screen readers announce the
// banner when it appears.
interface UpdateBannerProps {
  visible: boolean;
  onReload: () => void;
  onLater: () => void;
}

export function UpdateBanner({ visible, onReload, onLater }: UpdateBannerProps) {
  return (
    <div className="update-slot" aria-live="polite">
      {visible && (
        <div className="update-banner">
          <p>A new version is available.</p>
          <div className="update-banner-actions">
            <button type="button" className="button button-primary" onClick={onReload}>
              Reload to update
            </button>
            <button type="button" className="button" onClick={onLater}>
              Later
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
