import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { QuantityStepper } from './quantity-stepper';

const noop = () => undefined;

describe('QuantityStepper', () => {
  it('names its number and buttons after what it counts', () => {
    const html = renderToStaticMarkup(
      <QuantityStepper label="Quantity" name="Quantity of Tent" value={2} onChange={noop} />,
    );
    expect(html).toContain('aria-label="Decrease quantity of Tent"');
    expect(html).toContain('aria-label="Increase quantity of Tent"');
    expect(html).toMatch(/<input[^>]*aria-label="Quantity of Tent"[^>]*value="2"/);
  });

  it('keeps a button at its bound focusable but aria-disabled', () => {
    const html = renderToStaticMarkup(
      <QuantityStepper label="Worn" value={0} min={0} max={3} onChange={noop} />,
    );
    expect(html).toMatch(/aria-label="Decrease worn" aria-disabled="true"/);
    expect(html).toMatch(/aria-label="Increase worn" aria-disabled="false"/);
    expect(html).not.toMatch(/<button[^>]* disabled=""/);
  });
});
