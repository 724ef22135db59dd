import { describe, expect, it } from 'vitest';
import { SAMPLE_ROWS } from '../../../shared/test-support/sample-rows';
import { itemSchema } from '../../../shared/schemas';
import { emptyItemForm, itemToForm, normaliseUrl, parseDecimal, parseItemForm } from './item-draft';

const form = (changes: Partial<ReturnType<typeof emptyItemForm>>) => ({
  ...emptyItemForm('g'),
  name: 'Tent',
  ...changes,
});

describe('parseItemForm', () => {
  it('turns typed text into a full, schema-valid item', () => {
    const draft = parseItemForm(
      form({
        name: '  Tent ',
        brand: ' Acme ',
        weight: '1,2',
        unit: 'kg',
        price: '349.9',
        currency: 'eur',
        url: 'acme.example/tent',
        notes: ' roomy ',
        color: 4,
        status: 'wishlist',
      }),
    );
    expect(draft).toEqual({
      ok: true,
      input: {
        name: 'Tent',
        brand: 'Acme',
        weightGrams: 1200,
        weightUnit: 'kg',
        priceCents: 34990,
        currency: 'EUR',
        url: 'https://acme.example/tent',
        notes: 'roomy',
        color: 4,
        status: 'wishlist',
      },
    });
    if (draft.ok)
      expect(itemSchema.safeParse({ ...draft.input, id: 'x', deleted: false }).success).toBe(true);
  });

  it('reads a decimal comma that cannot be a thousands separator', () => {
    const draft = parseItemForm(form({ weight: '1,5', unit: 'kg' }));
    expect(draft.ok && draft.input.weightGrams).toBe(1500);
  });

  it('treats an empty weight as 0 and an empty price as none', () => {
    const draft = parseItemForm(form({}));
    expect(draft.ok && draft.input).toMatchObject({
      weightGrams: 0,
      priceCents: null,
      currency: null,
      url: null,
    });
  });

  it.each([
    [{ name: '  ' }, 'name', /name/],
    [{ name: 'x'.repeat(201) }, 'name', /200/],
    [{ weight: 'heavy' }, 'weight', /number/],
    [{ weight: '-3' }, 'weight', /number/],
    [{ weight: '1,200' }, 'weight', /Did you mean 1200 or 1\.200/],
    [{ weight: '12,500,000' }, 'weight', /without the comma/],
    [{ weight: '1001', unit: 'kg' as const }, 'weight', /1000 kg/],
    [{ price: '12.345' }, 'price', /two decimals/],
    [{ price: 'abc' }, 'price', /number/],
    [{ price: '10' }, 'currency', /currency/],
    [{ price: '10', currency: 'EU' }, 'currency', /3-letter/],
    [{ url: 'ftp://x.example' }, 'url', /https/],
    [{ url: 'not a url' }, 'url', /https/],
    [{ notes: 'x'.repeat(5001) }, 'notes', /5000/],
  ])('rejects %j with a message on %s', (changes, field, message) => {
    const draft = parseItemForm(form(changes));
    expect(draft.ok).toBe(false);
    if (!draft.ok) expect(draft.errors[field as keyof typeof draft.errors]).toMatch(message);
  });

  it('keeps the exact grams and a null unit of an item whose weight was not touched', () => {
    const item = { ...SAMPLE_ROWS.items, weightGrams: 28.349523125 * 3.3, weightUnit: null };
    const values = itemToForm(item, 'oz');
    expect(values).toMatchObject({ weight: '3.3', unit: 'oz' });
    const draft = parseItemForm({ ...values, name: 'Renamed' }, item);
    expect(draft.ok && draft.input).toMatchObject({
      name: 'Renamed',
      weightGrams: item.weightGrams,
      weightUnit: null,
    });
    const changed = parseItemForm({ ...values, weight: '4' }, item);
    expect(changed.ok && changed.input.weightUnit).toBe('oz');
  });

  it('shows a stored item back in its own unit and price', () => {
    const item = {
      ...SAMPLE_ROWS.items,
      weightGrams: 453.59237,
      weightUnit: 'lb' as const,
      priceCents: 1999,
      currency: 'USD',
    };
    expect(itemToForm(item, 'g')).toMatchObject({
      weight: '1',
      unit: 'lb',
      price: '19.99',
      currency: 'USD',
    });
  });
});

describe('text helpers', () => {
  it.each([
    ['1.5', 1.5],
    ['1,5', 1.5],
    ['.5', 0.5],
    ['7.', 7],
    [' 850 ', 850],
    ['1e3', NaN],
    ['1.2.3', NaN],
    ['', NaN],
  ])('parseDecimal(%j) is %d', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it('adds https:// to a bare address only', () => {
    expect(normaliseUrl(' example.com ')).toBe('https://example.com');
    expect(normaliseUrl('http://example.com')).toBe('http://example.com');
    expect(normaliseUrl('')).toBe('');
  });
});
