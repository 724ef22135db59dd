// One list (/lists/:id): its details, subtotals and entries, with adding from the
// library and reordering. A list that is missing or deleted (another tab, a synced
// device, an old link) gets a friendly not-found page, never an error. From 1024 px the
// entries are a spreadsheet-like grid under a compact header (issue 14); a phone keeps
// the cards with steppers. Both read and write the same model.
import { useState } from 'react';
import { Link } from 'wouter';
import type { DisplayUnit } from '../../../shared/units';
import { listWithEntries } from '../../model/lists';
import type { ListView } from '../../model/lists';
import { useQuery } from '../../model/use-query';
import { listTotals } from '../../domain/list-totals';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { WeightTotals } from '../../ui/weight-totals';
import { useSettings } from '../settings/use-settings';
import { DESKTOP_QUERY, useMediaQuery } from '../shell/use-media-query';
import { AddItems } from './add-items';
import { EntryGrid } from './entry-grid';
import { EntryList } from './entry-list';
import { ListHeader } from './list-header';
import { PasteRowsDialog } from './paste-rows-dialog';
import './lists.css';

export function ListPage({ id }: { id: string }) {
  const settings = useSettings();
  const view = useQuery(listWithEntries, id);
  const unit = settings.status === 'ready' ? settings.value.units : 'g';

  if (view.status === 'loading') {
    return (
      <Page title="List">
        <Skeleton rows={5} label="Loading the list" />
      </Page>
    );
  }
  if (view.status === 'error') {
    return (
      <Page title="List">
        <p role="alert">This list could not be read ({String(view.error)}).</p>
      </Page>
    );
  }
  if (view.value === null) return <ListNotFound />;
  return <ListContent view={view.value} unit={unit} />;
}

function ListNotFound() {
  return (
    <Page title="List not found">
      <EmptyState title="This list isn’t here">
        <p>It may have been deleted, here or on another device, or the link is incomplete.</p>
        <p>
          <Link href="/">Go to the start page</Link> or <Link href="/items">open your items</Link>.
        </p>
      </EmptyState>
    </Page>
  );
}

function ListContent({ view, unit }: { view: ListView; unit: DisplayUnit }) {
  const { list, entries } = view;
  const desktop = useMediaQuery(DESKTOP_QUERY);
  // The text of a paste into the grid, '' for the button's empty form, null when closed.
  const [pasting, setPasting] = useState<string | null>(null);
  const totals = listTotals(
    entries.map((e) => e.entry),
    new Map(entries.map((e) => [e.item.id, e.item])),
  );
  return (
    <Page title={list.name}>
      <div className={desktop ? 'list-page list-page-desktop' : 'list-page'}>
        <ListHeader list={list}>
          <button type="button" className="button" onClick={() => setPasting('')}>
            Paste rows / Import CSV
          </button>
        </ListHeader>
        <WeightTotals totals={totals} unit={unit} label={`Totals of ${list.name}`} />
        {desktop ? (
          <EntryGrid
            listId={list.id}
            listName={list.name}
            entries={entries}
            userUnit={unit}
            onPaste={setPasting}
          />
        ) : (
          <EntryList listId={list.id} entries={entries} userUnit={unit} />
        )}
        <AddItems listId={list.id} entries={entries} userUnit={unit} />
        {pasting !== null && (
          <PasteRowsDialog
            listId={list.id}
            userUnit={unit}
            initialText={pasting}
            onClose={() => setPasting(null)}
          />
        )}
      </div>
    </Page>
  );
}
