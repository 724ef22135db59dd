import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { StorageAlert, StorageError } from './storage-error';

/** StorageError replaces the whole app; StorageAlert (below) is the banner for one write. */
const meta = {
  title: 'UI/StorageError',
  component: StorageError,
  parameters: { layout: 'fullscreen' },
  args: {
    detail:
      'InvalidStateError: A mutation operation was attempted on a database that did not allow mutations.',
    onRetry: fn(),
  },
} satisfies Meta<typeof StorageError>;
export default meta;
type Story = StoryObj<typeof meta>;

export const CannotOpen: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Try again' }));
    await expect(args.onRetry).toHaveBeenCalled();
  },
};

export const LongDetail: Story = { args: { detail: `UnknownError: ${LONG_NAME} ${LONG_NAME}` } };

const dismiss = fn();

export const Alert: Story = {
  render: () => (
    <StorageAlert
      message="Your last change was not saved: this device is out of storage space."
      onDismiss={dismiss}
    />
  ),
};

export const AlertLongMessage: Story = {
  render: () => <StorageAlert message={LONG_NAME} onDismiss={dismiss} />,
};

/** No message: the live region stays mounted and empty. */
export const NoAlert: Story = {
  render: () => <StorageAlert message={null} onDismiss={dismiss} />,
};
