import type { Meta, StoryObj } from '@storybook/react-vite';
import { HUNDRED_KG, LONG_NAME } from '../../.storybook/fixtures';
import type { WeightUnit } from '../../.storybook/fixtures';
import { WeightTotals } from './weight-totals';

const meta = {
  title: 'UI/WeightTotals',
  component: WeightTotals,
  args: {
    label: 'Totals of Summer 3-day',
    unit: 'kg',
    totals: { total: 7450, base: 5210, worn: 640, consumable: 1600 },
  },
} satisfies Meta<typeof WeightTotals>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Pack: Story = {};

const inUnit = (unit: WeightUnit): Story => ({ args: { unit } });
export const Grams: Story = inUnit('g');
export const Ounces: Story = inUnit('oz');
export const Pounds: Story = inUnit('lb');

export const Zero: Story = { args: { totals: { total: 0, base: 0, worn: 0, consumable: 0 } } };

export const HundredKilograms: Story = {
  args: { totals: { total: HUNDRED_KG, base: 90_000, worn: 0, consumable: 10_000 } },
};

export const LongLabel: Story = { args: { label: LONG_NAME } };
