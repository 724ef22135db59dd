import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import {
  anItem,
  HUNDRED_KG,
  LONG_NAME,
  PALETTE_INDICES,
  times,
} from '../../../.storybook/fixtures';
import type { WeightUnit } from '../../../.storybook/fixtures';
import { ItemCard } from './item-card';
import './items.css';

const meta = {
  title: 'Pages/Items/ItemCard',
  component: ItemCard,
  decorators: [
    (Story) => (
      <ul className="item-list" aria-label="Your items">
        <li>
          <Story />
        </li>
      </ul>
    ),
  ],
  args: {
    item: anItem({ notes: 'Seam-sealed in 2025.' }),
    unit: 'g',
    lists: [
      { id: 'shelter', name: 'Shelter' },
      { id: 'winter', name: 'Winter camping' },
    ],
    editId: 'edit-tent',
    onEdit: fn(),
    onDelete: fn(),
  },
} satisfies Meta<typeof ItemCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Owned: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Edit Tent' }));
    await expect(args.onEdit).toHaveBeenCalled();
  },
};

export const Wishlist: Story = {
  args: {
    item: anItem({ status: 'wishlist', priceCents: null, currency: null, url: null }),
    lists: [],
  },
};

export const RetiredWithoutBrand: Story = {
  args: { item: anItem({ status: 'retired', brand: '', color: null }) },
};

const inUnit = (unit: WeightUnit): Story => ({ args: { unit } });
export const Grams: Story = inUnit('g');
export const Kilograms: Story = inUnit('kg');
export const Ounces: Story = inUnit('oz');
export const Pounds: Story = inUnit('lb');

export const ZeroGrams: Story = { args: { item: anItem({ weightGrams: 0 }) } };
export const HundredKilograms: Story = {
  args: { item: anItem({ weightGrams: HUNDRED_KG }), unit: 'kg' },
};

export const EveryPaletteColour: Story = {
  render: (args) => (
    <>
      {PALETTE_INDICES.map((color) => (
        <ItemCard
          key={color}
          {...args}
          editId={`edit-${color}`}
          item={anItem({ id: `item-${color}`, name: `Item ${color}`, color })}
        />
      ))}
    </>
  ),
};

export const LongNames: Story = {
  args: {
    item: anItem({
      name: LONG_NAME,
      brand: LONG_NAME,
      notes: LONG_NAME,
      url: `https://www.example.com/${'very-long-path/'.repeat(12)}`,
    }),
    lists: times(12, (i) => ({ id: `l${i}`, name: `${LONG_NAME.slice(0, 40)} ${i}` })),
  },
};
