// The steps of importing a LighterPack CSV on the settings page: choose a file → read it
// (with progress) → preview what would be written → write it all (with progress) → done.
// Oversized files are refused before reading, and files over MAX_ROWS rows right after
// parsing, each with a message; nothing is written before the user confirms.
import { useCallback, useRef, useState } from 'react';
import {
  MAX_FILE_BYTES,
  MAX_ROWS,
  parseLighterPackCsv,
  type LighterPackFile,
} from '../../../shared/lighterpack';
import type { Item } from '../../../shared/schemas';
import { useDb } from '../../model/db-context';
import { applyImport, type ImportPhase, type ImportPlan } from '../../model/import-lighterpack';
import { liveItems } from '../../model/items';

export type ImportState =
  | { step: 'choose'; message: string | null }
  | { step: 'reading'; fileName: string; loaded: number; total: number }
  | { step: 'preview'; fileName: string; file: LighterPackFile; library: Item[] }
  | { step: 'importing'; packName: string; phase: ImportPhase; done: number; total: number }
  | { step: 'done'; packId: string; packName: string; lists: number; entries: number };

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

function readText(file: File, onProgress: (loaded: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (event) => onProgress(event.loaded);
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file);
  });
}

export function useLighterPackImport() {
  const db = useDb();
  const [state, setState] = useState<ImportState>({ step: 'choose', message: null });
  // A newer choice wins: results of an older read are dropped.
  const latest = useRef(0);

  const choose = useCallback(
    async (file: File) => {
      const run = ++latest.current;
      const fileName = file.name;
      if (file.size > MAX_FILE_BYTES) {
        const message =
          `“${fileName}” is ${megabytes(file.size)} MB; files up to 5 MB ` +
          `(${MAX_ROWS.toLocaleString('en-US')} rows) can be imported. Split it into smaller files.`;
        setState({ step: 'choose', message });
        return;
      }
      setState({ step: 'reading', fileName, loaded: 0, total: file.size });
      try {
        const text = await readText(file, (loaded) => {
          if (run === latest.current)
            setState({ step: 'reading', fileName, loaded, total: file.size });
        });
        const parsed = parseLighterPackCsv(text);
        const library = await liveItems(db);
        if (run !== latest.current) return;
        if (!parsed.ok)
          return setState({ step: 'choose', message: `“${fileName}”: ${parsed.error}` });
        setState({ step: 'preview', fileName, file: parsed.file, library });
      } catch (error) {
        if (run !== latest.current) return;
        setState({
          step: 'choose',
          message: `“${fileName}” could not be read (${String(error)}).`,
        });
      }
    },
    [db],
  );

  const confirm = useCallback(
    async (plan: ImportPlan) => {
      const run = ++latest.current;
      const { packName } = plan;
      setState({ step: 'importing', packName, phase: 'checking', done: 0, total: 1 });
      try {
        const packId = await applyImport(db, plan, (done, total, phase) => {
          if (run === latest.current) setState({ step: 'importing', packName, phase, done, total });
        });
        const lists = plan.lists.length;
        setState({ step: 'done', packId, packName, lists, entries: plan.entryCount });
      } catch (error) {
        setState({
          step: 'choose',
          message: `Nothing was imported: the pack could not be saved (${String(error)}).`,
        });
      }
    },
    [db],
  );

  const reset = useCallback(() => {
    latest.current++;
    setState({ step: 'choose', message: null });
  }, []);

  return { state, choose, confirm, reset };
}
