import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { BackupReminder } from './backup-reminder';

const meta = {
  title: 'UI/BackupReminder',
  component: BackupReminder,
  args: { onDownload: fn(), onDismiss: fn(), accountHref: '/account' },
} satisfies Meta<typeof BackupReminder>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Shown: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('link', { name: 'Create an account' })).toHaveAttribute(
      'href',
      '/account',
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Download a backup' }));
    await expect(args.onDownload).toHaveBeenCalled();
    await userEvent.click(canvas.getByRole('button', { name: 'Not now' }));
    await expect(args.onDismiss).toHaveBeenCalled();
  },
};

export const AfterDownload: Story = {
  args: { message: 'Downloaded packyourbag-backup-2026-12-07.json.' },
};
