// Offers "undo" after a destructive action. Deleting is a soft delete (writing
// deleted: true), so undo is a second write, not a restore from a copy; the
// offer stays for a while and is replaced by the next one.
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { UndoToast } from '../../ui/undo-toast';

type OfferUndo = (message: string, undo: () => Promise<unknown>) => void;

const UndoContext = createContext<OfferUndo | null>(null);
const OFFER_MS = 10_000;

interface Offer {
  message: string;
  undo: () => Promise<unknown>;
}

export function UndoProvider({ children }: { children: ReactNode }) {
  const [offer, setOffer] = useState<Offer | null>(null);
  const offerUndo = useCallback<OfferUndo>((message, undo) => setOffer({ message, undo }), []);

  useEffect(() => {
    if (!offer) return;
    const timer = setTimeout(() => setOffer(null), OFFER_MS);
    return () => clearTimeout(timer);
  }, [offer]);

  const value = useMemo(() => offerUndo, [offerUndo]);
  return (
    <UndoContext value={value}>
      {children}
      <UndoToast
        message={offer?.message ?? null}
        onUndo={() => {
          const current = offer;
          setOffer(null);
          void current?.undo();
        }}
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
