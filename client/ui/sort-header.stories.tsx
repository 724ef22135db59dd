import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SortHeader } from './sort-header';

const meta = {
  title: 'UI/SortHeader',
  component: SortHeader,
  args: { children: 'Weight', direction: null, onSort: fn() },
  // A header needs its table around it to be valid markup (and for axe).
  decorators: [
    (Story) => (
      <table>
        <thead>
          <tr>
            <Story />
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>1.2 kg</td>
          </tr>
        </tbody>
      </table>
    ),
  ],
} satisfies Meta<typeof SortHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Unsorted: Story = {
  play: async ({ canvasElement, args }) => {
    const header = within(canvasElement).getByRole('columnheader');
    await expect(header).toHaveAttribute('aria-sort', 'none');
    await userEvent.click(within(header).getByRole('button', { name: /Weight/ }));
    await expect(args.onSort).toHaveBeenCalledOnce();
  },
};

export const Ascending: Story = {
  args: { direction: 'asc' },
  play: async ({ canvasElement }) => {
    const header = within(canvasElement).getByRole('columnheader');
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
  },
};

export const Descending: Story = { args: { direction: 'desc' } };
