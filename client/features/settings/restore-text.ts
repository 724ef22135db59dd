// The words of the backup section (backup-section.tsx): what each synced table is called
// for the user, and the sentence a finished restore leaves behind.
import type { TableName } from '../../../shared/schemas';
import type { RestoreCounts, RowCounts } from '../../model/backup-restore';

export const TABLE_LABELS: Readonly<Record<TableName, string>> = {
  items: 'Gear items',
  lists: 'Lists',
  listEntries: 'Items in lists',
  packs: 'Packs',
  packLists: 'Lists in packs',
  trips: 'Trips',
  tripChecks: 'Checked-off items',
  settings: 'Settings',
};

const rows = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

/** The counts of every table added up. */
export function totalOf(counts: RestoreCounts): RowCounts {
  const total: RowCounts = { added: 0, updated: 0, unchanged: 0 };
  for (const table of Object.values(counts)) {
    total.added += table.added;
    total.updated += table.updated;
    total.unchanged += table.unchanged;
  }
  return total;
}

/** What the preview says in one line, before the table. */
export function previewSummary(counts: RestoreCounts): string {
  const { added, updated, unchanged } = totalOf(counts);
  if (added + updated === 0)
    return unchanged === 0
      ? 'The backup holds no rows.'
      : 'This device already has everything in the backup: restoring it changes nothing.';
  return `Restoring adds ${rows(added)} and updates ${rows(updated)}; ${rows(unchanged)} stay as they are.`;
}

/** What a finished restore did. */
export function restoredMessage(counts: RestoreCounts): string {
  const { added, updated } = totalOf(counts);
  return `Restored: ${rows(added)} added, ${updated.toLocaleString('en-US')} updated; nothing newer was overwritten.`;
}
