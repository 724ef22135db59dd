import { chars, describeFieldCases } from '../test-support/field-cases';

// packs have the same fields, with the same schemas (see packs.test.ts).
describeFieldCases('lists', [
  ['name', chars(200), true],
  ['name', chars(201), false],
  ['name', '  ', false],
  ['notes', chars(5000), true],
  ['notes', chars(5001), false],
  ['color', 9, true],
  ['color', null, true],
  ['sortKey', 'a0', true],
  ['sortKey', chars(64), true],
  ['sortKey', chars(65), false],
  ['sortKey', '', false],
  ['sortKey', ' ', true], // 0x20, the first printable
  ['sortKey', '~', true], // 0x7e, the last printable
  ['sortKey', '\x7f', false],
  ['sortKey', '\x1f', false],
  ['sortKey', 'é', false],
  ['sortKey', null, false],
  ['deleted', false, true],
  ['deleted', null, false],
]);
