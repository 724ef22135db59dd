// "Export LighterPack CSV" on the pack page: downloads the pack in LighterPack's own CSV
// format (model/export-lighterpack.ts), made from what IndexedDB holds, so it works offline.
import { useState } from 'react';
import type { DisplayUnit } from '../../../shared/units';
import { useDb } from '../../model/db-context';
import { exportPackCsv } from '../../model/export-lighterpack';
import { useEntryUnit } from '../../ui/weight-format';
import { downloadText } from '../../ui/download';

export function ExportLighterPackButton({ packId, unit }: { packId: string; unit: DisplayUnit }) {
  // Items without a unit of their own are written in the unit the user types in.
  const fileUnit = useEntryUnit(unit);
  const db = useDb();
  const [error, setError] = useState<string | null>(null);

  const exportNow = async () => {
    setError(null);
    try {
      const result = await exportPackCsv(db, packId, fileUnit);
      if (!result) return setError('This pack no longer exists.');
      downloadText(result.csv, result.fileName, 'text/csv');
    } catch (cause) {
      setError(`The CSV file could not be made (${String(cause)}).`);
    }
  };

  return (
    <>
      <button type="button" className="button" onClick={() => void exportNow()}>
        Export LighterPack CSV
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
