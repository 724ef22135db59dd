import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { StorageStatus } from './storage-status';

const meta = {
  title: 'UI/StorageStatus',
  component: StorageStatus,
  args: { persisted: false, usage: '1.2 MB of 2 GB', onPersist: fn() },
} satisfies Meta<typeof StorageStatus>;
export default meta;
type Story = StoryObj<typeof meta>;

export const NotPersisted: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Persistent storage: no/)).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Keep my data on this device' }));
    await expect(args.onPersist).toHaveBeenCalled();
  },
};

export const Persisted: Story = {
  args: { persisted: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Persistent storage: yes/)).toBeVisible();
    await expect(canvas.queryByRole('button')).toBeNull();
  },
};

export const Refused: Story = { args: { refused: true } };

export const NoStorageApi: Story = {
  args: { persisted: null, usage: null },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/does not say whether/)).toBeVisible();
  },
};
