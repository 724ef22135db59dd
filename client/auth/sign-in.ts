// Finishing a sign-in or sign-up once the server said yes: deciding what happens to
// the data already on this device, then storing the account and adopting the token.
//
//   same account as stored    keep everything (unsynced changes included) and resume
//   same email, another id    the stored account no longer exists on the server (it was
//                             deleted, or lost in a server restore): its data is this
//                             person's, so it is treated as guest data
//   another account stored    never mix two accounts: ask to discard its data, or cancel
//   guest device, own data    ask: keep it (synced into the account) or discard it
//   guest device, nothing but
//   the untouched sample      remove it without asking
//
// The chosen keep/discard and the account row are written in one transaction, so a
// crash cannot leave a signed-in device whose guest data was never queued for sync.
// Cancelling revokes the login that was just made (the server clears its cookie).
import type { SessionResponse } from '../../shared/auth-api';
import { discardLocalData, kindOf, summarizeLocalData, syncedTablesOf } from '../model/guest-data';
import type { LocalDataSummary } from '../model/guest-data';
import { keepLocalData } from '../model/guest-data-keep';
import type { AuthClient } from './auth-client';
import { readAccount, writeAccount } from './account-meta';

/** `email` is the account being signed in to. */
export type LocalDataQuestion =
  | { kind: 'guest-data'; email: string; summary: LocalDataSummary }
  | {
      kind: 'other-account';
      email: string;
      otherEmail: string;
      summary: LocalDataSummary;
      unsynced: number;
    };

/** `keep` is only offered for guest data; for another account's data it means cancel. */
export type LocalDataAnswer = 'keep' | 'discard' | 'cancel';

type Plan = 'nothing' | 'keep' | 'discard' | 'cancel';

async function plan(
  client: AuthClient,
  user: { id: string; email: string },
  ask: (question: LocalDataQuestion) => Promise<LocalDataAnswer>,
): Promise<Plan> {
  const { db } = client;
  const { email } = user;
  const stored = await readAccount(db);
  if (stored?.id === user.id) return 'nothing';
  const summary = await summarizeLocalData(db);
  const kind = kindOf(summary);
  // Emails are unique on the server: the same email under another id means the stored
  // account is gone, and what this device holds of it is the same person's data.
  if (stored && stored.email !== email) {
    const unsynced = await db.outbox.count();
    if (kind === 'empty' && unsynced === 0) return 'discard';
    const otherEmail = stored.email;
    const answer = await ask({ kind: 'other-account', email, otherEmail, summary, unsynced });
    return answer === 'discard' ? 'discard' : 'cancel';
  }
  // Nothing live (at most tombstones of rows no account ever saw), or only the sample:
  // the account starts from what it holds.
  if (kind !== 'own-data') return 'discard';
  return ask({ kind: 'guest-data', email, summary });
}

/** Resolves 'cancelled' when the user chose to keep the device as it was. */
export async function completeSignIn(
  client: AuthClient,
  response: SessionResponse,
  ask: (question: LocalDataQuestion) => Promise<LocalDataAnswer>,
): Promise<'signed-in' | 'cancelled'> {
  const { db, session, api } = client;
  const decision = await plan(client, response.user, ask);
  if (decision === 'cancel') {
    await api.logout();
    return 'cancelled';
  }
  try {
    await session.establish(response, (account) =>
      db.transaction('rw', [...syncedTablesOf(db), db.outbox, db.meta], async () => {
        if (decision === 'discard') await discardLocalData(db);
        if (decision === 'keep') await keepLocalData(db);
        await writeAccount(db, account);
      }),
    );
  } catch (error) {
    // Nothing was written; do not leave a login behind that this device cannot use.
    await api.logout();
    throw error;
  }
  return 'signed-in';
}
