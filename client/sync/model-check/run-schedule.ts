// Runs one generated schedule against the real server app in process: real devices
// (Dexie on fake-indexeddb, the real middleware and sync engine) of two users, writing
// and syncing through the nemesis, with clock skews, crashes and tombstone purges. Then
// it heals the network, syncs everyone to quiescence, and checks (throwing on failure):
//   1. every device of a user shows the same rows as the reference model;
//   2. cell by cell (value and hlc), devices and server equal the reference for every
//      row not purged: no write was lost, acknowledged or not;
//   3. the second user's device holds exactly its own data (isolation);
//   4. no cursor ever moved back, except across a purge or a restore (410 restarts from "").
// A restore puts the server back to the latest backup ([P6]); the reference does not
// change, because every write is still held by some device, which sends it again. Like
// `admin restore`, it only restores a backup taken after the last purge (a backup older
// than the tombstone horizon is refused: rows purged since would come back).
// The server runs on either storage engine (PYB_TEST_STORAGE; the client-postgres test
// project runs PostgreSQL): everything but backup and restore, which are SQLite's and
// never drawn on PostgreSQL (schedule.ts), goes through the app, its storage and
// TestApp.query.
import { join } from 'node:path';
import { backupDatabase } from '../../../server/backup/backup';
import { decodeCursor } from '../../../server/sync/cursor';
import type { Tombstone } from '../../../server/sync/tombstone-purge';
import { tempDir } from '../../../server/test-support/fixture';
import { restoreInPlace } from '../../../server/test-support/restore-in-place';
import type { TestApp } from '../../../server/test-support/fixture';
import { CLOCK_FIELD } from '../../db/hlc-middleware';
import {
  createDevice,
  registerUser,
  appTransport,
  syncUntilQuiet,
  type Device,
} from '../test-support/device';
import { createNemesis } from '../test-support/nemesis';
import {
  cellKey,
  DEVICES,
  EDITS,
  referenceCells,
  ROWS,
  rowKeyOf,
  USERS,
  visibleRows,
  type Cell,
  type UserName,
  type Write,
} from './model-world';
import type { Op, Schedule } from './schedule';

export interface ModelServer {
  test: TestApp;
  clock: { now(): number; advance(ms: number): void };
}

type StoredRow = Record<string, unknown> & { id: string; [CLOCK_FIELD]?: Record<string, string> };

let runCounter = 0;

export async function runSchedule(server: ModelServer, schedule: Schedule): Promise<void> {
  runCounter += 1;
  const run = new ScheduleRun(server, schedule, runCounter);
  try {
    await run.start();
    for (const op of schedule.ops) await run.apply(op);
    await run.quiesce();
    await run.check();
  } finally {
    await run.destroy();
  }
}

class ScheduleRun {
  private readonly nemesis = createNemesis();
  private readonly tokens = new Map<UserName, string>();
  private readonly userIds = new Map<UserName, string>();
  private devices: Device[] = [];
  private readonly writes: Write[] = [];
  private readonly created = new Set<string>();
  private readonly deletedRows = new Set<string>();
  private readonly purged = new Set<string>();
  private purges = 0;
  /** Purges and restores so far: a cursor may move back across either. */
  private resets = 0;
  private readonly lastCursor: { cursor: number; resets: number }[] = [];
  private readonly backupDir = tempDir('pyb-model-backup-');
  private latestBackup: { file: string; purges: number } | null = null;
  private backups = 0;

  constructor(
    private readonly server: ModelServer,
    private readonly schedule: Schedule,
    private readonly runId: number,
  ) {}

  async start() {
    for (const user of USERS) {
      const token = await registerUser(this.server.test.app);
      this.tokens.set(user, token);
      const payload = JSON.parse(atob(token.split('.')[1] ?? '')) as { sub: string };
      this.userIds.set(user, payload.sub);
    }
    this.devices = DEVICES.map((_, index) => this.openDevice(index));
    DEVICES.forEach(() => this.lastCursor.push({ cursor: 0, resets: 0 }));
    // Half the rows exist everywhere before the faults begin, so edits collide from the
    // start; the others are created by their creator during the schedule.
    for (const [rowIndex, row] of ROWS.entries()) {
      if (rowIndex % 2 === 1) continue;
      for (const user of USERS) await this.edit(row.creator[user], rowIndex, 0, 0);
    }
    for (const user of USERS) {
      await syncUntilQuiet(this.devices.filter((_, i) => this.userOf(i) === user));
    }
  }

