import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentProps } from 'react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { LONG_NAME, times } from '../../../.storybook/fixtures';
import { NextTrip, RowLinks, tripDetails } from './overview-sections';

type Trip = ComponentProps<typeof NextTrip>['trip'];

const TODAY = '2026-06-01';
const trip = (changes: Partial<Trip> = {}): Trip => ({
  id: 'trip-1',
  name: 'Sarek in July',
  packId: 'pack-1',
  startDate: '2026-07-14',
  endDate: '2026-07-20',
  location: 'Kvikkjokk',
  notes: '',
  color: 4,
  checksResetAt: null,
  deleted: false,
  ...changes,
});
const pack = (id: string, name: string) => ({
  id,
  name,
  notes: '',
  color: null,
  sortKey: 'a0',
  deleted: false,
});

const meta = {
  title: 'Pages/Home/OverviewSections',
  component: RowLinks,
  // The "New …" buttons are for phones: from 1024 px the sidebar has them.
  globals: { viewport: { value: 'mobile2' } },
  args: {
    kind: 'trip',
    rows: [
      trip(),
      trip({ id: 'trip-2', name: 'Dolomites', location: '', startDate: null, endDate: null }),
    ],
    details: (row: Trip) => tripDetails(row, TODAY),
    action: { busy: null, error: null, createAndOpen: fn() },
  },
} satisfies Meta<typeof RowLinks>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Trips: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'New trip' }));
    await expect(args.action.createAndOpen).toHaveBeenCalledWith('trip');
  },
};

export const Packs: Story = {
  args: { kind: 'pack', rows: [pack('p1', 'Summer 3-day'), pack('p2', 'Winter overnight')] },
};

export const Creating: Story = {
  args: { kind: 'pack', rows: [], action: { busy: 'pack', error: null, createAndOpen: fn() } },
};
export const NoTrips: Story = { args: { rows: [] } };
export const NoPacks: Story = { args: { kind: 'pack', rows: [] } };
export const NoLists: Story = { args: { kind: 'list', rows: [] } };
export const FiveHundredLists: Story = {
  args: { kind: 'list', rows: times(500, (i) => pack(`l${i}`, `List ${i}`)) },
};
export const LongNames: Story = {
  args: { rows: [trip({ name: LONG_NAME, location: LONG_NAME })] },
};

export const Next: Story = {
  render: () => <NextTrip trip={trip()} today={TODAY} />,
};

export const NextLongName: Story = {
  render: () => <NextTrip trip={trip({ name: LONG_NAME, location: LONG_NAME })} today={TODAY} />,
};
