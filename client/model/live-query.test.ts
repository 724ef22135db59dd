import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../db/db';
import { createLiveStore } from './live-query';

const database = openDatabase('live-query-test');

afterEach(async () => {
  await database.delete({ disableAutoOpen: false });
});

describe('createLiveStore', () => {
  it('starts loading, then follows the table as it changes', async () => {
    const store = createLiveStore(() => database.lists.count());
    expect(store.getSnapshot()).toEqual({ status: 'loading' });

    const onChange = vi.fn();
    const unsubscribe = store.subscribe(onChange);
    await vi.waitFor(() => expect(store.getSnapshot()).toEqual({ status: 'ready', value: 0 }));

    await database.lists.add({
      id: 'l1',
      deleted: false,
      name: 'Kitchen',
      notes: '',
      color: null,
      sortKey: 'a0',
    });
    await vi.waitFor(() => expect(store.getSnapshot()).toEqual({ status: 'ready', value: 1 }));
    expect(onChange).toHaveBeenCalledTimes(2);
    unsubscribe();
  });

  it('reports a failing query as an error value', async () => {
    const store = createLiveStore(() => Promise.reject(new Error('boom')));
    const unsubscribe = store.subscribe(() => undefined);
    await vi.waitFor(() => expect(store.getSnapshot().status).toBe('error'));
    unsubscribe();
  });
});
