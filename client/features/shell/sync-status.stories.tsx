import type { Meta, StoryObj } from '@storybook/react-vite';
import { LONG_NAME } from '../../../.storybook/fixtures';
import { SyncStatusView } from './sync-status';

const meta = {
  title: 'Pages/Shell/SyncStatus',
  component: SyncStatusView,
  args: {
    status: { state: 'synced', at: Date.UTC(2026, 5, 1, 9, 30) },
    // A fixed clock text, so the story reads the same in every time zone.
    formatTime: () => '09:30',
  },
} satisfies Meta<typeof SyncStatusView>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Synced: Story = {};
export const Syncing: Story = { args: { status: { state: 'syncing', pulled: 1200, total: 5000 } } };
export const SyncingUnknownTotal: Story = {
  args: { status: { state: 'syncing', pulled: 0, total: null } },
};
export const Offline: Story = { args: { status: { state: 'offline' } } };
export const SyncError: Story = {
  args: { status: { state: 'error', reason: 'The server answered 500.', retrying: true } },
};
export const SyncErrorGivenUp: Story = {
  args: { status: { state: 'error', reason: LONG_NAME, retrying: false } },
};
/** A guest sees nothing; the live region stays for the next change. */
export const Guest: Story = { args: { status: { state: 'signed-out' } } };
