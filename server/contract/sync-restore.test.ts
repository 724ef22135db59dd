// [P6] The sync endpoint after `admin restore` (done in place here, as the model test
// does): cursors from before are refused with 410 cause `restore`, and a re-send of
// cells other devices wrote is accepted only with `resend: true`. An app from before
// restores existed (no `resend` field) gets 426 instead, so it never takes the restore
// for a purge and drops what the backup lacks.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../backup/backup';
import { createTestApp, tempDir, type TestApp } from '../test-support/fixture';
import { restoreInPlace } from '../test-support/restore-in-place';
import {
  change,
  expectError,
  hlc,
  NODE_A,
  NODE_B,
  signUp,
  sync,
  syncBody,
  syncOk,
  T0,
} from '../test-support/sync-client';

let t: TestApp | undefined;
const dirs: { remove(): void }[] = [];
afterEach(() => {
  t?.close();
  dirs.splice(0).forEach((d) => d.remove());
});

async function restoredWithCursor() {
  t = await createTestApp();
  const app = t.app;
  const a = await signUp(app);
  const before = await syncOk(
    app,
    a.token,
    syncBody(NODE_A, [change('items', 'x', 'name', 'X', hlc(NODE_A, T0))]),
  );
  const dir = tempDir();
  dirs.push(dir);
  const file = join(dir.path, 'b.db');
  await backupDatabase(t.db, file, Date.now());
  const after = await syncOk(
    app,
    a.token,
    syncBody(NODE_A, [change('items', 'y', 'name', 'Y', hlc(NODE_A, T0 + 1))], before.cursor),
  );
  restoreInPlace(t.db, file, Date.now());
  return { app, a, before: before.cursor, after: after.cursor };
}

describe('[API Sync errors] after a restore', () => {
  it('cursors from before get 410 with cause restore, those newer than the backup too', async () => {
    const { app, a, before, after } = await restoredWithCursor();
    for (const since of [before, after]) {
      const refused = await sync(app, a.token, { ...syncBody(NODE_B, [], since), resend: false });
      expectError(refused, 410, 'resync_required');
      expect(refused.body).toMatchObject({ error: { details: { cause: 'restore' } } });
    }
  });

  it('an app that cannot re-send (no resend field) gets 426 and nothing is applied', async () => {
    const { app, a, after } = await restoredWithCursor();
    const pending = [change('items', 'z', 'name', 'Z', hlc(NODE_B, T0 + 2))];
    expectError(
      await sync(app, a.token, syncBody(NODE_B, pending, after)),
      426,
      'upgrade_required',
    );
    const all = await syncOk(app, a.token, { ...syncBody(NODE_B, [], ''), resend: false });
    expect(all.changes.map((c) => c.id)).toEqual(['x']);
  });

  it('a re-send carries other devices’ cells only with resend: true', async () => {
    const { app, a } = await restoredWithCursor();
    const theirs = [change('items', 'y', 'name', 'Y', hlc(NODE_A, T0 + 1))];
    const plain = await sync(app, a.token, { ...syncBody(NODE_B, theirs, ''), resend: false });
    expectError(plain, 400, 'invalid_request');
    const resent = await syncOk(app, a.token, { ...syncBody(NODE_B, theirs, ''), resend: true });
    expect(resent.changes.map((c) => [c.id, c.hlc])).toEqual([
      ['x', hlc(NODE_A, T0)],
      ['y', hlc(NODE_A, T0 + 1)],
    ]);
  });
});
