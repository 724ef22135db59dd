import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { anItem, LONG_NAME } from '../../../.storybook/fixtures';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import type { PackEntry } from '../../domain/pack-totals';
import { PackBoardList } from './pack-board-list';
import './packs.css';

const entry = (name: string, grams: number, qty = 1): PackEntry => ({
  entry: { ...SAMPLE_ROWS.listEntries, id: `kitchen:${name}`, itemId: name, qty, wornQty: 0 },
  item: anItem({ id: name, name, weightGrams: grams, weightUnit: null }),
});

const kitchen = {
  packList: { ...SAMPLE_ROWS.packLists, listId: 'kitchen' },
  list: { ...SAMPLE_ROWS.lists, id: 'kitchen', name: 'Kitchen', color: 1 },
  entries: [entry('Stove', 73), entry('Pot', 103), entry('Tent stake', 13, 8)],
};

const meta = {
  title: 'Pages/Packs/PackBoardList',
  component: PackBoardList,
  decorators: [
    (Story) => (
      <div className="pack-board">
        <Story />
      </div>
    ),
  ],
  args: {
    contents: kitchen,
    unit: 'g',
    drag: null,
    handleProps: () => ({
      onPointerDown: fn(),
      onPointerMove: fn(),
      onPointerUp: fn(),
      onPointerCancel: fn(),
    }),
    canMove: true,
    onMoveTo: fn(),
  },
} satisfies Meta<typeof PackBoardList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('×8')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Move Pot to another list' }));
    await expect(args.onMoveTo).toHaveBeenCalledWith(kitchen.entries[1]);
  },
};

/** An entry of another list dragged over this one, landing before the pot. */
export const DropTarget: Story = {
  args: {
    drag: { entryId: 'sleep:Pillow', fromList: 'sleep', over: { listId: 'kitchen', index: 1 } },
  },
};

export const DropAtTheEnd: Story = {
  args: {
    drag: { entryId: 'kitchen:Stove', fromList: 'kitchen', over: { listId: 'kitchen', index: 2 } },
  },
};

export const Empty: Story = { args: { contents: { ...kitchen, entries: [] } } };

/** The pack's only list: nowhere to move to, so no Move… buttons. */
export const OnlyList: Story = { args: { canMove: false } };

export const LongNames: Story = {
  args: {
    contents: {
      ...kitchen,
      list: { ...kitchen.list, name: LONG_NAME },
      entries: [entry(LONG_NAME, 100_000, 12)],
    },
  },
};
