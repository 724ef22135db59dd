import { describeFieldCases } from '../test-support/field-cases';

describeFieldCases('settings', [
  ['units', 'g', true],
  ['units', 'kg', true],
  ['units', 'oz', true],
  ['units', 'lb', true],
  ['units', null, false],
  ['units', 'stone', false],
  ['theme', 'system', true],
  ['theme', 'light', true],
  ['theme', 'dark', true],
  ['theme', 'auto', false],
  ['theme', null, false],
  ['deleted', false, true],
]);
