// `npm run bench` (first sync, issue 13): a fresh device signs in to an account of
// 10,000 items and their list entries (20,001 rows, 160,005 cells) in Chromium: the built
// app served by the built server, an on-disk profile, the sign-in form submitted as a user
// would. Timed from the click on "Sign in" until every row is in IndexedDB, against the
// floor of the same run in the same page: fetching the same pull pages and bulk-putting
// the same rows into a plain IndexedDB database (scripts/bench-browser-sync.ts).
// Goal ≤ 1.5×. The floor runs first, on the guest app before the sign-in, and again
// after it; the lower of the two counts, so a burst of load on the machine does not flatter us.
//
// Run: npm run build && npx tsx scripts/bench-first-sync.ts
import { ITEMS } from './bench-account';
import { MAX_PULL_LIMIT } from '../shared/protocol';
import {
  awaitRateBudget,
  launchProfile,
  pullRequests,
  ROWS,
  seedAccount,
  timeFirstSync,
  timeFloor,
} from './bench-browser-sync';
import { requireBuild, startBuiltServer } from '../e2e/support/server';
import { report, row, SMOKE } from './bench-table';

requireBuild();
const server = await startBuiltServer();
try {
  const account = await seedAccount(server.url);
  const profile = await launchProfile();
  try {
    const { page } = profile;
    await page.goto(server.url);
    await page.locator('main h1').waitFor();
    const budget = () =>
      awaitRateBudget(server.url, account.token, pullRequests(MAX_PULL_LIMIT) + 5);
    await budget();
    const before = await timeFloor(page, account.token);
    await budget();
    const ours = await timeFirstSync(page, server.url, account.email);
    await budget();
    const after = await timeFloor(page, account.token);
    const floor = Math.min(before, after);
    console.log(
      `first sync ${(ours.ms / 1000).toFixed(2)} s; floor ${(before / 1000).toFixed(2)} s before, ` +
        `${(after / 1000).toFixed(2)} s after; progress shown: ${ours.progressShown}`,
    );
    // A tiny smoke account syncs before the first look at the page can see the count.
    if (!SMOKE && !ours.progressShown) throw new Error('no sync progress was shown');
    const ratio = ours.ms / floor;
    report([
      row({
        figure: `first sync of ${ITEMS.toLocaleString('en')} items + entries (${ROWS.toLocaleString('en')} rows, Chromium)`,
        value: ours.ms / 1000,
        unit: 's',
        floor: `fetch + bulkPut of the same pages ${(floor / 1000).toFixed(2)} s`,
        ratio,
        goal: '≤ 1.5×',
        met: ratio <= 1.5,
      }),
    ]);
  } finally {
    await profile.close();
  }
} finally {
  await server.close();
}
