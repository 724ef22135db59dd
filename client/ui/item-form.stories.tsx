import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import type { WeightUnit } from '../../.storybook/fixtures';
import { emptyItemForm } from '../features/items/item-draft';
import { ItemForm } from './item-form';
import type { ItemFormValues } from './item-form';

const EMPTY = emptyItemForm('g');

const TENT: ItemFormValues = {
  name: 'Tent',
  brand: 'Big Agnes',
  weight: '1130',
  unit: 'g',
  price: '449.95',
  currency: 'EUR',
  url: 'https://example.com/tent',
  notes: 'Seam-sealed in 2025.',
  color: 3,
  status: 'owned',
};

const meta = {
  title: 'UI/ItemForm',
  component: ItemForm,
  args: {
    label: 'Edit Tent',
    values: TENT,
    errors: {},
    attempt: 0,
    submitLabel: 'Save',
    onChange: fn(),
    onSubmit: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof ItemForm>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Edit: Story = {};

/** A new item, typed into: the story holds the values the page would. */
export const New: Story = {
  args: { label: 'New item', values: EMPTY, submitLabel: 'Add item', autoFocus: true },
  render: function Render(args) {
    const [values, setValues] = useState(args.values);
    return <ItemForm {...args} values={values} onChange={setValues} />;
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByLabelText('Name'), 'Headlamp');
    await userEvent.selectOptions(canvas.getByLabelText('Unit'), 'oz');
    await expect(canvas.getByLabelText('Unit')).toHaveValue('oz');
    await userEvent.click(canvas.getByRole('button', { name: 'Add item' }));
    await expect(args.onSubmit).toHaveBeenCalled();
  },
};

export const Quick: Story = {
  args: { label: 'Add an item to Kitchen', variant: 'quick', values: EMPTY, submitLabel: 'Add' },
};

/** After a rejected submit, focus is on the first field in error. */
export const Errors: Story = {
  args: {
    values: { ...TENT, name: '', weight: '-3', url: 'not a link' },
    errors: {
      name: 'Give the item a name.',
      weight: 'Weight must be 0 or more.',
      url: 'Enter a link starting with https://.',
    },
    attempt: 1,
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText('Name')).toHaveFocus();
  },
};

export const SaveFailed: Story = {
  args: { formError: 'Could not save: this device is out of storage space.' },
};

export const Busy: Story = { args: { busy: true } };
export const WithoutCancel: Story = {
  render: function Render(args) {
    const { onCancel, ...rest } = args;
    void onCancel;
    return <ItemForm {...rest} />;
  },
};

const inUnit = (unit: WeightUnit, weight: string): Story => ({
  args: { values: { ...TENT, unit, weight } },
});
export const Grams: Story = inUnit('g', '0');
export const Kilograms: Story = inUnit('kg', '100');
export const Ounces: Story = inUnit('oz', '39.9');
export const Pounds: Story = inUnit('lb', '2.49');

export const LongValues: Story = {
  args: {
    label: `Edit ${LONG_NAME}`,
    values: { ...TENT, name: LONG_NAME, brand: LONG_NAME, notes: LONG_NAME, url: LONG_NAME },
  },
};
