import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { SheetPreview } from './sheet-preview';

const TABLE = [
  ['Item', 'Brand', 'Weight', 'Qty'],
  ['Tent', 'Big Agnes', '1,2 kg', '1'],
  ['Socks', 'Darn Tough', '60 g', '2'],
  ['Rock', '', 'heavy', '1'],
];

const meta = {
  title: 'UI/SheetPreview',
  component: SheetPreview,
  args: {
    table: TABLE,
    hasHeader: true,
    mapping: ['name', 'description', 'weight', 'qty'],
    accepted: 2,
    rejected: [{ row: 4, reason: 'weight is not a number: “heavy”' }],
    onMappingChange: fn(),
    onHeaderChange: fn(),
  },
} satisfies Meta<typeof SheetPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A header row names the columns; the user can change each column's field. */
export const WithHeader: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('Row 4: weight is not a number: “heavy”')).toBeVisible();
    await userEvent.selectOptions(canvas.getByLabelText('Field of column “Brand”'), 'category');
    await expect(args.onMappingChange).toHaveBeenLastCalledWith(1, 'category');
    await userEvent.selectOptions(canvas.getByLabelText('Field of column “Qty”'), '');
    await expect(args.onMappingChange).toHaveBeenLastCalledWith(3, null);
  },
};

/** No header: the columns are numbered and every row is data. */
export const WithoutHeader: Story = {
  args: {
    table: TABLE.slice(1),
    hasHeader: false,
    mapping: ['name', 'description', 'weight', null],
    rejected: [{ row: 3, reason: 'weight is not a number: “heavy”' }],
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByLabelText('Field of column 4')).toHaveValue('');
    await userEvent.click(canvas.getByLabelText('The first row is a header'));
    await expect(args.onHeaderChange).toHaveBeenLastCalledWith(true);
  },
};

export const NothingRejected: Story = { args: { rejected: [], accepted: 3 } };
