import type { Meta, StoryObj } from '@storybook/react-vite';
import { LONG_NAME } from '../../.storybook/fixtures';
import { FormField } from './form-field';

const meta = {
  title: 'UI/FormField',
  component: FormField,
  args: { label: 'Email', type: 'email', autoComplete: 'email', defaultValue: 'ada@example.com' },
} satisfies Meta<typeof FormField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Plain: Story = {};

export const WithHint: Story = {
  args: {
    label: 'New password',
    type: 'password',
    autoComplete: 'new-password',
    defaultValue: '',
    hint: 'At least 10 characters.',
  },
};

export const WithError: Story = {
  args: { defaultValue: 'ada@', error: 'Enter an email address.' },
};

export const HintAndError: Story = {
  args: {
    label: 'New password',
    type: 'password',
    defaultValue: 'short',
    hint: 'At least 10 characters.',
    error: 'This password is too short.',
  },
};

export const Disabled: Story = { args: { disabled: true } };

export const LongText: Story = {
  args: { label: LONG_NAME, hint: LONG_NAME, error: LONG_NAME, defaultValue: LONG_NAME },
};
