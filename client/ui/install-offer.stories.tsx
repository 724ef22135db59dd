import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { InstallOffer } from './install-offer';

const meta = {
  title: 'UI/InstallOffer',
  component: InstallOffer,
  args: { kind: 'available', onInstall: fn() },
} satisfies Meta<typeof InstallOffer>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Available: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Install app' }));
    await expect(args.onInstall).toHaveBeenCalled();
  },
};

export const IosHint: Story = {
  args: { kind: 'ios-hint' },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('Add to Home Screen')).toBeVisible();
  },
};

export const Installed: Story = { args: { kind: 'installed' } };
