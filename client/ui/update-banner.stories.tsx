import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { UpdateBanner } from './update-banner';

const meta = {
  title: 'UI/UpdateBanner',
  component: UpdateBanner,
  args: { visible: true, onReload: fn(), onLater: fn() },
} satisfies Meta<typeof UpdateBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Visible: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Later' }));
    await expect(args.onLater).toHaveBeenCalled();
  },
};

export const Hidden: Story = { args: { visible: false } };
