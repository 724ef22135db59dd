import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../../.storybook/fixtures';
import { BulkBar } from './bulk-bar';
import './items.css';

const meta = {
  title: 'Pages/Items/BulkBar',
  component: BulkBar,
  args: {
    count: 3,
    lists: [
      { id: 'sleep', name: 'Sleep system' },
      { id: 'kitchen', name: 'Kitchen' },
    ],
    onAddToList: fn(),
    onSetStatus: fn(),
    onDelete: fn(),
    onClear: fn(),
  },
} satisfies Meta<typeof BulkBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ThreeSelected: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add to list…' }));
    const dialog = canvas.getByRole('dialog', { name: 'Add 3 items to a list' });
    await userEvent.selectOptions(within(dialog).getByLabelText('List'), 'kitchen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to list' }));
    await expect(args.onAddToList).toHaveBeenCalledWith('kitchen');
    await userEvent.click(canvas.getByRole('button', { name: 'Change status…' }));
    const status = canvas.getByRole('dialog', { name: 'Change the status of 3 items' });
    await userEvent.selectOptions(within(status).getByLabelText('Status'), 'retired');
    await userEvent.click(within(status).getByRole('button', { name: 'Change status' }));
    await expect(args.onSetStatus).toHaveBeenCalledWith('retired');
  },
};

export const OneSelected: Story = { args: { count: 1 } };

export const NoLists: Story = { args: { lists: [] } };

export const LongListName: Story = { args: { lists: [{ id: 'long', name: LONG_NAME }] } };
