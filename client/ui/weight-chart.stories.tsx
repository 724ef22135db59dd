import type { Meta, StoryObj } from '@storybook/react-vite';
import { HUNDRED_KG, LONG_NAME, PALETTE_INDICES, times } from '../../.storybook/fixtures';
import type { WeightUnit } from '../../.storybook/fixtures';
import { WeightChart } from './weight-chart';
import type { WeightSlice } from './weight-chart';

const SLICES: WeightSlice[] = [
  { id: 'shelter', label: 'Shelter', grams: 1850, color: 3 },
  { id: 'kitchen', label: 'Kitchen', grams: 640, color: 1 },
  { id: 'sleep', label: 'Sleep', grams: 1320, color: 5 },
  { id: 'clothes', label: 'Clothes', grams: 980, color: null },
];

const meta = {
  title: 'UI/WeightChart',
  component: WeightChart,
  args: { title: 'Weight by list', slices: SLICES, unit: 'g' },
} satisfies Meta<typeof WeightChart>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Pack: Story = {};

const inUnit = (unit: WeightUnit): Story => ({ args: { unit } });
export const Grams: Story = inUnit('g');
export const Kilograms: Story = inUnit('kg');
export const Ounces: Story = inUnit('oz');
export const Pounds: Story = inUnit('lb');

export const EveryPaletteColour: Story = {
  args: {
    slices: PALETTE_INDICES.map((color) => ({
      id: `c${color}`,
      label: `Colour ${color}`,
      grams: 100 + color * 50,
      color,
    })),
  },
};

/** Lists without a colour take one by their position. */
export const ColoursByPosition: Story = {
  args: { slices: SLICES.map((slice) => ({ ...slice, color: null })) },
};

export const OneList: Story = { args: { slices: SLICES.slice(0, 1) } };

/** 0 g beside 100 kg: the empty list has a row but no arc. */
export const ZeroAndHundredKilograms: Story = {
  args: {
    unit: 'kg',
    slices: [
      { id: 'empty', label: 'Empty list', grams: 0, color: 0 },
      { id: 'heavy', label: 'Everything else', grams: HUNDRED_KG, color: 4 },
    ],
  },
};

export const NothingWeighed: Story = {
  args: { slices: SLICES.map((slice) => ({ ...slice, grams: 0 })) },
};

export const NoLists: Story = { args: { slices: [] } };

export const ManyLists: Story = {
  args: {
    unit: 'kg',
    slices: times(40, (i) => ({ id: `l${i}`, label: `List ${i}`, grams: i * 37, color: null })),
  },
};

export const LongNames: Story = {
  args: {
    title: LONG_NAME,
    slices: [
      { id: 'a', label: LONG_NAME, grams: 1200, color: 6 },
      { id: 'b', label: LONG_NAME, grams: 800, color: 8 },
    ],
  },
};
