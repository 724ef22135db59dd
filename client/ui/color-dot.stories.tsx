import type { Meta, StoryObj } from '@storybook/react-vite';
import { PALETTE_INDICES } from '../../.storybook/fixtures';
import { ColorDot } from './color-dot';
import { paletteName } from './palette';

const meta = {
  title: 'UI/ColorDot',
  component: ColorDot,
  args: { color: 5 },
} satisfies Meta<typeof ColorDot>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Blue: Story = {};

/** The 10 palette colours, each beside its name as the app always shows it. */
export const EveryPaletteColour: Story = {
  render: () => (
    <ul>
      {PALETTE_INDICES.map((color) => (
        <li key={color}>
          <ColorDot color={color} /> {paletteName(color)}
        </li>
      ))}
    </ul>
  ),
};

export const NoColour: Story = { args: { color: null } };
export const NoColourOutlined: Story = { args: { color: null, outlineNone: true } };
export const OutOfRange: Story = { args: { color: 42 } };
