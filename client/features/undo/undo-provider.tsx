// Offers "undo" after a destructive action. Deleting is a soft delete (writing
// deleted: true), so undo is a second write, not a restore from a copy; the
// offer stays for a while and is replaced by the next one. Ctrl/Cmd+Z in the list grid
// takes the offer on the screen, as the toast's button would (useUndoLatest).
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { UndoToast } from '../../ui/undo-toast';

type OfferUndo = (message: string, undo: () => Promise<unknown>) => void;

const UndoContext = createContext<OfferUndo | null>(null);
/** Runs the undo on offer; false when there is none. */
type UndoLatest = () => boolean;
const UndoLatestContext = createContext<UndoLatest | null>(null);
const OFFER_MS = 10_000;

interface Offer {
  message: string;
  undo: () => Promise<unknown>;
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const offerUndo = useCallback<OfferUndo>((message, undo) => setOffer({ message, undo }), []);
  const latest = useRef<Offer | null>(null);
  useEffect(() => {
    latest.current = offer;
  }, [offer]);
  const undoLatest = useCallback<UndoLatest>(() => {
    const current = latest.current;
    latest.current = null;
    setOffer(null);
    if (!current) return false;
    void current.undo();
    return true;
  }, []);

  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => setOffer(null), OFFER_MS);
    return () => clearTimeout(timer);
  }, [offer]);

  return (
    <UndoContext value={offerUndo}>
      <UndoLatestContext value={undoLatest}>{children}</UndoLatestContext>
      <UndoToast
        message={offer?.message ?? null}
        onUndo={() => void undoLatest()}
        onDismiss={() => setOffer(null)}
      />
    </UndoContext>
  );
}

export function useOfferUndo(): OfferUndo {
  const offer = useContext(UndoContext);
  if (!offer) throw new Error('useOfferUndo() needs an <UndoProvider> above it');
  return offer;
}

export function useUndoLatest(): UndoLatest {
  const undo = useContext(UndoLatestContext);
  if (!undo) throw new Error('useUndoLatest() needs an <UndoProvider> above it');
  return undo;
}
