// The real sync server in process for client sync tests, fresh for each test, plus a
// way to make devices on it that are all removed afterwards. Call at the top of a file.
import { afterEach, beforeEach } from 'vitest';
import {
  createTestApp,
  manualClock,
  type TestApp,
  type TestAppOptions,
} from '../../../server/test-support/fixture';
import { createDevice, registerUser, type Device, type DeviceOptions } from './device';

export { manualClock };

export interface SyncFixture {
  server(): TestApp;
  /** A user's token on the current server. */
  register(): Promise<string>;
  /** A device on the current server; its name is made unique to this test. */
  device(token: string, options?: Partial<DeviceOptions>): Device;
}

let nameCounter = 0;

export function syncServerPerTest(options: () => TestAppOptions = () => ({})): SyncFixture {
  let current: TestApp | null = null;
  const devices: Device[] = [];
  beforeEach(async () => {
    current = await createTestApp(options());
  });
  afterEach(async () => {
    await Promise.all(devices.splice(0).map((d) => d.destroy()));
    current?.close();
    current = null;
  });
  const server = () => {
    if (!current) throw new Error('no server outside a test');
    return current;
  };
  return {
    server,
    register: () => registerUser(server().app),
    device(token, rest = {}) {
      nameCounter += 1;
      const name = `${rest.name ?? 'device'}-${nameCounter}`;
      const device = createDevice({ app: server().app, token, ...rest, name });
      devices.push(device);
      return device;
    },
  };
}
