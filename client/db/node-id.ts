// This install's node id, which every sync request names (docs/api.md). The clock makes it on
// the first local write (db/local-clock.ts); a device that only ever pulled has made
// none, so the engine makes it here the same way. Read and written in one transaction,
// so two tabs starting at once agree on one id.
import type { PybDatabase } from './db';
import { randomNodeId } from './local-clock';

export function ensureNodeId(db: PybDatabase): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const known = await db.meta.get('nodeId');
    if (known) return known.value;
    const nodeId = randomNodeId();
    await db.meta.put({ key: 'nodeId', value: nodeId });
    return nodeId;
  });
}
