import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME } from '../../.storybook/fixtures';
import { QuantityStepper } from './quantity-stepper';

const meta = {
  title: 'UI/QuantityStepper',
  component: QuantityStepper,
  args: { label: 'Quantity', name: 'Quantity of Tent pegs', value: 8, onChange: fn() },
} satisfies Meta<typeof QuantityStepper>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Increase quantity of Tent pegs' }));
    await expect(args.onChange).toHaveBeenLastCalledWith(9);
    const box = canvas.getByRole('spinbutton', { name: 'Quantity of Tent pegs' });
    await userEvent.clear(box);
    await userEvent.type(box, '12{Enter}');
    await expect(args.onChange).toHaveBeenLastCalledWith(12);
  },
};

/** At a bound the button stays focusable but does nothing. */
export const AtMinimum: Story = {
  args: { value: 0 },
  play: async ({ canvasElement, args }) => {
    const decrease = within(canvasElement).getByRole('button', { name: /^Decrease/ });
    await expect(decrease).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(decrease);
    await expect(args.onChange).not.toHaveBeenCalled();
  },
};

export const AtMaximum: Story = { args: { value: 10000 } };
export const Disabled: Story = { args: { disabled: true } };
export const LongName: Story = { args: { label: LONG_NAME, name: `Quantity of ${LONG_NAME}` } };
