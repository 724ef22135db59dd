import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { ChoiceDialog } from './choice-dialog';

const meta = {
  title: 'UI/ChoiceDialog',
  component: ChoiceDialog,
  args: {
    open: true,
    title: 'Keep the data on this device?',
    children: <p>This device holds 42 items that are not in your account yet.</p>,
    choices: [
      { value: 'keep', label: 'Keep and sync', primary: true },
      { value: 'discard', label: 'Discard' },
    ],
    onChoose: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof ChoiceDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Open: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement).getByRole('dialog');
    await expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Discard' }));
    await expect(args.onChoose).toHaveBeenCalledWith('discard');
  },
};

export const ThreeChoices: Story = {
  args: {
    cancelLabel: 'Not now',
    choices: [
      { value: 'merge', label: 'Merge', primary: true },
      { value: 'replace', label: 'Replace' },
      { value: 'copy', label: 'Keep both' },
    ],
  },
};

export const LongText: Story = {
  args: { title: LONG_NAME, children: <p>{LONG_NAME}</p> },
};

export const Closed: Story = { args: { open: false } };
