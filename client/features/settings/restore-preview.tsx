// What restoring a backup would do, shown before anything is written: when the backup was
// made, and per table how many rows it adds, updates or leaves as they are. Presentational:
// the counts come in, the two choices go out. Focus moves to the heading when it appears,
// so keyboard and screen reader users land on the question.
import { useEffect, useId, useRef } from 'react';
import { TABLE_NAMES } from '../../../shared/schemas';
import type { RestoreCounts } from '../../model/backup-restore';
import { previewSummary, TABLE_LABELS } from './restore-text';

interface RestorePreviewProps {
  fileName: string;
  exportedAt: string;
  counts: RestoreCounts;
  busy: boolean;
  onRestore: () => void;
  onCancel: () => void;
}

export function RestorePreview(props: RestorePreviewProps) {
  const { fileName, exportedAt, counts, busy } = props;
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const shown = TABLE_NAMES.filter((table) => {
    const { added, updated, unchanged } = counts[table];
    return added + updated + unchanged > 0;
  });

  return (
    <div className="restore-preview panel" role="region" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Restore “{fileName}”?
      </h3>
      <p>
        Backup made <time dateTime={exportedAt}>{new Date(exportedAt).toLocaleString()}</time>.{' '}
        {previewSummary(counts)}
      </p>
      {shown.length > 0 && (
        <table className="restore-counts">
          <caption>Rows in the backup</caption>
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">New</th>
              <th scope="col">Updated</th>
              <th scope="col">Unchanged</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((table) => (
              <tr key={table}>
                <th scope="row">{TABLE_LABELS[table]}</th>
                <td>{counts[table].added}</td>
                <td>{counts[table].updated}</td>
                <td>{counts[table].unchanged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Each field keeps whichever edit is newer, here or in the backup, so nothing newer on this
        device is overwritten.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          aria-busy={busy}
          onClick={props.onRestore}
        >
          Restore
        </button>
        <button type="button" className="button" disabled={busy} onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
