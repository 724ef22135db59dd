// One pack (`/packs/:id`): the lists it combines, what it weighs (totals in the
// user's unit and a chart by list) and its details. A missing or deleted pack gets a
// friendly not-found page. Pages wire data; the pieces below are presentational.
import type { List, Pack } from '../../../shared/schemas';
import { useMemo } from 'react';
import { Link, useLocation } from 'wouter';
import type { DisplayUnit } from '../../../shared/units';
import { deletePack, restorePack } from '../../model/packs';
import { useDb } from '../../model/db-context';
import { isLive } from '../../domain/live-rows';
import { packContents, packTotals, type PackSource } from '../../domain/pack-totals';
import { EmptyState } from '../../ui/empty-state';
import { Page } from '../../ui/page';
import { Skeleton } from '../../ui/skeleton';
import { WeightChart } from '../../ui/weight-chart';
import { WeightTotals } from '../../ui/weight-totals';
import { useSettings } from '../settings/use-settings';
import { useOfferUndo } from '../undo/undo-provider';
import { ExportLighterPackButton } from './export-lighterpack-button';
import { PackDetails } from './pack-details';
import { PackBoard } from './pack-board';
import { PackLists } from './pack-lists';
import { DESKTOP_QUERY, useMediaQuery } from '../shell/use-media-query';
import { usePackData } from './use-pack-data';
import './packs.css';

export function PackPage({ id }: { id: string }) {
  const { source, lists } = usePackData(id);
  const settings = useSettings();
  const unit = settings.status === 'ready' ? settings.value.units : 'g';
  for (const result of [source, lists]) {
    if (result.status === 'error')
      return (
        <Page title="Pack">
          <p role="alert">This pack could not be read from storage ({String(result.error)}).</p>
        </Page>
      );
  }
  if (source.status !== 'ready' || lists.status !== 'ready')
    return (
      <Page title="Pack">
        <Skeleton rows={5} label="Loading the pack" />
      </Page>
    );
  const { pack } = source.value;
  if (!isLive(pack)) return <PackNotFound />;
  return <PackView pack={pack} source={source.value} allLists={lists.value} unit={unit} />;
}

interface PackViewProps {
  pack: Pack;
  source: PackSource;
  allLists: readonly List[];
  unit: DisplayUnit;
}

function PackView({ pack, source, allLists, unit }: PackViewProps) {
  const db = useDb();
  const [, navigate] = useLocation();
  const offerUndo = useOfferUndo();
  const contents = useMemo(() => packContents(source), [source]);
  const { lists, totals } = useMemo(() => packTotals(contents), [contents]);
  // The board of entries by list is for the desktop; a phone keeps the list of lists.
  const desktop = useMediaQuery(DESKTOP_QUERY);

  const remove = async () => {
    await deletePack(db, pack.id);
    offerUndo(`Deleted pack “${pack.name}”`, async () => {
      await restorePack(db, pack.id);
      navigate(`/packs/${pack.id}`);
    });
    navigate('/packs');
  };

  return (
    <Page title={pack.name}>
      <section className="pack-section" aria-labelledby="pack-weight-heading">
        <h2 id="pack-weight-heading">Weight</h2>
        <div className="pack-weight">
          <WeightTotals totals={totals} unit={unit} label={`Totals of ${pack.name}`} />
          {lists.length > 0 && (
            <WeightChart
              title="Weight by list"
              unit={unit}
              slices={lists.map((l) => ({
                id: l.listId,
                label: l.name,
                grams: l.totals.total,
                color: l.color,
              }))}
            />
          )}
        </div>
      </section>
      <PackLists packId={pack.id} lists={lists} allLists={allLists} unit={unit} />
      {desktop && contents.length > 0 && <PackBoard contents={contents} unit={unit} />}
      <section className="pack-section" aria-labelledby="pack-details-heading">
        <h2 id="pack-details-heading">Pack details</h2>
        <PackDetails pack={pack} />
        <div className="button-row">
          <ExportLighterPackButton packId={pack.id} unit={unit} />
          <button type="button" className="button" onClick={() => void remove()}>
            Delete pack
          </button>
        </div>
      </section>
    </Page>
  );
}

function PackNotFound() {
  return (
    <Page title="Pack not found">
      <EmptyState title="This pack isn’t here">
        <p>It may have been deleted, here or on another device, or the link is incomplete.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </EmptyState>
    </Page>
  );
}
