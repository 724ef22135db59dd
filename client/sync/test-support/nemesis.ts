// A fault-injecting network between simulated devices and the real server, for the
// model-based sync test: per device it can drop a request before the server sees it,
// drop the answer after the server committed, send a request twice, hold a request
// back and deliver it later (out of order), or cut the device off (a partition).
// A lost request or answer looks to the engine like being offline: it throws.
import type { SyncRequest } from '../../../shared/protocol';
import type { SyncTransport } from '../transport';

export const FAULTS = ['drop-request', 'drop-answer', 'duplicate', 'delay'] as const;
export type Fault = (typeof FAULTS)[number];

export class NetworkDown extends TypeError {
  constructor() {
    super('Failed to fetch (nemesis)');
  }
}

export function createNemesis() {
  const pending = new Map<string, Fault[]>();
  const partitioned = new Set<string>();
  const delayed: (() => Promise<unknown>)[] = [];

  return {
    wrap(device: string, send: SyncTransport): SyncTransport {
      return async (request: SyncRequest) => {
        if (partitioned.has(device)) throw new NetworkDown();
        const fault = pending.get(device)?.shift();
        switch (fault) {
          case undefined:
            return send(request);
          case 'drop-request':
            throw new NetworkDown();
          case 'drop-answer':
            await send(request);
            throw new NetworkDown();
          case 'duplicate':
            await send(request);
            return send(request);
          case 'delay':
            delayed.push(() => send(request).catch(() => undefined));
            throw new NetworkDown();
        }
      };
    },
    inject(device: string, fault: Fault) {
      pending.set(device, [...(pending.get(device) ?? []), fault]);
    },
    togglePartition(device: string) {
      if (!partitioned.delete(device)) partitioned.add(device);
    },
    /** Delivers the held-back requests now, after newer ones; their answers are lost. */
    async deliverDelayed() {
      for (const send of delayed.splice(0)) await send();
    },
    /** Ends every partition and pending fault (held-back requests are delivered). */
    async heal() {
      partitioned.clear();
      pending.clear();
      await this.deliverDelayed();
    },
  };
}

export type Nemesis = ReturnType<typeof createNemesis>;
