import { chars, describeFieldCases } from '../test-support/field-cases';

describeFieldCases('packs', [
  ['name', 'Summer 3-day', true],
  ['name', chars(201), false],
  ['name', '', false],
  ['notes', chars(5001), false],
  ['color', 0, true],
  ['color', 10, false],
  ['sortKey', chars(64, 'Z'), true],
  ['sortKey', chars(65, 'Z'), false],
  ['deleted', true, true],
]);
