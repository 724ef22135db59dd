import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, within } from 'storybook/test';
import {
  HUNDRED_KG,
  LONG_NAME,
  PALETTE_INDICES,
  reorderableRow,
} from '../../../.storybook/fixtures';
import type { WeightUnit } from '../../../.storybook/fixtures';
import { PackListRow } from './pack-list-row';
import './packs.css';

const totals = (grams: number) => ({ total: grams, base: grams, worn: 0, consumable: 0 });

const meta = {
  title: 'Pages/Packs/PackListRow',
  component: PackListRow,
  decorators: [
    (Story) => (
      <ol className="pack-list-rows">
        <Story />
      </ol>
    ),
  ],
  args: {
    ...reorderableRow(),
    list: { listId: 'kitchen', name: 'Kitchen', color: 1, totals: totals(640) },
    unit: 'g',
  },
} satisfies Meta<typeof PackListRow>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Middle: Story = {
  play: async ({ canvasElement, args }) => {
    const remove = within(canvasElement).getByRole('button', {
      name: 'Remove Kitchen from the pack',
    });
    await userEvent.click(remove);
    await expect(args.onRemove).toHaveBeenCalled();
  },
};

export const OnlyList: Story = { args: { index: 0, count: 1 } };
export const Dragged: Story = { args: { dragging: 'source', dragOffset: -8 } };

const inUnit = (unit: WeightUnit): Story => ({ args: { unit } });
export const Grams: Story = inUnit('g');
export const Kilograms: Story = inUnit('kg');
export const Ounces: Story = inUnit('oz');
export const Pounds: Story = inUnit('lb');

export const EmptyList: Story = { args: { list: { ...meta.args.list, totals: totals(0) } } };
export const HundredKilograms: Story = {
  args: { unit: 'kg', list: { ...meta.args.list, totals: totals(HUNDRED_KG) } },
};

export const EveryPaletteColour: Story = {
  render: (args) => (
    <>
      {PALETTE_INDICES.map((color) => (
        <PackListRow
          key={color}
          {...args}
          index={color}
          count={PALETTE_INDICES.length}
          list={{ listId: `l${color}`, name: `List ${color}`, color, totals: totals(500) }}
        />
      ))}
    </>
  ),
};

export const LongName: Story = { args: { list: { ...meta.args.list, name: LONG_NAME } } };
