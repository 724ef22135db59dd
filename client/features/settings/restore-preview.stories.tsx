import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME, perTable } from '../../../.storybook/fixtures';
import { RestorePreview } from './restore-preview';
import './backup-section.css';

const meta = {
  title: 'Pages/Settings/RestorePreview',
  component: RestorePreview,
  args: {
    fileName: 'packyourbag-backup-2026-06-01.json',
    exportedAt: '2026-06-01T09:30:00.000Z',
    counts: perTable((_, i) => ({ added: i, updated: i % 3, unchanged: 10 * i })),
    busy: false,
    onRestore: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof RestorePreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Preview: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading')).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Restore' }));
    await expect(args.onRestore).toHaveBeenCalled();
  },
};

export const Restoring: Story = { args: { busy: true } };

export const NothingNew: Story = {
  args: { counts: perTable(() => ({ added: 0, updated: 0, unchanged: 5 })) },
};

export const EmptyBackup: Story = {
  args: { counts: perTable(() => ({ added: 0, updated: 0, unchanged: 0 })) },
};

export const LongFileName: Story = { args: { fileName: `${LONG_NAME}.json` } };
