// Prices are whole cents plus a currency code (docs/api.md), typed and written as a decimal
// amount. The amount is split at its decimal mark rather than multiplied as a float
// (19.99 * 100 is 1998.9999999999998), so parsing is exact. Shared by the item form
// (client/features/items/price.ts) and the spreadsheet reader (sheet-import/cells.ts).

/** "19.99" or "19,99" → 1999; null when it is not digits with at most two decimals. */
export function amountToCents(digits: string): number | null {
  const match = /^(\d*)(?:[.,](\d{0,2}))?$/.exec(digits);
  if (!match || (match[1] === '' && (match[2] ?? '') === '')) return null;
  return Number(match[1] || '0') * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** 4990 → "49.90": a stored price as the form and files write it. */
export function centsToText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}