  private openDevice(index: number): Device {
    const spec = DEVICES[index];
    if (!spec) throw new Error(`no device ${index}`);
    const skew = this.schedule.skews[index] ?? 0;
    const token = this.tokens.get(spec.user) ?? '';
    const key = `${this.runId}-${spec.name}`;
    return createDevice({
      name: `model-${key}`,
      now: () => this.server.clock.now() + skew,
      transport: this.nemesis.wrap(key, appTransport(this.server.test.app, token)),
    });
  }

  private device(index: number): Device {
    const device = this.devices[index];
    if (!device) throw new Error(`no device ${index}`);
    return device;
  }

  private userOf(index: number): UserName {
    return DEVICES[index]?.user ?? 'A';
  }

  private key(index: number) {
    return `${this.runId}-${DEVICES[index]?.name ?? ''}`;
  }

  async apply(op: Op): Promise<void> {
    switch (op.kind) {
      case 'edit':
        return this.edit(op.device, op.row, op.field, op.value);
      case 'delete':
        return this.remove(op.device, op.row);
      case 'sync':
        await this.device(op.device).sync();
        return this.observeCursor(op.device);
      case 'fault':
        return this.nemesis.inject(this.key(op.device), op.fault);
      case 'partition':
        return this.nemesis.togglePartition(this.key(op.device));
      case 'deliver-delayed':
        return this.nemesis.deliverDelayed();
      case 'crash': {
        // The process dies: memory is gone, IndexedDB (rows, outbox, cursor) stays.
        this.device(op.device).db.close();
        this.devices[op.device] = this.openDevice(op.device);
        return;
      }
      case 'advance':
        return this.server.clock.advance(op.ms);
      case 'purge':
        return this.purge();
      case 'backup':
        return this.backup();
      case 'restore':
        return this.restore();
    }
  }

  private async edit(index: number, rowIndex: number, fieldPick: number, valuePick: number) {
    const row = ROWS[rowIndex];
    if (!row) return;
    const user = this.userOf(index);
    const rowKey = `${user}/${rowKeyOf(row.table, row.id)}`;
    if (this.deletedRows.has(rowKey)) return;
    const table = this.device(index).db.table<StoredRow, string>(row.table);
    const existing = await table.get(row.id);
    if (!existing) {
      if (row.creator[user] !== index || this.created.has(rowKey)) return;
      this.created.add(rowKey);
      await this.recordWrite(index, row.table, row.id, () =>
        table.put({ id: row.id, ...row.initial }),
      );
      return;
    }
    if (existing.deleted !== false) return;
    const fields = Object.keys(EDITS[row.table]);
    const field = fields[fieldPick % fields.length] ?? 'name';
    const values = EDITS[row.table][field] ?? [];
    const value = values[valuePick % values.length];
    await this.recordWrite(index, row.table, row.id, () =>
      table.update(row.id, { [field]: value }),
    );
  }

  private async remove(index: number, rowIndex: number) {
    const row = ROWS[rowIndex];
    if (!row) return;
    const user = this.userOf(index);
    const rowKey = `${user}/${rowKeyOf(row.table, row.id)}`;
    const table = this.device(index).db.table<StoredRow, string>(row.table);
    const existing = await table.get(row.id);
    if (!existing || existing.deleted !== false || this.deletedRows.has(rowKey)) return;
    this.deletedRows.add(rowKey);
    await this.recordWrite(index, row.table, row.id, () => table.update(row.id, { deleted: true }));
  }

  /** Performs a local write and records every cell it stamped as a write of the user. */
  private async recordWrite(
    index: number,
    table: string,
    id: string,
    write: () => Promise<unknown>,
  ) {
    const rows = this.device(index).db.table<StoredRow, string>(table);
    const before = { ...(await rows.get(id))?.[CLOCK_FIELD] };
    await write();
    const after = await rows.get(id);
    for (const [field, hlc] of Object.entries(after?.[CLOCK_FIELD] ?? {})) {
      if (before[field] === hlc) continue;
      this.writes.push({ user: this.userOf(index), table, id, field, value: after?.[field], hlc });
    }
  }

  /**
   * The server's own purge, through its storage (either engine). The rows it removed are
   * the tombstones there before and gone after: nothing else runs in between.
   */
  private async purge() {
    const before = await this.tombstones();
    await this.server.test.deps.storage.sync.purgeTombstones(this.server.clock.now());
    const after = new Set(await this.tombstones());
    for (const key of before) if (!after.has(key)) this.purged.add(key);
    this.purges += 1;
    this.resets += 1;
  }

