import { describeFieldCases } from '../test-support/field-cases';

describeFieldCases('tripChecks', [
  ['tripId', 'trip-1', true],
  ['tripId', null, false],
  ['itemId', 'item-1', true],
  ['itemId', '', false],
  ['checked', true, true],
  ['checked', false, true],
  ['checked', null, false],
  ['checked', 'yes', false],
  ['deleted', false, true],
]);
