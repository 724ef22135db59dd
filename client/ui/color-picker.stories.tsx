import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { ColorPicker } from './color-picker';

const meta = {
  title: 'UI/ColorPicker',
  component: ColorPicker,
  args: { value: null, onChange: fn() },
} satisfies Meta<typeof ColorPicker>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NoColour: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('radio', { name: 'Teal' }));
    await expect(args.onChange).toHaveBeenCalledWith(4);
  },
};

export const FirstColour: Story = { args: { value: 0 } };
export const LastColour: Story = { args: { value: 9 } };
export const LongLegend: Story = { args: { legend: LONG_NAME, value: 5 } };
