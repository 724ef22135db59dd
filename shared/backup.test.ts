import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from './backup';
import type { BackupTables } from './backup';
import { formatPath } from './backup-row';
import { TABLE_NAMES } from './schemas';
import { checkProperty } from './test-support/property';
import { stampedTablesArb } from './test-support/row-arbitraries';

const H1 = '2026-06-01T09:30:00.000Z-0000-0123456789abcdef';
const NOW = new Date('2026-06-01T10:00:00.000Z');
const empty = (): BackupTables =>
  Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as BackupTables;
const tent = { id: 'i1', name: 'Tent', weightGrams: 1200, _hlc: { name: H1, weightGrams: H1 } };
const withItems = (...items: unknown[]) => ({
  ...makeBackup(empty(), NOW),
  tables: { ...empty(), items },
});
const text = (value: unknown) => JSON.stringify(value);

describe('parseBackup', () => {
  it('[B1] reads back what makeBackup wrote', () => {
    const backup = withItems(tent);
    expect(parseBackup(text(backup))).toEqual({ ok: true, backup });
  });

  it('[B2] accepts partial rows and every table', () => {
    const tables = {
      ...empty(),
      listEntries: [{ id: 'l1:i1', itemId: 'i1', _hlc: { itemId: H1 } }],
      settings: [{ id: 'settings', theme: 'dark', _hlc: { theme: H1 } }],
      trips: [{ id: 't1', _hlc: {} }],
    };
    expect(parseBackup(text({ ...makeBackup(empty(), NOW), tables })).ok).toBe(true);
  });

  it.each<[string, string, RegExp]>([
    ['[B3] not JSON', '{"format": ', /not a PackYourBag backup: it is not JSON/],
    ['[B3] an empty file', '', /not JSON/],
    ['[B3] another JSON file', text({ items: [] }), /^This file is not a PackYourBag backup\.$/],
    ['[B3] a JSON array', '[]', /not a PackYourBag backup\.$/],
    ['[B3] a newer version', text({ format: 'packyourbag-backup', version: 2 }), /newer PackYourB/],
    ['[B1] no version', text({ format: 'packyourbag-backup' }), /damaged at version/],
    ['[B1] a missing table', text({ ...withItems(), tables: {} }), /at tables\.items:/],
    [
      '[B1] an unknown table',
      text({ ...withItems(), tables: { ...empty(), users: [] } }),
      /at tables: .*"users"/,
    ],
    ['[B1] a bad date', text({ ...withItems(), exportedAt: 'yesterday' }), /at exportedAt/],
  ])('%s is refused', (_name, input, reason) => {
    const result = parseBackup(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(reason);
  });

  it.each<[string, unknown, string]>([
    ['a bad value', { ...tent, weightGrams: -1 }, 'tables.items[1].weightGrams'],
    [
      'an unknown field',
      { ...tent, colour: 3, _hlc: { ...tent._hlc, colour: H1 } },
      'tables.items[1].colour',
    ],
    [
      'a prototype key',
      JSON.parse('{"id":"x","__proto__":1,"_hlc":{}}'),
      'tables.items[1].__proto__',
    ],
    ['a missing stamp', { ...tent, _hlc: { name: H1 } }, 'tables.items[1]._hlc.weightGrams'],
    ['a malformed stamp', { ...tent, _hlc: { ...tent._hlc, name: 'x' } }, 'items[1]._hlc.name'],
    ['a stamp without a field', { id: 'x', _hlc: { notes: H1 } }, 'tables.items[1]._hlc.notes'],
    ['no stamps', { id: 'x' }, 'tables.items[1]._hlc'],
    ['a bad id', { ...tent, id: 'a b' }, 'tables.items[1].id'],
    ['a duplicate id', tent, 'tables.items[1].id'],
    ['a row that is not an object', 'Tent', 'tables.items[1]'],
  ])('[B2] refuses %s, naming where', (_name, row, where) => {
    const result = parseBackup(text(withItems(tent, row)));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(`${where}:`);
  });

  it('[B2] refuses a join parent that disagrees with the id', () => {
    const entry = { id: 'l1:i1', listId: 'l2', _hlc: { listId: H1 } };
    const result = parseBackup(
      text({ ...withItems(), tables: { ...empty(), listEntries: [entry] } }),
    );
    expect(result).toEqual({
      ok: false,
      error: 'This backup is damaged at tables.listEntries[0].listId: does not match the row id.',
    });
  });

  checkProperty(
    '[B1][B2] every backup of valid stamped rows reads back unchanged',
    fc.property(stampedTablesArb(), (tables) => {
      const backup = makeBackup(tables, NOW);
      expect(parseBackup(text(backup))).toEqual({ ok: true, backup });
    }),
  );
});

describe('formatPath', () => {
  it.each<[PropertyKey[], string]>([
    [['tables', 'items', 3, 'weightGrams'], 'tables.items[3].weightGrams'],
    [['tables', 'items', 0, '_hlc', 'a b'], 'tables.items[0]._hlc["a b"]'],
    [[], ''],
  ])('%j reads %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
