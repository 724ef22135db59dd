import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useRef, useState } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { DataGrid } from './data-grid';
import type { DataGridColumn, DataGridProps, DataGridRow } from './data-grid';

const COLUMNS: DataGridColumn[] = [
  { key: 'name', label: 'Name', kind: 'text', width: '40%' },
  { key: 'weight', label: 'Weight', kind: 'number', width: '6rem', align: 'end' },
  { key: 'unit', label: 'Unit', kind: 'choice', width: '4.5rem', choices: ['g', 'kg', 'oz', 'lb'] },
  { key: 'worn', label: 'Worn', kind: 'flag', width: '4.5rem' },
  { key: 'total', label: 'Total', kind: 'readonly', width: '6rem', align: 'end' },
  {
    key: 'remove',
    label: 'Remove',
    kind: 'action',
    width: '5.5rem',
    actionText: '×',
    actionName: (name) => `Remove ${name}`,
  },
];

const row = (id: string, name: string, weight: string, worn = false): DataGridRow => ({
  id,
  name,
  values: { name, weight, unit: 'g', worn },
  display: { total: `${weight} g` },
});

const ROWS = [row('1', 'Tent', '1200'), row('2', 'Socks', '60', true), row('3', 'Stove', '85')];

type RowsChange = (rows: readonly DataGridRow[]) => readonly DataGridRow[];

/** Changes the rows as a sync would, under the user's focus: see EditableGrid. */
function sync(canvasElement: HTMLElement, change: RowsChange): void {
  canvasElement
    .querySelector('[data-sync]')
    ?.dispatchEvent(new CustomEvent<RowsChange>('sync', { detail: change }));
}

/**
 * Keeps the typed values, as a page would after its write arrives; a "sync" event on its
 * frame changes the rows as a synced change would, without touching focus.
 */
function EditableGrid(props: DataGridProps) {
  const [rows, setRows] = useState(props.rows);
  const frame = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = frame.current;
    const onSync = (event: Event) => setRows((event as CustomEvent<RowsChange>).detail);
    target?.addEventListener('sync', onSync);
    return () => target?.removeEventListener('sync', onSync);
  }, []);
  return (
    <div ref={frame} data-sync="">
      <DataGrid
        {...props}
        rows={rows}
        onCommit={(rowId, key, text) => {
          const problem = props.onCommit(rowId, key, text);
          if (problem === null && rowId !== null)
            setRows(
              rows.map((r) =>
                r.id === rowId ? { ...r, values: { ...r.values, [key]: text } } : r,
              ),
            );
          return problem;
        }}
      />
    </div>
  );
}

const meta = {
  title: 'UI/DataGrid',
  component: DataGrid,
  render: (args) => <EditableGrid {...args} />,
  args: {
    label: 'Items in Shelter',
    columns: COLUMNS,
    rows: ROWS,
    newRowPrompt: 'Type a name to add an item',
    onCommit: fn((_row: string | null, key: string, text: string) =>
      key === 'weight' && !/^\d+$/.test(text) ? 'Weight is not a number.' : null,
    ),
    onToggle: fn(),
    onAction: fn(),
    onUndo: fn(),
    onPaste: fn(),
  },
} satisfies Meta<typeof DataGrid>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Arrows move, typing replaces, Enter commits and moves down, Space toggles. */
export const Keyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('gridcell', { name: 'Tent' }));
    await userEvent.keyboard('{ArrowRight}950{Enter}');
    await expect(args.onCommit).toHaveBeenLastCalledWith('1', 'weight', '950');
    await expect(canvas.getByRole('gridcell', { name: '60' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}{ArrowRight} ');
    await expect(args.onToggle).toHaveBeenLastCalledWith('2', 'worn', false);
    await userEvent.keyboard('{Control>}z{/Control}');
    await expect(args.onUndo).toHaveBeenCalled();
  },
};

/** Invalid text is refused with a message and stays in the box; Escape cancels. */
export const InvalidInput: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('gridcell', { name: '85' }));
    await userEvent.keyboard('abc{Enter}');
    await expect(canvas.getByRole('alert')).toHaveTextContent('Weight is not a number.');
    await expect(canvas.getByRole('textbox', { name: 'Weight, Stove' })).toHaveAttribute(
      'aria-invalid',
      'true',
    );
    await userEvent.keyboard('{Escape}');
    await expect(canvas.getByRole('gridcell', { name: '85' })).toHaveFocus();
  },
};

/** Typing in the empty last row reports a commit with no row id. */
export const NewRow: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('gridcell', { name: 'Type a name to add an item' }));
    await userEvent.keyboard('Spork{Enter}');
    await expect(args.onCommit).toHaveBeenLastCalledWith(null, 'name', 'Spork');
  },
};

/**
 * Rows arriving, going and moving under an open edit (a sync, another tab): the edit
 * stays on its entry and is saved there; an edit whose entry went is dropped unsaved.
 */
export const RowsChangeMidEdit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const weightBox = (name: string) => canvas.getByRole('textbox', { name: `Weight, ${name}` });

    // A row inserted above the edited one.
    await userEvent.click(canvas.getByRole('gridcell', { name: '85' }));
    await userEvent.keyboard('90');
    sync(canvasElement, (rows) => [row('0', 'Pot', '150'), ...rows]);
    await canvas.findByRole('gridcell', { name: 'Pot' });
    await expect(weightBox('Stove')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onCommit).toHaveBeenCalledTimes(1);
    await expect(args.onCommit).toHaveBeenLastCalledWith('3', 'weight', '90');

    // The edited row moved (to the end) by another tab: the edit goes with it.
    await userEvent.click(canvas.getByRole('gridcell', { name: '1200' }));
    await userEvent.keyboard('1100');
    sync(canvasElement, (rows) => [
      ...rows.filter((r) => r.id !== '1'),
      ...rows.filter((r) => r.id === '1'),
    ]);
    await waitFor(() => expect(canvas.getAllByRole('row').at(-2)).toHaveTextContent('Tent'));
    await expect(weightBox('Tent')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect(args.onCommit).toHaveBeenCalledTimes(2);
    await expect(args.onCommit).toHaveBeenLastCalledWith('1', 'weight', '1100');

    // The edited row removed: nothing is written, focus stays at its place in the grid.
    await userEvent.click(canvas.getByRole('gridcell', { name: '60' }));
    await userEvent.keyboard('70');
    sync(canvasElement, (rows) => rows.filter((r) => r.id !== '2'));
    await waitFor(() => expect(canvas.queryByRole('textbox')).toBeNull());
    await expect(canvas.getByRole('gridcell', { name: '90' })).toHaveFocus();
    await expect(args.onCommit).toHaveBeenCalledTimes(2);

    // Not editing: a row inserted above the focused cell leaves focus on its entry.
    sync(canvasElement, (rows) => [row('4', 'Cup', '40'), ...rows]);
    await canvas.findByRole('gridcell', { name: 'Cup' });
    await expect(canvas.getByRole('gridcell', { name: '90' })).toHaveFocus();
    await userEvent.keyboard('{ArrowUp}');
    await expect(canvas.getByRole('gridcell', { name: '150' })).toHaveFocus();
  },
};

export const Empty: Story = { args: { rows: [] } };
export const LongName: Story = { args: { rows: [row('1', LONG_NAME, '12')] } };
