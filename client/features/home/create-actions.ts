// "New trip", "New pack", "New list": create a row with a placeholder name and open it,
// where the user names it. The lists module is loaded on first use: it is not needed
// for the first screen (the trip page already brings the trips and packs modules), and
// the service worker has it cached, so this works offline too.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { createPack } from '../../model/packs';
import { createTrip } from '../../model/trips';
import type { PybDatabase } from '../../model/db-context';
import { useDb } from '../../model/db-context';
import { reportStorageError } from '../../model/storage-errors';

export type NewKind = 'trip' | 'pack' | 'list';

export const NEW_LABELS: Readonly<Record<NewKind, string>> = {
  trip: 'New trip',
  pack: 'New pack',
  list: 'New list',
};

function create(database: PybDatabase, kind: NewKind): Promise<string> {
  switch (kind) {
    case 'trip':
      return createTrip(database, { name: 'Untitled trip' });
    case 'pack':
      return createPack(database, { name: 'Untitled pack' });
    case 'list':
      return import('../../model/lists').then((m) =>
        m.createList(database, { name: 'Untitled list' }),
      );
  }
}

export interface CreateAction {
  /** The kind being created right now, if any (its button shows busy). */
  busy: NewKind | null;
  error: string | null;
  createAndOpen: (kind: NewKind) => void;
}

export function useCreateAndOpen(): CreateAction {
  const database = useDb();
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState<NewKind | null>(null);
  const [error, setError] = useState<string | null>(null);

  const createAndOpen = (kind: NewKind) => {
    if (busy) return;
    setBusy(kind);
    setError(null);
    create(database, kind)
      .then((id) => navigate(`/${kind}s/${id}`))
      .catch((failure: unknown) => {
        // Storage failures get the app-wide alert; anything else is said here.
        if (!reportStorageError(failure))
          setError(`Could not create the ${kind}: ${String(failure)}`);
      })
      .finally(() => setBusy(null));
  };

  return { busy, error, createAndOpen };
}
