// Adds rows from a spreadsheet or a CSV file to a list, after a preview that maps the
// columns (issue 14). Opened by a paste into the grid (with the clipboard's text) or by
// the "Paste rows / Import CSV" button (with a text box and a file input, for keyboard
// and phone users). The rows are written in one transaction and the write is undoable.
import { useId, useMemo, useState } from 'react';
import { MAX_FILE_BYTES } from '../../../shared/lighterpack';
import { guessSheet, readSheetRows } from '../../../shared/sheet-import';
import type { SheetField, SheetFormat, SheetGuess } from '../../../shared/sheet-import';
import type { DisplayUnit } from '../../../shared/units';
import { useDb } from '../../model/db-context';
import { addSheetRowsToList, removePastedRows } from '../../model/sheet-rows';
import { describeWriteError } from '../../model/storage-errors';
import { SheetPreview } from '../../ui/sheet-preview';
import { useModalDialog } from '../../ui/use-modal-dialog';
import { useEntryUnit } from '../../ui/weight-format';
import '../../ui/confirm-dialog.css';
import { useOfferUndo } from '../undo/undo-provider';

interface PasteRowsDialogProps {
  listId: string;
  userUnit: DisplayUnit;
  /** The pasted text, or '' to start with the text box. */
  initialText: string;
  onClose: () => void;
}

export function PasteRowsDialog({ listId, userUnit, initialText, onClose }: PasteRowsDialogProps) {
  const typedUnit = useEntryUnit(userUnit);
  const db = useDb();
  const offerUndo = useOfferUndo();
  const dialog = useModalDialog(true);
  const titleId = useId();
  const [text, setText] = useState(initialText);
  const [guess, setGuess] = useState<SheetGuess | null>(() =>
    initialText.trim() === '' ? null : guessSheet(initialText),
  );
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const read = useMemo(
    () =>
      guess &&
      readSheetRows(guess.table, guess.mapping, {
        hasHeader: guess.hasHeader,
        defaultUnit: typedUnit,
      }),
    [guess, typedUnit],
  );

  const preview = (source: string, format: SheetFormat) => {
    setFailure(null);
    const next = guessSheet(source, format);
    if (next.table.length === 0) {
      setFailure('There are no rows to read. Paste rows copied from a spreadsheet.');
      return;
    }
    setGuess(next);
  };

  const readFile = async (file: File) => {
    if (file.size > MAX_FILE_BYTES) {
      setFailure('That file is larger than 5 MB.');
      return;
    }
    preview(await file.text(), /\.tsv$/i.test(file.name) ? 'tsv' : 'auto');
  };

  const add = async () => {
    if (!read || read.rows.length === 0) return;
    setBusy(true);
    setFailure(null);
    try {
      const pasted = await addSheetRowsToList(db, listId, read.rows);
      const count = read.rows.length;
      offerUndo(`Added ${count} ${count === 1 ? 'item' : 'items'} from the rows.`, () =>
        removePastedRows(db, pasted),
      );
      onClose();
    } catch (error) {
      setFailure(describeWriteError(error));
      setBusy(false);
    }
  };

  const setMapping = (column: number, field: SheetField | null) => {
    if (!guess) return;
    // A field goes to one column: choosing it here takes it from any other.
    const mapping = guess.mapping.map((f, i) => (i === column ? field : f === field ? null : f));
    setGuess({ ...guess, mapping });
  };

  const count = read?.rows.length ?? 0;
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog paste-rows-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
    >
      <h2 id={titleId}>Add rows from a spreadsheet</h2>
      {guess && read ? (
        <SheetPreview
          table={guess.table}
          hasHeader={guess.hasHeader}
          mapping={guess.mapping}
          accepted={read.rows.length}
          rejected={read.rejected}
          onMappingChange={setMapping}
          onHeaderChange={(hasHeader) => setGuess({ ...guess, hasHeader })}
        />
      ) : (
        <PasteSource
          text={text}
          onText={setText}
          onFile={(file) => void readFile(file)}
          onPreview={() => preview(text, 'auto')}
        />
      )}
      {failure && (
        <p role="alert" className="form-error">
          {failure}
        </p>
      )}
      <div className="confirm-dialog-actions">
        <button type="button" className="button" onClick={onClose} autoFocus>
          Cancel
        </button>
        {guess && initialText === '' && (
          <button type="button" className="button" onClick={() => setGuess(null)}>
            Back
          </button>
        )}
        {guess && (
          <button
            type="button"
            className="button button-primary"
            disabled={busy || count === 0}
            onClick={() => void add()}
          >
            Add {count} {count === 1 ? 'item' : 'items'}
          </button>
        )}
      </div>
    </dialog>
  );
}

interface PasteSourceProps {
  text: string;
  onText: (text: string) => void;
  onFile: (file: File) => void;
  onPreview: () => void;
}

function PasteSource({ text, onText, onFile, onPreview }: PasteSourceProps) {
  const id = useId();
  return (
    <div className="paste-source">
      <div className="field">
        <label htmlFor={`${id}-text`}>Rows copied from a spreadsheet</label>
        <textarea
          id={`${id}-text`}
          rows={6}
          value={text}
          onChange={(event) => onText(event.target.value)}
        />
      </div>
      <button type="button" className="button" onClick={onPreview} disabled={text.trim() === ''}>
        Preview rows
      </button>
      <div className="field paste-file">
        <label htmlFor={`${id}-file`}>Or a CSV file (any columns)</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) onFile(file);
          }}
        />
      </div>
    </div>
  );
}
