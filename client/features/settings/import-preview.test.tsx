import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ImportPlan } from '../../model/import-lighterpack';
import { ImportPreview } from './import-preview';

const entry = { item: { kind: 'new', index: 0 }, qty: 1, wornQty: 0, consumable: false } as const;

const plan = (over: Partial<ImportPlan>): ImportPlan => ({
  packName: 'PCT 2026',
  lists: [
    { name: 'Shelter', entries: [entry, entry] },
    { name: 'Food', entries: [entry] },
  ],
  newItems: [{ name: 'Tent', weightGrams: 1 }],
  reusedItemIds: ['a', 'b'],
  entryCount: 3,
  rejected: [],
  warnings: [],
  ...over,
});

/** The text of each element, as a reader sees it (React's text separators removed). */
const texts = (html: string): string[] =>
  html
    .replace(/<!-- -->/g, '')
    .split(/<[^>]+>/)
    .map((t) => t.trim())
    .filter((t) => t !== '');

describe('ImportPreview', () => {
  it('counts the pack’s lists, entries, new and reused items and rejected rows', () => {
    const html = renderToStaticMarkup(<ImportPreview plan={plan({})} headingId="h" />);
    expect(texts(html)).toEqual([
      'Preview of “PCT 2026”',
      'A new pack,',
      'PCT 2026',
      ', with:',
      '2 lists',
      '3 entries',
      '1 new item',
      '2 items reused from your library',
      '0 rows rejected',
      'Lists',
      'Shelter: 2 entries',
      'Food: 1 entry',
    ]);
  });

  it('lists every rejected row and every change by line', () => {
    const rejected = [
      { line: 3, reason: 'unknown unit: “stone”' },
      { line: 7, reason: 'missing name' },
    ];
    const warnings = [{ line: 9, reason: 'url “x” is not an http(s) link and was left out' }];
    const html = renderToStaticMarkup(
      <ImportPreview plan={plan({ rejected, warnings })} headingId="h" />,
    );
    expect(texts(html).slice(-5)).toEqual([
      'Rejected rows (not imported)',
      'Line 3: unknown unit: “stone”',
      'Line 7: missing name',
      'Imported with a change',
      'Line 9: url “x” is not an http(s) link and was left out',
    ]);
  });
});
