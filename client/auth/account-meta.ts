// Which account this device is signed in to, kept in the local `meta` table (key
// `account`) so that after a reload, even offline, the app knows it is signed in and
// whose data it holds. Only who and since when: never a token. The access token lives
// in memory (session.ts) and the refresh token in an HttpOnly cookie scripts cannot
// read, so nothing stored here lets anyone act as the user.
import { z } from 'zod';
import { idSchema } from '../../shared/schemas/common';
import type { PybDatabase } from '../db/db';

const storedAccountSchema = z.object({
  id: idSchema,
  email: z.string(),
  /** When this device signed in (ISO time): "Signed in since" on the account page. */
  signedInAt: z.string(),
});
export type StoredAccount = z.output<typeof storedAccountSchema>;

/** The stored account, or null for none (or a row this version cannot read). */
export function parseStoredAccount(value: string | undefined): StoredAccount | null {
  if (value === undefined) return null;
  try {
    const result = storedAccountSchema.safeParse(JSON.parse(value));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

export async function readAccount(database: PybDatabase): Promise<StoredAccount | null> {
  return parseStoredAccount((await database.meta.get('account'))?.value);
}

export async function writeAccount(database: PybDatabase, account: StoredAccount): Promise<void> {
  const { id, email, signedInAt } = account;
  await database.meta.put({ key: 'account', value: JSON.stringify({ id, email, signedInAt }) });
}

/**
 * Makes this a guest device again: no account and no pull cursor (a cursor only means
 * something to the account that issued it). The data and the outbox stay.
 */
export async function forgetAccount(database: PybDatabase): Promise<void> {
  await database.meta.bulkDelete(['account', 'cursor']);
}
