// Prices are stored as whole cents plus a currency code (docs/api.md), entered and shown as
// a decimal amount. Parsing stays exact: "19.99" is split at the decimal mark rather
// than multiplied as a float (19.99 * 100 is 1998.9999999999998).
// Display goes through Intl in the user's locale: digit grouping and decimal mark, and the
// currency's own number of decimals (USD 2, JPY 0: ¥1,500, not ¥1,500.00).
const MAX_CENTS = 1e9;

/** Parses the typed amount: cents, null for empty, or a message saying what is wrong. */
export function parsePrice(text: string): number | null | string {
  const trimmed = text.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  const match = /^(\d*)(?:[.,](\d*))?$/.exec(trimmed);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || (whole === '' && fraction === ''))
    return 'Enter the price as a number, such as 49.90.';
  if (fraction.length > 2) return 'Use at most two decimals, such as 49.90.';
  const cents = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'));
  if (cents > MAX_CENTS) return 'That price is too high (10,000,000 at most).';
  return cents;
}

/** 4990 → "49.90": the form's text for a stored price. */
export function centsToText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * A price for display in `locale` (default the browser's), e.g. "$1,049.90", "1.049,90 €",
 * "¥1,500"; without a currency "1,049.90"; an unknown code is written out ("XYZ 1,049.90").
 */
export function formatPrice(cents: number, currency: string | null, locale?: string): string {
  const amount = cents / 100;
  const plain = () =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
      amount,
    );
  if (currency === null) return plain();
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${plain()} ${currency}`;
  }
}
