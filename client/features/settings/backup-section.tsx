// The "Backup" section of /settings. "Download backup" saves every table of this device as
// a JSON file (model/backup.ts); "Restore backup" reads such a file, previews what it would
// change and, once confirmed, merges it cell by cell (model/backup-restore.ts), so an old
// backup never overwrites newer edits. The file chooser is taken away during a preview, so
// one question is on screen at a time.
import { useEffect, useId, useRef, useState } from 'react';
import { useDb } from '../../model/db-context';
import { downloadBackup } from './download-backup';
import { RestorePreview } from './restore-preview';
import { useBackupRestore } from './use-backup-restore';
import './backup-section.css';

type Download = { busy: boolean; done: string | null; error: string | null };
const NO_DOWNLOAD: Download = { busy: false, done: null, error: null };

export function BackupSection() {
  const database = useDb();
  const { state, choose, confirm, reset } = useBackupRestore();
  const [download, setDownload] = useState<Download>(NO_DOWNLOAD);
  const headingId = useId();
  const inputId = useId();
  const hintId = useId();
  const input = useRef<HTMLInputElement>(null);
  const result = useRef<HTMLParagraphElement>(null);
  // Focus returns to the section when the preview goes away (Cancel, done or failed).
  const refocus = useRef(false);
  useEffect(() => {
    if (state.step !== 'choose' || !refocus.current) return;
    refocus.current = false;
    (state.done ? result.current : input.current)?.focus();
  }, [state]);

  const save = async () => {
    // The newest message is the one shown: a restore's result gives way to the download's.
    if (state.step === 'choose') reset();
    setDownload({ busy: true, done: null, error: null });
    try {
      const fileName = await downloadBackup(database);
      setDownload({ busy: false, done: `Downloaded ${fileName}.`, error: null });
    } catch (error) {
      const message = `The backup could not be made (${String(error)}).`;
      setDownload({ busy: false, done: null, error: message });
    }
  };
  const leavePreview = (action: () => unknown) => () => {
    refocus.current = true;
    void action();
  };
  const inPreview = state.step === 'preview' || state.step === 'restoring';
  const error = download.error ?? (state.step === 'choose' ? state.error : null);
  const done = state.step === 'choose' && state.done ? state.done : download.done;

  return (
    <section className="backup-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Backup</h2>
      <p>
        A backup is a JSON file with everything on this device. Restoring one merges it with what is
        here: for each field the newer edit wins, so restoring an old backup loses nothing.
      </p>
      <button
        type="button"
        className="button"
        disabled={download.busy}
        aria-busy={download.busy}
        onClick={() => void save()}
      >
        Download backup
      </button>
      {!inPreview && (
        <div className="field">
          <label htmlFor={inputId}>Restore backup</label>
          <span id={hintId} className="field-hint">
            You will see what it changes before anything is restored.
          </span>
          <input
            id={inputId}
            ref={input}
            className="input"
            type="file"
            accept=".json,application/json"
            aria-describedby={hintId}
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so that choosing the same file again starts over.
              event.target.value = '';
              if (file) {
                setDownload(NO_DOWNLOAD);
                void choose(file);
              }
            }}
          />
        </div>
      )}
      {state.step === 'checking' && <p aria-live="polite">Checking “{state.fileName}”…</p>}
      {inPreview && (
        <RestorePreview
          fileName={state.fileName}
          exportedAt={state.backup.exportedAt}
          counts={state.counts}
          busy={state.step === 'restoring'}
          onRestore={leavePreview(confirm)}
          onCancel={leavePreview(reset)}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" className="backup-done panel panel-accent" ref={result} tabIndex={-1}>
        {done}
      </p>
    </section>
  );
}
