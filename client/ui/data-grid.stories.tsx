import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
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

/** Keeps the typed values, as a page would after its write arrives. */
function EditableGrid(props: DataGridProps) {
  const [rows, setRows] = useState(props.rows);
  return (
    <DataGrid
      {...props}
      rows={rows}
      onCommit={(rowId, key, text) => {
        const problem = props.onCommit(rowId, key, text);
        if (problem === null && rowId !== null)
          setRows(
            rows.map((r) => (r.id === rowId ? { ...r, values: { ...r.values, [key]: text } } : r)),
          );
        return problem;
      }}
    />
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

export const Empty: Story = { args: { rows: [] } };
export const LongName: Story = { args: { rows: [row('1', LONG_NAME, '12')] } };
