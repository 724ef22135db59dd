import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { SearchField } from './search-field';

const meta = {
  title: 'UI/SearchField',
  component: SearchField,
  args: { label: 'Search items', value: '', onChange: fn(), placeholder: 'Name or brand' },
} satisfies Meta<typeof SearchField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Empty: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.type(within(canvasElement).getByRole('searchbox'), 't');
    await expect(args.onChange).toHaveBeenCalledWith('t');
  },
};

export const WithResults: Story = { args: { value: 'tent', hint: '3 of 42 items' } };
export const NoResults: Story = { args: { value: 'snowshoes', hint: 'No items match' } };
export const LongValue: Story = { args: { label: LONG_NAME, value: LONG_NAME, hint: LONG_NAME } };
