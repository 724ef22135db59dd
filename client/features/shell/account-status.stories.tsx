import type { Meta, StoryObj } from '@storybook/react-vite';
import { AccountNotice } from './account-status';

const user = { id: 'u1', email: 'ada@example.com', signedInAt: '2026-06-01T09:30:00.000Z' };

const meta = {
  title: 'Pages/Shell/AccountNotice',
  component: AccountNotice,
  args: {
    state: { status: 'sign-in-required', user, reason: 'session-ended' },
    currentPath: '/items',
  },
} satisfies Meta<typeof AccountNotice>;
export default meta;
type Story = StoryObj<typeof meta>;

export const SignInRequired: Story = {};
/** The account page explains it at length, so the notice stays away. */
export const OnTheAccountPage: Story = { args: { currentPath: '/account' } };
export const SignedIn: Story = {
  args: { state: { status: 'signed-in', user, network: 'online' } },
};
export const Guest: Story = { args: { state: { status: 'signed-out' } } };
