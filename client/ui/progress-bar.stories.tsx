import type { Meta, StoryObj } from '@storybook/react-vite';
import { ProgressBar } from './progress-bar';

const meta = {
  title: 'UI/ProgressBar',
  component: ProgressBar,
  args: { value: 13, max: 40, text: '13 of 40 packed' },
} satisfies Meta<typeof ProgressBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Partly: Story = {};
export const Nothing: Story = { args: { value: 0, max: 40, text: '0 of 40 packed' } };
export const Done: Story = { args: { value: 40, max: 40, text: '40 of 40 packed' } };
/** An empty checklist is an empty bar, not an indeterminate one. */
export const Empty: Story = { args: { value: 0, max: 0, text: '0 of 0 packed' } };
export const OneOfFiveHundred: Story = { args: { value: 1, max: 500, text: '1 of 500 packed' } };
