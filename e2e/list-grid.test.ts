// Issue 14, planning on the desktop like a spreadsheet, in real Chromium against the built
// server: a list is a dense grid at 1280×800 (fifteen or more of twenty rows without
// scrolling), edited with the keyboard alone (values survive a reload), rows pasted from a
// spreadsheet become entries after the column preview, and a 390 px phone keeps the cards.
import type { Locator, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { browserTestPerFile } from './support/browser-test';

const browser = browserTestPerFile();
let page: Page;
beforeEach(() => {
  page = browser.page();
});

const grid = (): Locator => page.getByRole('grid');
const gridMessage = () => page.locator('.grid-error').innerText();
const totals = (): Locator => page.locator('dl[aria-label^="Totals of"]');
const focusedCell = () =>
  page.evaluate(() => {
    const cell = document.activeElement?.closest('td');
    return cell ? `${cell.dataset['cell']}|${cell.textContent}` : null;
  });

async function newList(): Promise<void> {
  await page.goto(browser.url('/lists'));
  await page.getByRole('button', { name: 'New list' }).first().click();
  await page.waitForURL(/\/lists\/.+/);
}

/** Adds rows through the "Paste rows / Import CSV" button's text box. */
async function pasteThroughButton(tsv: string, count: number): Promise<void> {
  await page.getByRole('button', { name: 'Paste rows / Import CSV' }).click();
  await page.getByLabel('Rows copied from a spreadsheet').fill(tsv);
  await page.getByRole('button', { name: 'Preview rows' }).click();
  await page.getByRole('button', { name: `Add ${count} item${count === 1 ? '' : 's'}` }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}

const twentyRows = () =>
  [
    'Item\tWeight\tQty',
    ...Array.from({ length: 20 }, (_, i) => `Gear ${i + 1}\t${100 + i} g\t1`),
  ].join('\n');

/** Tabs from the top of the page until a grid cell has focus (keyboard only). */
async function tabIntoGrid(): Promise<void> {
  await page.locator('h1').focus();
  for (let i = 0; i < 80; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell'))
      return;
  }
  throw new Error('Tab never reached the grid');
}

describe('the list grid at 1280×800', () => {
  it('shows 15 or more of 20 entries without scrolling, with a compact header', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await newList();
    await pasteThroughButton(twentyRows(), 20);
    await expect.poll(() => grid().getByRole('row').count()).toBe(22); // header + new row
    const visible = await page.evaluate(() => {
      const rows = Array.from(document.querySelectorAll('[role="grid"] tbody tr')).slice(0, 20);
      return rows.filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length;
    });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(visible).toBeGreaterThanOrEqual(15);
    expect(await page.locator('.entry-row').count()).toBe(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
  });

  it('edits weight and quantity with the keyboard only; invalid input is refused; reload keeps them', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await newList();
    await pasteThroughButton('Name\tWeight\tQty\nTent\t1200 g\t1\nSocks\t60 g\t1', 2);
    await grid().getByRole('gridcell', { name: 'Socks', exact: true }).waitFor();
    await tabIntoGrid();
    expect(await focusedCell()).toBe('0:0|Tent');

    // Weight of Tent: typing replaces the content; Enter commits and moves down.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('1.5 kg');
    await page.keyboard.press('Enter');
    await expect.poll(focusedCell).toMatch(/^1:2\|60$/);

    // Invalid input: a clear message, nothing committed, Escape cancels.
    await page.keyboard.type('abc');
    await page.keyboard.press('Enter');
    await expect.poll(() => gridMessage()).toContain('Weight is not a number: “abc”.');
    await page.keyboard.press('Escape');
    expect(await focusedCell()).toBe('1:2|60');

    // Quantity of Socks: Tab moves right twice (Unit, Qty); negative is refused.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('-2');
    await page.keyboard.press('Enter');
    await expect.poll(() => gridMessage()).toContain('Quantity cannot be negative');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');

    // Worn toggles with Space: the socks (3 × 60 g) are worn.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await expect.poll(() => totals().innerText()).toMatch(/Total\s*(\([^)]*\)\s*)?1\.68 kg/);
    await expect.poll(() => totals().innerText()).toMatch(/Worn\s*(\([^)]*\)\s*)?180 g/);

    // Ctrl+Z undoes the last change (worn), as the toast's Undo would.
    await page.keyboard.press('Control+z');
    await expect.poll(() => totals().innerText()).toMatch(/Worn\s*(\([^)]*\)\s*)?0 g/);

    // Typing in the empty last row adds an item to the list.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Home');
    await page.keyboard.type('Spork');
    await page.keyboard.press('Tab');
    await grid().getByRole('gridcell', { name: 'Spork', exact: true }).waitFor();

    // Alt+ArrowDown moves the row, and focus goes with it.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Alt+ArrowDown');
    await expect.poll(focusedCell).toBe('1:0|Tent');
    await expect
      .poll(() => grid().locator('tbody tr td:first-child').allInnerTexts())
      .toEqual(['Socks', 'Tent', 'Spork', 'Type a name to add an item']);

    await page.reload();
    const tent = grid().getByRole('row').filter({ hasText: 'Tent' });
    await tent.waitFor();
    await expect.poll(() => tent.getByRole('gridcell').nth(2).innerText()).toBe('1.5');
    await expect.poll(() => tent.getByRole('gridcell').nth(3).innerText()).toBe('kg');
    const socks = grid().getByRole('row').filter({ hasText: 'Socks' });
    await expect.poll(() => socks.getByRole('gridcell').nth(4).innerText()).toBe('3');
    await grid().getByRole('gridcell', { name: 'Spork', exact: true }).waitFor();
    expect(await grid().locator('tbody tr td:first-child').allInnerTexts()).toEqual([
      'Socks',
      'Tent',
      'Spork',
      'Type a name to add an item',
    ]);
  });

  it('turns a paste from a spreadsheet into entries after the column preview', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await newList();
    await pasteThroughButton('Name\tWeight\nCup\t80 g', 1);
    await grid().getByRole('gridcell', { name: 'Cup', exact: true }).click();
    // What Google Sheets/Excel put on the clipboard: tabs, quoted cells with a tab, a
    // newline and doubled quotes; units in the cells; no header; one bad row.
    const tsv = [
      '"Tent\tpoles"\tBig Agnes\t1,2 kg\t1',
      '"Quilt ""20°"""\t"Enlightened\nEquipment"\t4.2 oz\t1',
      'Stakes\tMSR\t12 g\t8',
      'Rock\t\theavy\t1',
    ].join('\r\n');
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      const event = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      });
      document.activeElement?.dispatchEvent(event);
    }, tsv);
    const dialog = page.getByRole('dialog', { name: 'Add rows from a spreadsheet' });
    await dialog.waitFor();
    // Guessed from the values: name, description, weight, quantity.
    const field = (n: number) => dialog.getByLabel(`Field of column ${n}`);
    expect(await field(1).inputValue()).toBe('name');
    expect(await field(2).inputValue()).toBe('description');
    expect(await field(3).inputValue()).toBe('weight');
    expect(await field(4).inputValue()).toBe('qty');
    await dialog.getByText('Row 4: weight is not a number: “heavy”').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page)).toEqual([]);
    }
    // The user changes a mapping: the maker is not imported.
    await field(2).selectOption({ label: 'Not imported' });
    await dialog.getByRole('button', { name: 'Add 3 items' }).click();

    await grid().getByRole('gridcell', { name: 'Tent poles', exact: true }).waitFor();
    await grid().getByRole('gridcell', { name: 'Quilt "20°"', exact: true }).waitFor();
    await expect.poll(() => grid().getByRole('row').count()).toBe(6);
    // 80 + 1200 + 4.2 oz (119.07 g) + 8 × 12 g = 1495.07 g: 1.5 kg in the automatic unit.
    await expect.poll(() => totals().innerText()).toMatch(/Total\s*(\([^)]*\)\s*)?1\.5 kg/);
    const quilt = grid().getByRole('row').filter({ hasText: 'Quilt' });
    expect(await quilt.getByRole('gridcell').nth(1).innerText()).toBe('');
    expect(await quilt.getByRole('gridcell').nth(3).innerText()).toBe('oz');

    // The paste is one undoable write.
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => grid().getByRole('row').count()).toBe(3);
    await page.reload();
    await grid().getByRole('gridcell', { name: 'Cup', exact: true }).waitFor();
    expect(await grid().getByRole('row').count()).toBe(3);
  });
});

describe('the list on a 390 px phone', () => {
  it('keeps the card layout with its steppers', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await newList();
    await pasteThroughButton('Name\tWeight\nTent\t1200 g\nSocks\t60 g', 2);
    await page.getByRole('button', { name: 'Increase quantity of Socks' }).click();
    await expect.poll(() => totals().innerText()).toMatch(/Total\s*(\([^)]*\)\s*)?1\.32 kg/);
    expect(await page.getByRole('grid').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Socks is consumable' }).check();
    await expect.poll(() => totals().innerText()).toMatch(/Consumable\s*(\([^)]*\)\s*)?120 g/);
    await page.reload();
    await page.getByRole('checkbox', { name: 'Socks is consumable', checked: true }).waitFor();
  });
});
