import { describe, expect, it } from 'vitest';
import { isJoinTable, joinId, joinPartMatches, joinRowMatches } from './join-id';
import type { JoinTableName } from './join-id';

describe('join ids', () => {
  it('[S4] joinId puts a colon between the parts', () => {
    expect(joinId('list-1', 'item-2')).toBe('list-1:item-2');
  });

  it.each([
    ['listEntries', true],
    ['packLists', true],
    ['tripChecks', true],
    ['items', false],
    ['constructor', false],
  ])('isJoinTable(%s) is %s', (table, ok) => {
    expect(isJoinTable(table)).toBe(ok);
  });

  it.each<[JoinTableName, string, string, unknown, boolean]>([
    ['listEntries', 'l1:i1', 'listId', 'l1', true],
    ['listEntries', 'l1:i1', 'listId', 'i1', false],
    ['listEntries', 'l1:i1', 'listId', 'l', false],
    ['listEntries', 'l1:i1', 'itemId', 'i1', true],
    ['listEntries', 'l1:i1', 'itemId', '1', false],
    ['listEntries', 'a:b:c', 'listId', 'a:b', true], // ids may contain ':'
    ['listEntries', 'a:b:c', 'itemId', 'b:c', true],
    ['listEntries', 'l1:i1', 'itemId', null, false],
    ['listEntries', 'l1:i1', 'qty', 3, true],
    ['packLists', 'p1:l1', 'packId', 'p1', true],
    ['packLists', 'p1:l1', 'listId', 'p1', false],
    ['tripChecks', 't1:i1', 'tripId', 't1', true],
    ['tripChecks', 't1:i1', 'itemId', 'i1', true],
    ['tripChecks', 't1:i1', 'checked', true, true],
  ])('[S4] %s %s: %s = %j agrees: %s', (table, id, field, value, ok) => {
    expect(joinPartMatches(table, id, field, value)).toBe(ok);
  });

  it.each<[JoinTableName, Record<string, unknown>, boolean]>([
    ['listEntries', { id: 'l:i', listId: 'l', itemId: 'i' }, true],
    ['listEntries', { id: 'l:i', listId: 'i', itemId: 'l' }, false],
    ['tripChecks', { id: 'a:b:c', tripId: 'a', itemId: 'b:c' }, true],
    ['tripChecks', { id: 'a:b:c', tripId: 'a:b', itemId: 'b:c' }, false],
    ['packLists', { id: 'p:l', packId: 'p' }, false],
  ])('[S4] %s row %j matches its id: %s', (table, row, ok) => {
    expect(joinRowMatches(table, row)).toBe(ok);
  });
});
