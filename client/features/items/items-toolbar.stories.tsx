import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../../.storybook/fixtures';
import { ItemsToolbar } from './items-toolbar';
import './items.css';

const meta = {
  title: 'Pages/Items/ItemsToolbar',
  component: ItemsToolbar,
  args: { query: { search: '', status: 'all', sort: 'name' }, onChange: fn() },
} satisfies Meta<typeof ItemsToolbar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.selectOptions(within(canvasElement).getByLabelText('Show'), 'wishlist');
    await expect(args.onChange).toHaveBeenCalledWith({ ...args.query, status: 'wishlist' });
  },
};

export const Filtered: Story = {
  args: { query: { search: 'tent', status: 'owned', sort: 'weight-desc' } },
};

export const LongSearch: Story = {
  args: { query: { search: LONG_NAME, status: 'all', sort: 'brand' } },
};
