import type { Meta, StoryObj } from '@storybook/react-vite';
import { LONG_NAME } from '../../.storybook/fixtures';
import { EmptyState } from './empty-state';

const meta = {
  title: 'UI/EmptyState',
  component: EmptyState,
  args: {
    title: 'No trips yet',
    children: (
      <button type="button" className="button button-primary">
        New trip
      </button>
    ),
  },
} satisfies Meta<typeof EmptyState>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WithAction: Story = {};
export const TitleOnly: Story = { args: { children: undefined } };
export const LongText: Story = { args: { title: LONG_NAME, children: <p>{LONG_NAME}</p> } };
