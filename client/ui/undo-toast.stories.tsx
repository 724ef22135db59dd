import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { UndoToast } from './undo-toast';

const meta = {
  title: 'UI/UndoToast',
  component: UndoToast,
  args: { message: 'Deleted Tent', onUndo: fn(), onDismiss: fn() },
} satisfies Meta<typeof UndoToast>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Shown: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Undo' }));
    await expect(args.onUndo).toHaveBeenCalled();
  },
};

export const LongMessage: Story = { args: { message: `Deleted ${LONG_NAME}` } };
export const Hidden: Story = { args: { message: null } };
