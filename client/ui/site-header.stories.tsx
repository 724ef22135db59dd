import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { SiteHeader } from './site-header';

const meta = {
  title: 'UI/SiteHeader',
  component: SiteHeader,
  parameters: { layout: 'fullscreen' },
  args: {
    links: [
      { href: '/trips', label: 'Trips' },
      { href: '/packs', label: 'Packs' },
      { href: '/lists', label: 'Lists' },
      { href: '/items', label: 'Items' },
    ],
    utilityLinks: [
      { href: '/settings', label: 'Settings' },
      { href: '/account', label: 'Account' },
    ],
    currentPath: '/',
    onNavigate: fn(),
  },
} satisfies Meta<typeof SiteHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Home: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('link', { name: 'Packs' }));
    await expect(args.onNavigate).toHaveBeenCalledWith('/packs');
  },
};

/** A page below a section marks the section current. */
export const InsideATrip: Story = { args: { currentPath: '/trips/019a-summer' } };
export const Settings: Story = { args: { currentPath: '/settings' } };
export const WithoutUtilityLinks: Story = { args: { utilityLinks: [] } };

export const Phone: Story = {
  globals: { viewport: { value: 'mobile1' } },
  args: { currentPath: '/items' },
};

export const LongLabels: Story = {
  args: { links: [{ href: '/trips', label: LONG_NAME }], currentPath: '/trips' },
};
