import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/db';
import { DbContext } from '../../model/db-context';
import { TABLE_NAMES } from '../../../shared/schemas';
import type { RestoreCounts } from '../../model/backup-restore';
import { BackupSection } from './backup-section';
import { RestorePreview } from './restore-preview';
import { previewSummary, restoredMessage } from './restore-text';

const database = openDatabase('backup-section-test');
afterEach(() => database.delete({ disableAutoOpen: false }));

const none = { added: 0, updated: 0, unchanged: 0 };
const countsWith = (over: Partial<RestoreCounts>): RestoreCounts => ({
  ...(Object.fromEntries(TABLE_NAMES.map((t) => [t, none])) as RestoreCounts),
  ...over,
});
const noop = () => undefined;

describe('BackupSection', () => {
  it('offers "Download backup" and a .json file input named "Restore backup"', () => {
    const html = renderToStaticMarkup(
      <DbContext value={database}>
        <BackupSection />
      </DbContext>,
    );
    expect(html).toMatch(/<h2 id="[^"]+">Backup<\/h2>/);
    expect(html).toContain('>Download backup</button>');
    const id = /<label for="([^"]+)">Restore backup<\/label>/.exec(html)?.[1];
    expect(id, 'a label "Restore backup"').toBeDefined();
    const input = new RegExp(`<input id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
    expect(input).toContain('type="file"');
    expect(input).toContain('accept=".json,application/json"');
    // The live region is there before anything is announced in it.
    expect(html).toMatch(/<p role="status"[^>]*><\/p>/);
  });
});

describe('RestorePreview', () => {
  const render = (counts: RestoreCounts, busy = false) =>
    renderToStaticMarkup(
      <RestorePreview
        fileName="packyourbag-backup-2026-06-01.json"
        exportedAt="2026-06-01T09:30:00.000Z"
        counts={counts}
        busy={busy}
        onRestore={noop}
        onCancel={noop}
      />,
    );

  it('shows per table what restoring adds, updates and leaves, then Restore and Cancel', () => {
    const html = render(
      countsWith({ items: { added: 3, updated: 1, unchanged: 2 }, trips: { ...none, added: 1 } }),
    );
    expect(html).toContain('Restore “packyourbag-backup-2026-06-01.json”?');
    expect(html).toContain('<caption>Rows in the backup</caption>');
    expect(html).toContain(
      '<tr><th scope="row">Gear items</th><td>3</td><td>1</td><td>2</td></tr>',
    );
    expect(html).toContain('<th scope="row">Trips</th><td>1</td>');
    expect(html).not.toContain('Packs');
    expect(html).toContain('Restoring adds 4 rows and updates 1 row; 2 rows stay as they are.');
    expect(html).toMatch(/<button type="button" class="button button-primary"[^>]*>Restore</);
    expect(html).toMatch(/>Cancel<\/button>/);
  });

  it('disables both choices while restoring', () => {
    const html = render(countsWith({ items: { ...none, added: 1 } }), true);
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });
});

describe('restore text', () => {
  it.each<[Partial<RestoreCounts>, string]>([
    [{}, 'The backup holds no rows.'],
    [{ items: { ...none, unchanged: 2 } }, 'This device already has everything in the backup'],
  ])('summarises %j', (over, text) => {
    expect(previewSummary(countsWith(over))).toContain(text);
  });

  it('says what a restore did, and that nothing newer was overwritten', () => {
    const counts = countsWith({ items: { added: 1, updated: 2, unchanged: 0 } });
    expect(restoredMessage(counts)).toBe(
      'Restored: 1 row added, 2 updated; nothing newer was overwritten.',
    );
  });
});
