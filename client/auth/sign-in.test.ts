import { afterEach, describe, expect, it } from 'vitest';
import { cellsOfEntry, SYNCED_TABLES } from '../db/types';
import { seedOnFirstRun } from '../model/first-run';
import { readAccount, writeAccount } from './account-meta';
import { completeSignIn, type LocalDataAnswer, type LocalDataQuestion } from './sign-in';
import { addOwnItem, createHarness, PASSWORD, type Harness } from './test-support/harness';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const EMAIL = 'ann@example.com';

/** Logs in through the browser and finishes with `answer` to any question asked. */
async function signIn(answer: LocalDataAnswer = 'cancel', email = EMAIL) {
  const asked: LocalDataQuestion[] = [];
  const response = await h.client.api.login({ email, password: PASSWORD });
  if (!response.ok) throw new Error('login failed');
  const outcome = await completeSignIn(h.client, response.value, async (question) => {
    asked.push(question);
    return answer;
  });
  return { outcome, asked, userId: response.value.user.id };
}

const liveRows = async () =>
  (await Promise.all(SYNCED_TABLES.map((t) => h.db.table(t).toArray())))
    .flat()
    .filter((row: { deleted?: boolean }) => !row.deleted).length;

describe('completeSignIn: data already on the device', () => {
  it('signs in on an empty device without asking', async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    const { outcome, asked, userId } = await signIn();
    expect(outcome).toBe('signed-in');
    expect(asked).toEqual([]);
    expect((await readAccount(h.db))?.id).toBe(userId);
    expect(h.client.session.getSnapshot()).toMatchObject({ status: 'signed-in' });
  });

  it('removes the untouched sample silently', async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    await seedOnFirstRun(h.db);
    const { asked } = await signIn();
    expect(asked).toEqual([]);
    expect(await liveRows()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('asks about guest data; keep queues every cell for sync and signs in', async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    await addOwnItem(h.db);
    const { outcome, asked } = await signIn('keep');
    expect(asked).toMatchObject([{ kind: 'guest-data', summary: { own: { items: 1 } } }]);
    expect(outcome).toBe('signed-in');
    expect(await h.db.items.count()).toBe(1);
    const fields = (await h.db.outbox.toArray())
      .flatMap(cellsOfEntry)
      .map((c) => `${c.table}/${c.id}/${c.field}`);
    expect(fields).toContain('items/mine/name');
    expect(new Set(fields).size).toBe(fields.length);
    expect(await readAccount(h.db)).not.toBeNull();
  });

  it('discard removes the guest data before signing in', async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    await addOwnItem(h.db);
    const { outcome } = await signIn('discard');
    expect(outcome).toBe('signed-in');
    expect(await h.db.items.count()).toBe(0);
    expect(await h.db.outbox.count()).toBe(0);
  });

  it('cancel keeps the device as it was and ends the new login', async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    await addOwnItem(h.db);
    await h.client.session.start();
    const { outcome } = await signIn('cancel');
    expect(outcome).toBe('cancelled');
    expect(await h.db.items.count()).toBe(1);
    expect(await readAccount(h.db)).toBeNull();
    // The login just made is ended on the server, and its cookie is gone from the browser.
    expect(h.browser.cookie()).toBeNull();
    // (The first session is the sign-up's, made on another device.)
    const sessions = h.server.db.prepare('SELECT revoked_at FROM sessions ORDER BY id').all();
    expect(sessions).toEqual([{ revoked_at: null }, { revoked_at: expect.any(Number) }]);
    expect(h.client.session.getSnapshot()).toMatchObject({ status: 'signed-out' });
  });

  it('signs the same account in again without asking, keeping unsynced changes', async () => {
    h = await createHarness();
    const id = await h.addUser(EMAIL);
    await writeAccount(h.db, { id, email: EMAIL, signedInAt: '2026-05-01T00:00:00.000Z' });
    await addOwnItem(h.db);
    const unsynced = await h.db.outbox.count();
    const { asked, outcome } = await signIn();
    expect(asked).toEqual([]);
    expect(outcome).toBe('signed-in');
    expect(await h.db.outbox.count()).toBe(unsynced);
    expect(await h.db.items.count()).toBe(1);
  });

  it("never mixes accounts: another account's data is discarded or the sign-in cancelled", async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    await writeAccount(h.db, { id: 'u-old', email: 'old@example.com', signedInAt: 'x' });
    await addOwnItem(h.db);

    const cancelled = await signIn('keep');
    expect(cancelled.asked).toMatchObject([
      { kind: 'other-account', otherEmail: 'old@example.com' },
    ]);
    expect(cancelled.outcome).toBe('cancelled');
    expect((await readAccount(h.db))?.id).toBe('u-old');
    expect(await h.db.items.count()).toBe(1);

    const discarded = await signIn('discard');
    expect(discarded.outcome).toBe('signed-in');
    expect((await readAccount(h.db))?.id).toBe(discarded.userId);
    expect(await h.db.items.count()).toBe(0);
  });
  it('an account gone from the server (deleted, or lost in a restore): its data joins the new account of the same email', async () => {
    h = await createHarness();
    await h.addUser(EMAIL);
    // The device still holds the old account (another id, same email) and its cursor.
    await writeAccount(h.db, { id: 'u-gone', email: EMAIL, signedInAt: 'x' });
    await h.db.meta.put({ key: 'cursor', value: '0123456789ab.0.7' });
    await addOwnItem(h.db);
    await h.db.outbox.clear(); // synced into the account that is gone
    const { asked, outcome, userId } = await signIn('keep');
    expect(asked).toMatchObject([{ kind: 'guest-data', summary: { own: { items: 1 } } }]);
    expect(outcome).toBe('signed-in');
    expect((await readAccount(h.db))?.id).toBe(userId);
    expect(await h.db.items.count()).toBe(1);
    expect(await h.db.outbox.count()).toBeGreaterThan(0); // pushed into the new account
    expect(await h.db.meta.get('cursor')).toBeUndefined(); // the old account's cursor is not
  });
});
