import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { LONG_NAME, times } from '../../../.storybook/fixtures';
import { ImportPreview } from './import-preview';
import './import-lighterpack.css';

type Plan = ComponentProps<typeof ImportPreview>['plan'];

const entries = (n: number) =>
  times(n, (i) => ({
    item: { kind: 'new' as const, index: i },
    qty: 1,
    wornQty: 0,
    consumable: false,
  }));

const PLAN: Plan = {
  packName: 'PCT section J',
  lists: [
    { name: 'Shelter', entries: entries(3) },
    { name: 'Kitchen', entries: entries(5) },
    { name: 'Clothes', entries: entries(1) },
  ],
  newItems: [],
  reusedItemIds: ['a', 'b'],
  entryCount: 9,
  rejected: [],
  warnings: [],
};

const meta = {
  title: 'Pages/Settings/ImportPreview',
  component: ImportPreview,
  args: { plan: PLAN, headingId: 'import-preview-heading' },
} satisfies Meta<typeof ImportPreview>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Clean: Story = {};

export const WithProblems: Story = {
  args: {
    plan: {
      ...PLAN,
      rejected: [
        { line: 4, reason: 'the weight is not a number' },
        { line: 9, reason: 'the name is empty' },
      ],
      warnings: [{ line: 12, reason: 'the quantity 0 was read as 1' }],
    },
  },
};

export const NothingToImport: Story = {
  args: {
    plan: {
      ...PLAN,
      lists: [],
      entryCount: 0,
      reusedItemIds: [],
      rejected: [{ line: 1, reason: 'not a LighterPack CSV' }],
    },
  },
};

/** Past 50 lists the rest are one line; 500 rejected rows are all listed. */
export const FiveHundredRows: Story = {
  args: {
    plan: {
      ...PLAN,
      lists: times(60, (i) => ({ name: `Category ${i}`, entries: entries(1) })),
      entryCount: 60,
      rejected: times(500, (line) => ({ line: line + 1, reason: 'the weight is not a number' })),
    },
  },
};

export const LongNames: Story = {
  args: {
    plan: { ...PLAN, packName: LONG_NAME, lists: [{ name: LONG_NAME, entries: entries(2) }] },
  },
};
