// "Export my data": everything the account holds on the server, as the JSON the server
// sends (docs/api.md GET /api/account/export), saved as a file (ui/download.ts).
import { useState } from 'react';
import { useAuthClient } from '../../auth/use-auth';
import { downloadText } from '../../ui/download';
import { failureMessage } from './auth-messages';

export const EXPORT_FILE_NAME = 'packyourbag-account-export.json';

export function ExportData() {
  const client = useAuthClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const exportNow = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    const result = await client.api.exportAccount();
    setBusy(false);
    if (!result.ok) return setError(failureMessage(result.failure, 'other'));
    downloadText(result.value, EXPORT_FILE_NAME);
    setDone(`Downloaded ${EXPORT_FILE_NAME}.`);
  };

  return (
    <section className="account-section" aria-labelledby="export-heading">
      <h2 id="export-heading">Export my data</h2>
      <p>
        A JSON file with everything your account holds on the sync server: what was synced from your
        devices.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="account-done">
        {done}
      </p>
      <button
        type="button"
        className="button"
        disabled={busy}
        aria-busy={busy}
        onClick={() => void exportNow()}
      >
        Export my data
      </button>
    </section>
  );
}
