import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { ReorderActions } from './reorder-actions';
import '../features/lists/lists.css';

const meta = {
  title: 'UI/ReorderActions',
  component: ReorderActions,
  args: {
    rowId: 'stove',
    name: 'Stove',
    index: 1,
    count: 3,
    onMove: fn(),
    removeLabel: 'Remove Stove',
    onRemove: fn(),
    className: 'entry-actions',
    iconClassName: 'icon-button',
  },
} satisfies Meta<typeof ReorderActions>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Middle: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Move Stove up' }));
    await expect(args.onMove).toHaveBeenCalledWith(0);
  },
};

/** The first row cannot move up: the button says so but keeps focus. */
export const First: Story = {
  args: { index: 0 },
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Move Stove up' }));
    await expect(args.onMove).not.toHaveBeenCalled();
  },
};

export const Last: Story = { args: { index: 2 } };
export const OnlyRow: Story = { args: { index: 0, count: 1 } };
export const LongName: Story = { args: { name: LONG_NAME, removeLabel: `Remove ${LONG_NAME}` } };
