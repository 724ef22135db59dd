import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { perTable } from '../../../.storybook/fixtures';
import { LocalDataDialog } from './local-data-dialog';
import './account.css';

const summary = {
  own: perTable((table) => (table === 'items' ? 12 : table === 'lists' ? 2 : 0)),
  sample: 0,
  ownSince: null,
};

const meta = {
  title: 'Pages/Account/LocalDataDialog',
  component: LocalDataDialog,
  args: { question: { kind: 'guest-data', email: 'ada@example.com', summary }, onAnswer: fn() },
} satisfies Meta<typeof LocalDataDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const GuestData: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement).getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Keep it and sync' }));
    await expect(args.onAnswer).toHaveBeenCalledWith('keep');
  },
};

const otherAccount = (unsynced: number): Story => ({
  args: {
    question: {
      kind: 'other-account',
      email: 'ada@example.com',
      otherEmail: 'grace@example.com',
      summary,
      unsynced,
    },
  },
});
export const OtherAccount: Story = otherAccount(0);
export const OtherAccountUnsynced: Story = otherAccount(500);

export const NoQuestion: Story = { args: { question: null } };
