// Planning on the desktop like a spreadsheet (issue 14), in real Chromium at 1280×800
// against the built server: the library table (sort by a column, select with keyboard
// and mouse, bulk add to a list, bulk delete and one undo) and the pack board (move an
// entry between two lists by dragging and with the keyboard, reorder the lists). Every
// result is checked again after a reload, and a phone still gets the library's cards.
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { browserTestPerFile } from './support/browser-test';

const browser = browserTestPerFile();
let page: Page;
beforeEach(() => {
  page = browser.page();
});
const DESKTOP = { width: 1280, height: 800 };
// Many steps in one browser: more than the default minute on a loaded machine.
const JOURNEY_MS = 150_000;

const table = () => page.getByRole('table', { name: 'Your items' });
const row = (name: string) => table().getByRole('row', { name, exact: true });
const box = (name: string) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true });
/** The item names of the table's rows, top to bottom. */
const rowNames = () => table().locator('tbody th[scope="row"]').allInnerTexts();
/** The grams of every row's weight, top to bottom. */
const rowGrams = () =>
  table()
    .locator('tbody data.weight')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('value'))));
const sorted = (values: number[], sign: 1 | -1) =>
  [...values].sort((a, b) => sign * (a - b)).join(',') === values.join(',');

async function addItem(name: string, grams: string): Promise<void> {
  await page.getByRole('button', { name: 'Add item' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Weight', { exact: true }).fill(grams);
  await page.getByRole('button', { name: 'Save item' }).click();
  await row(name).waitFor();
}

async function newList(name: string): Promise<void> {
  await page.getByRole('button', { name: 'New list' }).click();
  await page.waitForURL(/\/lists\//);
  await page.getByRole('button', { name: 'Edit details' }).click();
  await page.getByLabel('List name').fill(name);
  await page.getByRole('button', { name: 'Save details' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

const usedIn = (name: string) => row(name).locator('td.items-table-lists').innerText();

describe('the library as a table', () => {
  it(
    'sorts by weight, selects with keyboard and mouse, bulk-adds, bulk-deletes and undoes',
    async () => {
      await page.setViewportSize(DESKTOP);
      await page.goto(browser.url('/'));
      await newList('Bulk target');
      await page.goto(browser.url('/items'));
      await table().waitFor();

      // Sort by weight: the header button flips the direction, aria-sort says which.
      const weightHeader = table().getByRole('columnheader', { name: /Weight/ });
      await weightHeader.getByRole('button').click();
      expect(await weightHeader.getAttribute('aria-sort')).toBe('ascending');
      const ascending = await rowGrams();
      expect(ascending.length).toBeGreaterThan(10);
      expect(sorted(ascending, 1)).toBe(true);
      expect(sorted(ascending, -1)).toBe(false);
      await weightHeader.getByRole('button').press('Enter');
      expect(await weightHeader.getAttribute('aria-sort')).toBe('descending');
      expect(sorted(await rowGrams(), -1)).toBe(true);

      for (const [name, grams] of [
        ['Bulk D', '40'],
        ['Bulk A', '10'],
        ['Bulk C', '30'],
        ['Bulk B', '20'],
      ] as const)
        await addItem(name, grams);
      await page.getByLabel('Search items').fill('Bulk');
      await expect.poll(rowNames).toEqual(['Bulk D', 'Bulk C', 'Bulk B', 'Bulk A']);
      await table().getByRole('button', { name: /Name/ }).click();
      await expect.poll(rowNames).toEqual(['Bulk A', 'Bulk B', 'Bulk C', 'Bulk D']);

      // A by mouse; B with the keyboard (ArrowDown to its box, Space); C by Shift+click,
      // which selects the range from B (the last box toggled) to C.
      await box('Bulk A').click();
      await page.keyboard.press('ArrowDown');
      expect(await box('Bulk B').evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Space');
      await box('Bulk C').click({ modifiers: ['Shift'] });
      const bulk = page.getByRole('group', { name: 'Actions on the selected items' });
      await bulk.getByText('3 selected').waitFor();
      const selectAll = page.getByRole('checkbox', { name: 'Select all items shown' });
      expect(await selectAll.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
      expect(await box('Bulk D').isChecked()).toBe(false);

      await bulk.getByRole('button', { name: 'Add to list…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add 3 items to a list' });
      await dialog.getByLabel('List').selectOption({ label: 'Bulk target' });
      await dialog.getByRole('button', { name: 'Add to list' }).click();
      await expect.poll(() => usedIn('Bulk C')).toBe('Bulk target');
      expect(await usedIn('Bulk A')).toBe('Bulk target');
      expect(await usedIn('Bulk B')).toBe('Bulk target');
      expect(await usedIn('Bulk D')).toBe('None');

      // The status of the selection, chosen in a dialog; undo puts each back.
      await bulk.getByRole('button', { name: 'Change status…' }).click();
      const statusDialog = page.getByRole('dialog', { name: 'Change the status of 3 items' });
      await statusDialog.getByLabel('Status').selectOption('wishlist');
      await statusDialog.getByRole('button', { name: 'Change status' }).click();
      const status = (name: string) => row(name).locator('td.items-table-status').innerText();
      await expect.poll(() => status('Bulk B')).toBe('Wishlist');
      expect(await status('Bulk D')).toBe('Owned');
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => status('Bulk B')).toBe('Owned');

      // Two of them deleted at once, then one undo brings both back.
      await bulk.getByRole('button', { name: 'Clear selection' }).click();
      await box('Bulk A').click();
      await box('Bulk B').click({ modifiers: ['Shift'] });
      expect(await axeViolations(page)).toEqual([]);
      await bulk.getByRole('button', { name: 'Delete 2 items' }).click();
      await expect.poll(rowNames).toEqual(['Bulk C', 'Bulk D']);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(rowNames).toEqual(['Bulk A', 'Bulk B', 'Bulk C', 'Bulk D']);

      await page.reload();
      await page.getByLabel('Search items').fill('Bulk');
      await expect.poll(rowNames).toEqual(['Bulk A', 'Bulk B', 'Bulk C', 'Bulk D']);
      expect(await usedIn('Bulk A')).toBe('Bulk target');
      expect(await usedIn('Bulk D')).toBe('None');
      await page.getByRole('link', { name: 'Bulk target' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Bulk target' }).waitFor();
      // At this width the list is the grid (list-grid.test.ts), one row per entry.
      const entries = page.getByRole('grid', { name: 'Items in Bulk target' });
      for (const name of ['Bulk A', 'Bulk B', 'Bulk C'])
        await entries.getByRole('gridcell', { name, exact: true }).waitFor();

      // A phone keeps the cards.
      await page.setViewportSize({ width: 390, height: 800 });
      await page.goto(browser.url('/items'));
      await page.getByRole('article', { name: 'Bulk A' }).waitFor();
      expect(await page.getByRole('table').count()).toBe(0);
    },
    JOURNEY_MS,
  );
});

describe('the pack board', () => {
  const region = (name: string): Locator => page.getByRole('region', { name, exact: true });
  const entry = (list: string, item: string) =>
    region(list).locator('li[data-entry-id]', { hasText: item });
  const boardLists = () => page.locator('[data-board-list] h3').allInnerTexts();

  /** Drags `source` with the mouse to just above the bottom of `target` (both in view). */
  async function dragTo(source: Locator, target: Locator): Promise<void> {
    await target.scrollIntoViewIfNeeded();
    await source.scrollIntoViewIfNeeded();
    const from = await source.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('drag source or target is not on screen');
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x + to.width / 2, to.y + to.height - 8, { steps: 8 });
    await page.mouse.up();
  }

  it(
    'moves an entry between two lists by drag and by keyboard, reorders the lists',
    async () => {
      await page.setViewportSize(DESKTOP);
      await page.goto(browser.url('/'));
      await page.getByRole('button', { name: 'New pack' }).click();
      await page.waitForURL(/\/packs\//);
      const packName = page.getByLabel('Name', { exact: true });
      await packName.fill('Board pack');
      await packName.press('Enter');
      for (const list of ['Shelter & sleep', 'Kitchen']) {
        await page.getByLabel('List to add').selectOption({ label: list });
        await page.getByRole('button', { name: 'Add list' }).click();
        await region(list).waitFor();
      }
      const stakes = 'Groundhog tent stake';
      await entry('Shelter & sleep', stakes).waitFor();

      // Drag the stakes (8 of them) from Shelter & sleep to the end of Kitchen.
      await dragTo(
        entry('Shelter & sleep', stakes).locator('.pack-drag-handle'),
        region('Kitchen'),
      );
      await entry('Kitchen', stakes).waitFor();
      expect(await entry('Shelter & sleep', stakes).count()).toBe(0);
      expect(await entry('Kitchen', stakes).innerText()).toContain('×8');
      const kitchen = await region('Kitchen').locator('li[data-entry-id]').allInnerTexts();
      expect(kitchen.at(-1)).toContain(stakes);
      // Announced in the board's own live region, not only shown somewhere.
      await page
        .locator('.pack-board-status[role="status"]')
        .getByText(`Moved ${stakes} from Shelter & sleep to Kitchen.`)
        .waitFor();

      // The keyboard way back: its "Move…" button, the dialog's list, Move.
      const moveButton = page.getByRole('button', { name: `Move ${stakes} to another list` });
      await moveButton.focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: `Move ${stakes} from Kitchen` });
      await dialog.getByLabel('To list').waitFor();
      expect(await dialog.getByLabel('To list').inputValue()).not.toBe('');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await entry('Shelter & sleep', stakes).waitFor();
      expect(await entry('Kitchen', stakes).count()).toBe(0);
      expect(await entry('Shelter & sleep', stakes).innerText()).toContain('×8');
      // Focus followed the entry to its new list.
      await expect
        .poll(() => moveButton.evaluate((el) => el === document.activeElement))
        .toBe(true);

      // Undo the keyboard move: the stakes are back at the end of Kitchen.
      await page.getByRole('button', { name: 'Undo' }).click();
      await entry('Kitchen', stakes).waitFor();
      expect(await entry('Shelter & sleep', stakes).count()).toBe(0);

      // Reorder the lists with Alt+ArrowUp on Kitchen's row.
      await page
        .getByRole('region', { name: 'Lists in this pack' })
        .getByRole('link', { name: 'Kitchen' })
        .press('Alt+ArrowUp');
      await expect.poll(boardLists).toEqual(['Kitchen', 'Shelter & sleep']);
      expect(await axeViolations(page)).toEqual([]);
      // And with the mouse: Kitchen's handle dragged below Shelter & sleep.
      const packRows = page.getByRole('region', { name: 'Lists in this pack' }).locator('li');
      await dragTo(
        packRows.filter({ hasText: 'Kitchen' }).locator('.pack-drag-handle'),
        packRows.filter({ hasText: 'Shelter & sleep' }),
      );
      await expect.poll(boardLists).toEqual(['Shelter & sleep', 'Kitchen']);

      await page.reload();
      await entry('Kitchen', stakes).waitFor();
      expect(await entry('Kitchen', stakes).innerText()).toContain('×8');
      expect(await entry('Shelter & sleep', stakes).count()).toBe(0);
      expect(await boardLists()).toEqual(['Shelter & sleep', 'Kitchen']);
    },
    JOURNEY_MS,
  );
});
