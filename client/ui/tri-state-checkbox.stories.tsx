import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { TriStateCheckbox } from './tri-state-checkbox';

const meta = {
  title: 'UI/TriStateCheckbox',
  component: TriStateCheckbox,
  args: { label: 'Select all items', checked: false, onChange: fn() },
} satisfies Meta<typeof TriStateCheckbox>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Unchecked: Story = {
  play: async ({ canvasElement, args }) => {
    const box = within(canvasElement).getByRole('checkbox', { name: 'Select all items' });
    await userEvent.click(box);
    await expect(args.onChange).toHaveBeenCalledWith(true);
  },
};

export const Checked: Story = { args: { checked: true } };

/** Some rows selected: screen readers hear "mixed"; a click selects all. */
export const Mixed: Story = {
  args: { checked: 'mixed' },
  play: async ({ canvasElement, args }) => {
    const box = within(canvasElement).getByRole<HTMLInputElement>('checkbox');
    await expect(box.indeterminate).toBe(true);
    await userEvent.click(box);
    await expect(args.onChange).toHaveBeenCalledWith(true);
  },
};

export const Disabled: Story = { args: { disabled: true } };
