import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WeightFormatContext } from './weight-format';
import { WeightChart } from './weight-chart';

const slices = [
  { id: 'a', label: 'Shelter', grams: 1500, color: 3 },
  { id: 'b', label: 'Kitchen', grams: 500, color: null },
  { id: 'c', label: 'Empty', grams: 0, color: null },
];

describe('WeightChart', () => {
  it('labels the ring with every figure and draws one segment per weighed slice', () => {
    const html = renderToStaticMarkup(
      <WeightChart title="Weight by list" slices={slices} unit="kg" />,
    );
    expect(html).toContain(
      'role="img" aria-label="Weight by list: Shelter 1.5 kg (75%), Kitchen 0.5 kg (25%), Empty 0 kg (0%)"',
    );
    expect(html.match(/weight-chart-segment/g)).toHaveLength(2);
    expect(html).toContain('>2 kg</text>');
  });

  it('gives the same figures as a table with row headers', () => {
    const html = renderToStaticMarkup(
      <WeightFormatContext value={{ locale: 'en-US' }}>
        <WeightChart title="Weight by list" slices={slices} unit="g" />
      </WeightFormatContext>,
    );
    expect(html).toContain('<caption>Weight by list</caption>');
    expect(html).toMatch(/<th scope="row">.*Shelter<\/th><td>1,500 g<\/td><td>75%<\/td>/);
    expect(html).toMatch(/Kitchen<\/th><td>500 g<\/td><td>25%<\/td>/);
  });

  it("spells figures in the context's locale and unit system [W9]", () => {
    const html = renderToStaticMarkup(
      <WeightFormatContext value={{ locale: 'de-DE', system: 'metric' }}>
        <WeightChart title="W" slices={slices} unit="auto" />
      </WeightFormatContext>,
    );
    expect(html).toMatch(/Shelter<\/th><td>1,5 kg<\/td>/);
    expect(html).toMatch(/Kitchen<\/th><td>500 g<\/td>/);
    expect(html).toContain('>2 kg</text>');
  });

  it('colours a slice without a colour by its position', () => {
    const html = renderToStaticMarkup(<WeightChart title="W" slices={slices} unit="g" />);
    // Index 1 of the palette (Orange) for the second slice, which has no colour.
    expect(html).toContain('light-dark(#a94400, #ffab66)');
  });

  it('says so when nothing is weighed', () => {
    const html = renderToStaticMarkup(
      <WeightChart
        title="Weight by list"
        slices={[{ id: 'c', label: 'Empty', grams: 0, color: null }]}
        unit="g"
      />,
    );
    expect(html).toContain('aria-label="Weight by list: nothing weighed yet"');
    expect(html).not.toContain('weight-chart-segment');
  });
});
