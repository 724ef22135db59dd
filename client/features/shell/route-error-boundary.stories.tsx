import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, within } from 'storybook/test';
import { RouteErrorBoundary } from './route-error-boundary';

function BrokenPage(): never {
  throw new TypeError('Failed to fetch dynamically imported module: /assets/trip-page-1a2b3c.js');
}

const meta = {
  title: 'Pages/Shell/RouteErrorBoundary',
  component: RouteErrorBoundary,
  args: { location: '/trips/1', children: <p>The page renders as usual.</p> },
} satisfies Meta<ComponentProps<typeof RouteErrorBoundary>>;
export default meta;
type Story = StoryObj<typeof meta>;

export const PageRenders: Story = {};

/** A page that throws (here, a chunk gone after an update) leaves the shell usable. */
export const PageFails: Story = {
  args: { children: <BrokenPage /> },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'This page could not be shown',
    );
  },
};
