// Prices are stored as whole cents plus a currency code (docs/api.md), entered and shown as
// a decimal amount. Parsing stays exact: "19.99" is split at the decimal mark rather
// than multiplied as a float (19.99 * 100 is 1998.9999999999998).
const MAX_CENTS = 1e9;

/** Cents for the typed amount, null for empty, or a message saying what is wrong. */
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

/** A price for display in the user's locale, e.g. "€49.90"; falls back to "49.90 XYZ". */
export function formatPrice(cents: number, currency: string | null): string {
  if (currency === null) return centsToText(cents);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(cents / 100);
  } catch {
    return `${centsToText(cents)} ${currency}`;
  }
}
