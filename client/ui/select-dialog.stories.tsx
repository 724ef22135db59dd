import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { SelectDialog } from './select-dialog';

const meta = {
  title: 'UI/SelectDialog',
  component: SelectDialog,
  args: {
    open: true,
    title: 'Add 3 items to a list',
    label: 'List',
    options: [
      { value: 'sleep', label: 'Sleep system' },
      { value: 'kitchen', label: 'Kitchen' },
    ],
    confirmLabel: 'Add to list',
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof SelectDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement).getByRole<HTMLDialogElement>('dialog');
    await userEvent.selectOptions(within(dialog).getByLabelText('List'), 'kitchen');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to list' }));
    await expect(args.onConfirm).toHaveBeenCalledWith('kitchen');
    dialog.close();
    await waitFor(() => expect(args.onCancel).toHaveBeenCalled());
  },
};

export const LongNames: Story = {
  args: { options: [{ value: 'long', label: LONG_NAME }], title: `Move ${LONG_NAME}` },
};

export const NothingToChoose: Story = {
  args: { options: [], emptyMessage: <p>You have no lists yet. Create one first.</p> },
};

export const Closed: Story = { args: { open: false } };
