import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { HUNDRED_KG } from '../../.storybook/fixtures';
import type { WeightUnit } from '../../.storybook/fixtures';
import { WeightFormatContext } from './weight-format';
import { WeightText } from './weight-text';

const meta = {
  title: 'UI/WeightText',
  component: WeightText,
  args: { grams: 1250, unit: 'kg' },
} satisfies Meta<typeof WeightText>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Screen readers hear the unit's name, not its symbol. */
export const Kilograms: Story = {
  play: async ({ canvasElement }) => {
    const text = within(canvasElement).getByText('1.25 kg');
    await expect(text).toHaveAttribute('aria-label', '1.25 kilograms');
  },
};

const inUnit = (unit: WeightUnit): Story => ({ args: { unit } });
export const Grams: Story = inUnit('g');
export const Ounces: Story = inUnit('oz');
export const Pounds: Story = inUnit('lb');

export const Zero: Story = { args: { grams: 0, unit: 'g' } };
export const UnderTenGrams: Story = { args: { grams: 2.5, unit: 'g' } };
export const HundredKilograms: Story = { args: { grams: HUNDRED_KG, unit: 'kg' } };
export const HundredKilogramsInGrams: Story = { args: { grams: HUNDRED_KG, unit: 'g' } };

/** [W9] The automatic unit in a metric locale: kilograms from 1 kg, with its decimal mark. */
export const AutomaticInGerman: Story = {
  args: { grams: 11163, unit: 'auto' },
  decorators: [
    (Story) => (
      <WeightFormatContext value={{ locale: 'de-DE', system: 'metric' }}>
        <Story />
      </WeightFormatContext>
    ),
  ],
  play: async ({ canvasElement }) => {
    const text = within(canvasElement).getByText('11,16 kg');
    await expect(text).toHaveAttribute('aria-label', '11,16 kilograms');
  },
};

/** [W9] The automatic unit in the imperial system: ounces below a pound. */
export const AutomaticImperial: Story = {
  args: { grams: 200, unit: 'auto' },
  decorators: [
    (Story) => (
      <WeightFormatContext value={{ locale: 'en-US', system: 'imperial' }}>
        <Story />
      </WeightFormatContext>
    ),
  ],
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText('7.1 oz')).toBeVisible();
  },
};
