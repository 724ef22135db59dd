import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../../.storybook/fixtures';
import { ListDetailsForm } from './list-details-form';
import './lists.css';

const meta = {
  title: 'Pages/Lists/ListDetailsForm',
  component: ListDetailsForm,
  args: {
    list: {
      id: 'kitchen',
      name: 'Kitchen',
      notes: 'Stove, pot and the long spoon.',
      color: 1,
      sortKey: 'a0',
      deleted: false,
    },
    onSave: fn(async () => {}),
    onCancel: fn(),
  },
} satisfies Meta<typeof ListDetailsForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Edit: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: 'Blue' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save details' }));
    await expect(args.onSave).toHaveBeenCalledWith({
      name: 'Kitchen',
      notes: 'Stove, pot and the long spoon.',
      color: 5,
    });
  },
};

/** An empty name is refused before anything is written. */
export const NameMissing: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.clear(canvas.getByLabelText('List name'));
    await userEvent.click(canvas.getByRole('button', { name: 'Save details' }));
    await expect(canvas.getByText('Give the list a name.')).toBeVisible();
    await expect(canvas.getByLabelText('List name')).toHaveFocus();
    await expect(args.onSave).not.toHaveBeenCalled();
  },
};

/** A failed write keeps the form open with what was typed. */
export const SaveFails: Story = {
  args: {
    onSave: fn(async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save details' }));
    await expect(await canvas.findByRole('alert')).toBeVisible();
  },
};

export const NoColour: Story = {
  args: { list: { ...meta.args.list, color: null, notes: '' } },
};

export const LongValues: Story = {
  args: { list: { ...meta.args.list, name: LONG_NAME.slice(0, 200), notes: LONG_NAME } },
};
