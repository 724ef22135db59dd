import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME, PALETTE_INDICES, times } from '../../.storybook/fixtures';
import type { ChecklistGroup } from '../domain/checklist';
import { Checklist } from './checklist';
import '../features/trips/trips.css';

const group = (listId: string, name: string, color: number | null, names: string[]) => ({
  listId,
  name,
  color,
  lines: names.map((line, i) => ({ itemId: `${listId}-${i}`, name: line, qty: i === 1 ? 2 : 1 })),
});

const GROUPS: ChecklistGroup[] = [
  group('shelter', 'Shelter', 3, ['Tent', 'Tent pegs', 'Groundsheet']),
  group('kitchen', 'Kitchen', 1, ['Stove', 'Gas canister', 'Pot', 'Spork']),
  group('clothes', 'Clothes', null, ['Rain jacket', 'Fleece']),
];

const meta = {
  title: 'UI/Checklist',
  component: Checklist,
  args: {
    groups: GROUPS,
    checked: new Set(['shelter-0', 'kitchen-1']),
    hidePacked: false,
    onToggle: fn(),
  },
} satisfies Meta<typeof Checklist>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Partly: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('checkbox', { name: 'Stove' }));
    await expect(args.onToggle).toHaveBeenCalledWith('kitchen-0', true);
  },
};

export const HidePacked: Story = { args: { hidePacked: true } };

export const AllPackedAndHidden: Story = {
  args: {
    hidePacked: true,
    checked: new Set(GROUPS.flatMap((g) => g.lines.map((line) => line.itemId))),
  },
};

/** Ticking is controlled: the box shows what the page stores, here a plain Set. */
export const Interactive: Story = {
  render: function Render(args) {
    const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
    const toggle = (itemId: string, next: boolean) => {
      const copy = new Set(checked);
      if (next) copy.add(itemId);
      else copy.delete(itemId);
      setChecked(copy);
    };
    return <Checklist {...args} checked={checked} onToggle={toggle} />;
  },
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole('checkbox', { name: 'Tent' });
    await userEvent.click(box);
    await expect(box).toBeChecked();
  },
};

export const EveryPaletteColour: Story = {
  args: {
    checked: new Set(),
    groups: PALETTE_INDICES.map((color) => group(`c${color}`, `Colour ${color}`, color, ['Item'])),
  },
};

export const OneRow: Story = {
  args: { groups: [group('one', 'Essentials', 5, ['Headlamp'])], checked: new Set() },
};

export const FiveHundredRows: Story = {
  args: {
    checked: new Set(times(250, (i) => `big-${i * 2}`)),
    groups: [
      group(
        'big',
        'Everything',
        6,
        times(500, (i) => `Item ${i}`),
      ),
    ],
  },
};

export const LongNames: Story = {
  args: { groups: [group('long', LONG_NAME, 7, [LONG_NAME, LONG_NAME])], checked: new Set() },
};

export const Empty: Story = { args: { groups: [], checked: new Set() } };
