import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME, WEIGHT_UNITS } from '../../.storybook/fixtures';
import { RadioGroup } from './radio-group';

const meta = {
  title: 'UI/RadioGroup',
  component: RadioGroup,
  args: {
    legend: 'Theme',
    name: 'theme',
    options: [
      { value: 'system', label: 'Follow the device' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' },
    ],
    value: 'system',
    onChange: fn(),
  },
} satisfies Meta<typeof RadioGroup>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Theme: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('radio', { name: 'Dark' }));
    await expect(args.onChange).toHaveBeenCalledWith('dark');
  },
};

export const WeightUnits: Story = {
  args: {
    legend: 'Weight unit',
    name: 'unit',
    options: WEIGHT_UNITS.map((unit) => ({ value: unit, label: unit })),
    value: 'kg',
  },
};

export const LongLabels: Story = {
  args: {
    legend: LONG_NAME,
    options: [
      { value: 'a', label: LONG_NAME },
      { value: 'b', label: 'Short' },
    ],
    value: 'a',
  },
};
