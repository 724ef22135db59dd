import { describe, expect, it } from 'vitest';
import { gridKeyAction, type CellKind, type KeyPress } from './data-grid-keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});
const at = (kind: CellKind, editing = false, col = 1) => ({ kind, editing, col, colCount: 4 });

describe('gridKeyAction', () => {
  it.each([
    ['ArrowDown', {}, at('text'), { type: 'move', rows: 1, cols: 0 }],
    ['ArrowLeft', {}, at('flag'), { type: 'move', rows: 0, cols: -1 }],
    ['PageDown', {}, at('text'), { type: 'move', rows: 10, cols: 0 }],
    ['Home', {}, at('text'), { type: 'jump', col: 'first' }],
    ['End', { ctrlKey: true }, at('text'), { type: 'jump', row: 'last', col: 'last' }],
    ['Tab', {}, at('text'), { type: 'move', rows: 0, cols: 1 }],
    ['Tab', { shiftKey: true }, at('text'), { type: 'move', rows: 0, cols: -1 }],
    ['Tab', {}, at('text', false, 3), { type: 'none' }],
    ['Tab', { shiftKey: true }, at('text', false, 0), { type: 'none' }],
    ['Enter', {}, at('text'), { type: 'edit', text: null }],
    ['F2', {}, at('number'), { type: 'edit', text: null }],
    ['7', {}, at('number'), { type: 'edit', text: '7' }],
    ['é', {}, at('text'), { type: 'edit', text: 'é' }],
    ['Delete', {}, at('text'), { type: 'edit', text: '' }],
    ['c', { ctrlKey: true }, at('text'), { type: 'none' }],
    ['z', { ctrlKey: true }, at('text'), { type: 'undo' }],
    ['z', { metaKey: true }, at('flag'), { type: 'undo' }],
    [' ', {}, at('flag'), { type: 'toggle' }],
    ['ArrowUp', { altKey: true }, at('text'), { type: 'moveRow', by: -1 }],
    ['ArrowDown', { altKey: true }, at('flag'), { type: 'moveRow', by: 1 }],
    ['Enter', {}, at('flag'), { type: 'toggle' }],
    ['x', {}, at('flag'), { type: 'none' }],
    ['Enter', {}, at('action'), { type: 'activate' }],
    ['a', {}, at('readonly'), { type: 'none' }],
    ['Enter', {}, at('text', true), { type: 'commit', rows: 1, cols: 0 }],
    ['Tab', {}, at('text', true), { type: 'commit', rows: 0, cols: 1 }],
    ['Tab', { shiftKey: true }, at('text', true), { type: 'commit', rows: 0, cols: -1 }],
    ['Escape', {}, at('text', true), { type: 'cancel' }],
    ['ArrowLeft', {}, at('text', true), { type: 'none' }],
    ['a', {}, at('text', true), { type: 'none' }],
  ] as const)('%j %j in %j → %j', (key, mods, where, action) => {
    expect(gridKeyAction(press(key, mods), where)).toEqual(action);
  });
});
