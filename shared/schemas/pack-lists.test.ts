import { describeFieldCases } from '../test-support/field-cases';

describeFieldCases('packLists', [
  ['packId', 'pack-1', true],
  ['packId', null, false],
  ['listId', 'list-1', true],
  ['listId', 'list/1', false],
  ['sortKey', 'a', true],
  ['sortKey', null, false],
  ['deleted', false, true],
]);
