import type { Meta, StoryObj } from '@storybook/react-vite';
import { LONG_NAME } from '../../../.storybook/fixtures';
import { AccountSummary } from './account-summary';
import './account.css';

const meta = {
  title: 'Pages/Account/AccountSummary',
  component: AccountSummary,
  args: {
    user: {
      id: 'u1',
      email: 'ada@example.com',
      signedInAt: '2026-06-01T09:30:00.000Z',
      createdAt: '2025-11-20T18:02:00.000Z',
    },
    network: 'online',
  },
} satisfies Meta<typeof AccountSummary>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Online: Story = {};
export const Renewing: Story = { args: { network: 'renewing' } };
export const Offline: Story = { args: { network: 'offline' } };
export const ServerUnavailable: Story = { args: { network: 'unavailable' } };
export const CreatedUnknown: Story = {
  args: { user: { id: 'u1', email: 'ada@example.com', signedInAt: '2026-06-01T09:30:00.000Z' } },
};
export const LongEmail: Story = {
  args: {
    user: {
      id: 'u1',
      email: `${LONG_NAME.replace(/\W/g, '').toLowerCase()}@example.com`,
      signedInAt: '2026-06-01T09:30:00.000Z',
    },
  },
};
