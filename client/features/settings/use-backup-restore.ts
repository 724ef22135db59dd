// The steps of "Restore backup" on the settings page: choose a file → read and check it
// (shared/backup.ts) → preview what restoring it would do → restore once the user confirms
// → done. Nothing is written before the confirmation; a damaged or foreign file ends in a
// message, and a restore that fails leaves the data as it was (it is one transaction).
import { useCallback, useRef, useState } from 'react';
import { parseBackup, type Backup } from '../../../shared/backup';
import { useDb } from '../../model/db-context';
import { previewRestore, restoreBackup, type RestoreCounts } from '../../model/backup-restore';
import { restoredMessage } from './restore-text';

export type RestoreState =
  | { step: 'choose'; error: string | null; done: string | null }
  | { step: 'checking'; fileName: string }
  | { step: 'preview' | 'restoring'; fileName: string; backup: Backup; counts: RestoreCounts };

const CHOOSE: RestoreState = { step: 'choose', error: null, done: null };
const failed = (error: string): RestoreState => ({ step: 'choose', error, done: null });

export function useBackupRestore() {
  const db = useDb();
  const [state, setState] = useState<RestoreState>(CHOOSE);
  // A newer choice (or Cancel) wins: what an older step finds later is dropped.
  const latest = useRef(0);

  const choose = useCallback(
    async (file: File) => {
      const run = ++latest.current;
      const fileName = file.name;
      setState({ step: 'checking', fileName });
      const settle = (next: RestoreState) => {
        if (run === latest.current) setState(next);
      };
      try {
        const parsed = parseBackup(await file.text());
        if (!parsed.ok) return settle(failed(`“${fileName}”: ${parsed.error}`));
        const counts = await previewRestore(db, parsed.backup);
        settle({ step: 'preview', fileName, backup: parsed.backup, counts });
      } catch (error) {
        settle(failed(`“${fileName}” could not be read (${String(error)}).`));
      }
    },
    [db],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'preview') return;
    const run = ++latest.current;
    setState({ ...state, step: 'restoring' });
    let next: RestoreState;
    try {
      const result = await restoreBackup(db, state.backup, Date.now());
      next = { step: 'choose', error: null, done: restoredMessage(result.counts) };
    } catch (error) {
      next = failed(`The backup could not be restored (${String(error)}). Nothing was changed.`);
    }
    if (run === latest.current) setState(next);
  }, [db, state]);

  const reset = useCallback(() => {
    latest.current += 1;
    setState(CHOOSE);
  }, []);

  return { state, choose, confirm, reset };
}
