// What the account page does once signed in: sign out (here or everywhere), change
// the password, export, delete the account. Each resolves a value the page can show;
// none throws for a refused or failed request.
//
// Signing out keeps this device's data by default: it becomes a guest device with that
// data (account-meta.ts forgetAccount). Removing it is an explicit choice.
import type { ChangePassword, DeleteAccount } from '../../shared/auth-api';
import { discardLocalData, syncedTablesOf } from '../model/guest-data';
import type { AuthClient } from './auth-client';
import { forgetAccount } from './account-meta';
import { ok, type ApiResult } from './http';

export interface SignOutOptions {
  /** Also remove this account's data from this device. */
  removeData: boolean;
}

/** Forgets the account on this device, with or without its data, in one transaction. */
async function signOutLocally(client: AuthClient, { removeData }: SignOutOptions): Promise<void> {
  const { db } = client;
  await db.transaction('rw', [...syncedTablesOf(db), db.outbox, db.meta], async () => {
    if (removeData) await discardLocalData(db);
    await forgetAccount(db);
  });
  client.session.signedOut();
}

/**
 * Signs out on this device. Works offline too: the device forgets the account at once;
 * `reachedServer` false means the server never heard, so that login stays valid there
 * until it expires unused.
 */
export async function signOut(
  client: AuthClient,
  options: SignOutOptions,
): Promise<{ reachedServer: boolean }> {
  const result = await client.api.logout();
  await signOutLocally(client, options);
  return { reachedServer: result.ok };
}

/** Ends every login of the account (all devices), then signs out here. Needs the server. */
export async function signOutEverywhere(
  client: AuthClient,
  options: SignOutOptions,
): Promise<ApiResult<null>> {
  const result = await client.api.logoutAll();
  if (!result.ok) return result;
  await signOutLocally(client, options);
  return ok(null);
}

/** The server revokes every earlier login, this one too, and answers a new one: use it. */
export async function changePassword(
  client: AuthClient,
  body: ChangePassword,
): Promise<ApiResult<null>> {
  const result = await client.api.changePassword(body);
  if (!result.ok) return result;
  client.session.adoptSession(result.value);
  return ok(null);
}

/** Deletes the account on the server; this device keeps its data, as a guest device. */
export async function deleteAccount(
  client: AuthClient,
  body: DeleteAccount,
): Promise<ApiResult<null>> {
  const result = await client.api.deleteAccount(body);
  if (!result.ok) return result;
  await signOutLocally(client, { removeData: false });
  return ok(null);
}
