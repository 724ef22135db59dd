import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_ROWS } from '../../shared/test-support/sample-rows';
import { openDatabase, type PybDatabase } from '../db/db';
import { watchOutbox } from './watch-outbox';

let database: PybDatabase | undefined;
afterEach(async () => {
  await database?.delete({ disableAutoOpen: false });
  database?.close();
});

describe('watchOutbox', () => {
  it('calls back on local writes, not on the engine deleting acknowledged entries', async () => {
    database = openDatabase('watch-outbox');
    const db = database;
    await db.items.add({ ...SAMPLE_ROWS.items, id: 'before' });
    const onWrite = vi.fn();
    const stop = watchOutbox(db)(onWrite);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the first answer is the start
    expect(onWrite).not.toHaveBeenCalled();
    await db.items.update('before', { name: 'Changed' });
    await vi.waitFor(() => expect(onWrite).toHaveBeenCalledTimes(1));
    await db.outbox.clear();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onWrite).toHaveBeenCalledTimes(1);
    await db.items.update('before', { name: 'Again' });
    await vi.waitFor(() => expect(onWrite).toHaveBeenCalledTimes(2));
    stop();
  });
});
