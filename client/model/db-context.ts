// Hands the database to pages through React context, so tests can render a page
// against their own fake database instead of the app's singleton.
import { createContext, useContext } from 'react';
import type { PybDatabase } from '../db/db';

/** The database pages hand to model commands (createPack(db, …)); they never open a table. */
export type { PybDatabase } from '../db/db';

export const DbContext = createContext<PybDatabase | null>(null);

export function useDb(): PybDatabase {
  const database = useContext(DbContext);
  if (!database) throw new Error('useDb() needs a <DbContext value={db}> above it');
  return database;
}
