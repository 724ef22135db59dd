// The storage problem to show in the app-wide alert: the latest one reported (see
// model/storage-errors.ts), until the user dismisses it.
import { useEffect, useState } from 'react';
import { onStorageProblem, type StorageProblem } from '../../model/storage-errors';

export function useStorageProblem(): [StorageProblem | null, () => void] {
  const [problem, setProblem] = useState<StorageProblem | null>(null);
  useEffect(() => onStorageProblem(setProblem), []);
  return [problem, () => setProblem(null)];
}
