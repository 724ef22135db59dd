import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, userEvent, within, fn } from 'storybook/test';
import { anItem, HUNDRED_KG, LONG_NAME, reorderableRow } from '../../../.storybook/fixtures';
import type { WeightUnit } from '../../../.storybook/fixtures';
import { EntryRow } from './entry-row';
import './lists.css';

type View = ComponentProps<typeof EntryRow>['view'];

const view = (entry: Partial<View['entry']> = {}, item = anItem()): View => ({
  item,
  entry: {
    id: `shelter:${item.id}`,
    listId: 'shelter',
    itemId: item.id,
    qty: 1,
    wornQty: 0,
    consumable: false,
    sortKey: 'a1',
    deleted: false,
    ...entry,
  },
});

const meta = {
  title: 'Pages/Lists/EntryRow',
  component: EntryRow,
  decorators: [
    (Story) => (
      <ol className="entry-list">
        <Story />
      </ol>
    ),
  ],
  args: { ...reorderableRow(), view: view(), unit: 'g', onChange: fn() },
} satisfies Meta<typeof EntryRow>;
export default meta;
type Story = StoryObj<typeof meta>;

export const One: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Increase quantity of Tent' }));
    await expect(args.onChange).toHaveBeenCalledWith({ qty: 2 });
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Tent is consumable' }));
    await expect(args.onChange).toHaveBeenCalledWith({ consumable: true });
  },
};

export const SeveralWorn: Story = {
  args: { view: view({ qty: 3, wornQty: 1 }, anItem({ name: 'Socks', color: 6, brand: '' })) },
};

export const Consumable: Story = {
  args: { view: view({ qty: 4, consumable: true }, anItem({ name: 'Gas canister', color: 1 })) },
};

export const ZeroCount: Story = { args: { view: view({ qty: 0 }) } };
export const First: Story = { args: { index: 0 } };
export const Last: Story = { args: { index: 2 } };
export const Dragged: Story = { args: { dragging: 'source', dragOffset: 12 } };
export const DropTarget: Story = { args: { dragging: 'before' } };

const inUnit = (unit: WeightUnit): Story => ({ args: { unit, view: view({ qty: 2 }) } });
export const Grams: Story = inUnit('g');
export const Kilograms: Story = inUnit('kg');
export const Ounces: Story = inUnit('oz');
export const Pounds: Story = inUnit('lb');

export const ZeroGrams: Story = { args: { view: view({}, anItem({ weightGrams: 0 })) } };
export const HundredKilograms: Story = {
  args: { unit: 'kg', view: view({}, anItem({ weightGrams: HUNDRED_KG })) },
};

export const LongName: Story = {
  args: { view: view({ qty: 2 }, anItem({ name: LONG_NAME, brand: LONG_NAME })) },
};
