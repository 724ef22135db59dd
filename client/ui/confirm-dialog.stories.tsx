import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { ConfirmDialog } from './confirm-dialog';

const meta = {
  title: 'UI/ConfirmDialog',
  component: ConfirmDialog,
  args: {
    open: true,
    title: 'Delete your account?',
    children: <p>Every item, list, pack and trip is removed from the server.</p>,
    confirmLabel: 'Delete account',
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof ConfirmDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement).getByRole<HTMLDialogElement>('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete account' }));
    await expect(args.onConfirm).toHaveBeenCalled();
    // Escape closes a modal <dialog> natively, but a synthetic key event is not trusted
    // and so never does: close() is what the browser calls and queues the close event that must report a cancel.
    dialog.close();
    await waitFor(() => expect(args.onCancel).toHaveBeenCalled());
  },
};

export const CustomCancel: Story = { args: { cancelLabel: 'Keep it' } };

export const LongText: Story = {
  args: { title: LONG_NAME, confirmLabel: `Delete ${LONG_NAME}`, children: <p>{LONG_NAME}</p> },
};

export const Closed: Story = { args: { open: false } };