  /** The tombstones of this run's users, as `user/table/id` keys. */
  private async tombstones(): Promise<string[]> {
    const users = new Map(USERS.map((user) => [this.userIds.get(user), user]));
    const rows = await this.server.test.query<Tombstone>(
      'SELECT user_id, tbl, row_id FROM tombstones',
    );
    return rows.flatMap((row) => {
      const user = users.get(row.user_id);
      return user ? [`${user}/${rowKeyOf(row.tbl, row.row_id)}`] : [];
    });
  }

  /** SQLite's backup (the schedules of PostgreSQL have none: schedule.ts). */
  private async backup() {
    this.backups += 1;
    const file = join(this.backupDir.path, `backup-${this.backups}.db`);
    await backupDatabase(this.server.test.db, file, this.server.clock.now());
    this.latestBackup = { file, purges: this.purges };
  }

  private restore() {
    const backup = this.latestBackup;
    if (!backup || backup.purges !== this.purges) return;
    restoreInPlace(this.server.test.db, backup.file, this.server.clock.now());
    this.resets += 1;
  }

  private async observeCursor(index: number) {
    const stored = (await this.device(index).db.meta.get('cursor'))?.value ?? '';
    const cursor = decodeCursor(stored)?.seq ?? Number.NaN;
    const last = this.lastCursor[index] ?? { cursor: 0, resets: 0 };
    if (!(cursor >= last.cursor) && last.resets === this.resets) {
      throw new Error(
        `${DEVICES[index]?.name}: cursor moved back from ${last.cursor} to ${stored}`,
      );
    }
    this.lastCursor[index] = { cursor, resets: this.resets };
  }

  async quiesce() {
    await this.nemesis.heal();
    for (const user of USERS) {
      const mine = this.devices.filter((_, i) => this.userOf(i) === user);
      await syncUntilQuiet(mine, 12);
    }
    for (const index of this.devices.keys()) await this.observeCursor(index);
  }

  async check() {
    for (const user of USERS) {
      const reference = referenceCells(this.writes, user);
      const expectedVisible = visibleRows(reference);
      const kept = (cells: ReadonlyMap<string, Cell>) =>
        new Map(
          [...cells].filter(
            ([key]) => !this.purged.has(`${user}/${key.slice(0, key.lastIndexOf('/'))}`),
          ),
        );
      const expectedCells = kept(reference);
      same(`${user}: server cells`, kept(await this.serverCells(user)), expectedCells);
      for (const [index, device] of this.devices.entries()) {
        if (this.userOf(index) !== user) continue;
        const cells = await deviceCells(device);
        same(`${user}/${DEVICES[index]?.name}: visible rows`, visibleRows(cells), expectedVisible);
        same(`${user}/${DEVICES[index]?.name}: cells`, kept(cells), expectedCells);
      }
    }
  }

  private async serverCells(user: UserName): Promise<Map<string, Cell>> {
    const rows = await this.server.test.query<{
      tbl: string;
      row_id: string;
      field: string;
      value: string;
      hlc: string;
    }>(
      'SELECT tbl, row_id, field, value, hlc FROM cells WHERE user_id = ?',
      this.userIds.get(user),
    );
    return new Map(
      rows.map((r) => [
        cellKey(r.tbl, r.row_id, r.field),
        { value: JSON.parse(r.value) as unknown, hlc: r.hlc },
      ]),
    );
  }

  async destroy() {
    await Promise.all(this.devices.map((d) => d.destroy()));
    this.backupDir.remove();
  }
}

async function deviceCells(device: Device): Promise<Map<string, Cell>> {
  const cells = new Map<string, Cell>();
  for (const table of new Set(ROWS.map((r) => r.table))) {
    for (const row of await device.db.table<StoredRow, string>(table).toArray()) {
      for (const [field, hlc] of Object.entries(row[CLOCK_FIELD] ?? {})) {
        cells.set(cellKey(table, row.id, field), { value: row[field], hlc });
      }
    }
  }
  return cells;
}

function same(what: string, actual: unknown, expected: unknown) {
  const a = JSON.stringify(sortDeep(actual));
  const e = JSON.stringify(sortDeep(expected));
  if (a !== e)
    throw new Error(`${what} differ from the reference model:\n  got      ${a}\n  expected ${e}`);
}

function sortDeep(value: unknown): unknown {
  if (value instanceof Map) return sortDeep(Object.fromEntries(value));
  if (Array.isArray(value)) return value.map(sortDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortDeep(v)]),
    );
  }
  return value;
}
