// A question the page asks in the middle of an async flow (sign-in asks what to do
// with this device's data): `ask` returns a promise the dialog settles with `answer`.
// Only the first answer counts: a dialog reports "cancel" again when it closes.
import { useCallback, useRef, useState } from 'react';

export function useQuestion<Q, A>() {
  const [question, setQuestion] = useState<Q | null>(null);
  const resolver = useRef<((answer: A) => void) | null>(null);
  const ask = useCallback(
    (next: Q) =>
      new Promise<A>((resolve) => {
        resolver.current = resolve;
        setQuestion(next);
      }),
    [],
  );
  const answer = useCallback((value: A) => {
    const resolve = resolver.current;
    resolver.current = null;
    setQuestion(null);
    resolve?.(value);
  }, []);
  return { question, ask, answer };
}
