// "Import LighterPack CSV" on the settings page: a file chosen here becomes a new pack
// (one list per category, one entry per row) once the user has seen the preview and
// pressed "Import". The file chooser (a "button" to assistive technology, named "Import
// LighterPack CSV") is taken away while a preview or an import is on screen, so "Import"
// names exactly one control at a time. On /import the file may come from outside the app
// (opened or shared with it, import-page.tsx) instead of the chooser.
import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { planImport } from '../../model/import-lighterpack';
import { ProgressBar } from '../../ui/progress-bar';
import { ImportPreview } from './import-preview';
import { useLighterPackImport } from './use-lighterpack-import';
import './import-lighterpack.css';

/** `incoming`: a file opened or shared with the app (import-page.tsx), read at once. */
export function ImportLighterPack({ incoming = null }: { incoming?: File | null }) {
  const { state, choose, confirm, reset } = useLighterPackImport();
  const [taken, setTaken] = useState<File | null>(null);
  if (incoming && incoming !== taken) {
    // Adjusting state while rendering (React's way to react to a new prop): the read
    // itself starts in the effect below.
    setTaken(incoming);
  }
  useEffect(() => {
    if (taken) void choose(taken);
  }, [taken, choose]);
  const [reuse, setReuse] = useState(true);
  const inputId = useId();
  const headingId = useId();
  const previewId = useId();
  const plan = useMemo(
    () =>
      state.step === 'preview'
        ? planImport(state.file, state.fileName, state.library, { reuse })
        : null,
    [state, reuse],
  );
  const busy = state.step === 'preview' || state.step === 'importing';

  return (
    <section className="import-lighterpack" aria-labelledby={headingId}>
      <h2 id={headingId}>LighterPack</h2>
      <p>
        A CSV file exported from LighterPack becomes a new pack: each category a list, each row an
        entry. Files up to 5 MB.
      </p>
      {!busy && (
        <div className="field">
          <label htmlFor={inputId}>Import LighterPack CSV</label>
          <input
            id={inputId}
            className="input"
            type="file"
            accept=".csv,text/csv"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Cleared so that choosing the same file again starts over.
              event.target.value = '';
              if (file) void choose(file);
            }}
          />
        </div>
      )}
      {state.step === 'choose' && state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      {state.step === 'reading' && (
        <ProgressBar value={state.loaded} max={state.total} text={`Reading “${state.fileName}”…`} />
      )}
      {plan && (
        <div role="region" aria-labelledby={previewId}>
          <ImportPreview plan={plan} headingId={previewId} />
          <label className="checkbox-option">
            <input
              type="checkbox"
              checked={reuse}
              onChange={(event) => setReuse(event.target.checked)}
            />
            Reuse items already in my library
          </label>
          {plan.entryCount === 0 && <p role="alert">No row of this file can be imported.</p>}
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={plan.entryCount === 0}
              onClick={() => void confirm(plan)}
            >
              Import
            </button>
            <button type="button" className="button" onClick={reset}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.step === 'importing' && (
        <ProgressBar
          value={state.done}
          max={state.total}
          text={`Importing “${state.packName}”: ${state.done.toLocaleString('en-US')} of ${state.total.toLocaleString('en-US')} records ${state.phase === 'checking' ? 'checked' : 'saved'}`}
        />
      )}
      {state.step === 'done' && (
        <p role="status" className="import-done">
          Imported <Link href={`/packs/${state.packId}`}>{state.packName}</Link>: {state.lists}{' '}
          {state.lists === 1 ? 'list' : 'lists'}, {state.entries}{' '}
          {state.entries === 1 ? 'entry' : 'entries'}.
        </p>
      )}
    </section>
  );
}
