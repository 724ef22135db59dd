// The item form's prices: whole cents plus a currency code, parsed exactly by
// shared/price.ts. Display goes through Intl in the user's locale: digit grouping and
// decimal mark, and the currency's own number of decimals (USD 2, JPY 0: ¥1,500, not
// ¥1,500.00).
import { amountToCents } from '../../../shared/price';
import { MAX_CENTS } from '../../../shared/schemas/constants';

export { centsToText } from '../../../shared/price';

/** Parses the typed amount: cents, null for empty, or a message saying what is wrong. */
export function parsePrice(text: string): number | null | string {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  if (/^\d*[.,]\d{3,}$/.test(trimmed)) return 'Use at most two decimals, such as 49.90.';
  const cents = amountToCents(trimmed);
  if (cents === null) return 'Enter the price as a number, such as 49.90.';
  if (cents > MAX_CENTS) return 'That price is too high (10,000,000 at most).';
  return cents;
}

/**
 * A price for display in `locale` (default the browser's), e.g. "$1,049.90", "1.049,90 €",
 * "¥1,500"; without a currency "1,049.90"; an unknown code is written out ("XYZ 1,049.90").
 */
export function formatPrice(cents: number, currency: string | null, locale?: string): string {
  const amount = cents / 100;
  if (currency === null) return plainFormat(locale).format(amount);
  const format = currencyFormat(locale, currency);
  return format ? format.format(amount) : `${plainFormat(locale).format(amount)} ${currency}`;
}

// Building an Intl.NumberFormat costs far more than using one, and a table formats a price
// per row: one per locale and currency is kept (null: a code Intl refuses).
const formats = new Map<string, Intl.NumberFormat | null>();

function plainFormat(locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ''}|`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    formats.set(key, format);
  }
  return format;
}

function currencyFormat(locale: string | undefined, currency: string): Intl.NumberFormat | null {
  const key = `${locale ?? ''}|${currency}`;
  if (!formats.has(key)) {
    try {
      formats.set(key, new Intl.NumberFormat(locale, { style: 'currency', currency }));
    } catch {
      formats.set(key, null);
    }
  }
  return formats.get(key) ?? null;
}
