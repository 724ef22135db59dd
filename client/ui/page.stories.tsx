import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { Page } from './page';

const meta = {
  title: 'UI/Page',
  component: Page,
  args: { title: 'Packs', children: <p>Packs group lists for a kind of trip.</p> },
} satisfies Meta<typeof Page>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async () => {
    await expect(document.title).toBe('Packs · PackYourBag');
  },
};

export const HeadingOnly: Story = { args: { children: undefined } };
export const LongTitle: Story = { args: { title: LONG_NAME } };
