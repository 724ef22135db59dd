import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { EditField } from './edit-field';

const meta = {
  title: 'UI/EditField',
  component: EditField,
  args: {
    label: 'Name',
    value: 'Summer 3-day',
    onCommit: fn(async (_value: string): Promise<string | null> => null),
  },
} satisfies Meta<typeof EditField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Text: Story = {
  play: async ({ canvasElement, args }) => {
    const input = within(canvasElement).getByLabelText('Name');
    await userEvent.clear(input);
    await userEvent.type(input, 'Winter 5-day{Enter}');
    await expect(args.onCommit).toHaveBeenCalledWith('Winter 5-day');
  },
};

export const DateField: Story = {
  args: { label: 'Starts', type: 'date', value: '2026-07-14', min: '2026-01-01' },
};

export const Notes: Story = {
  args: { label: 'Notes', multiline: true, value: 'Check the fuel.\nBring the map.' },
};

/** A refused draft stays on screen, marked invalid, with the page's message. */
export const Refused: Story = {
  args: {
    required: true,
    onCommit: fn(async (_value: string): Promise<string | null> => 'A name is required.'),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.clear(canvas.getByLabelText('Name'));
    await userEvent.tab();
    await expect(await canvas.findByRole('alert')).toHaveTextContent('A name is required.');
    await expect(canvas.getByLabelText('Name')).toHaveAttribute('aria-invalid', 'true');
  },
};

export const Empty: Story = { args: { value: '' } };
export const LongValue: Story = { args: { label: LONG_NAME, value: LONG_NAME, maxLength: 200 } };
