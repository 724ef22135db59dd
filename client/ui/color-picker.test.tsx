import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ColorPicker } from './color-picker';

const noop = () => undefined;

describe('ColorPicker', () => {
  it('offers no colour and the ten palette colours by name, as radios', () => {
    const html = renderToStaticMarkup(<ColorPicker value={3} onChange={noop} />);
    expect(html.match(/type="radio"/g)).toHaveLength(11);
    expect(html).toContain('<legend>Colour</legend>');
    expect(html).toContain('No colour');
    expect(html).toMatch(/<input type="radio" name="[^"]+" checked="" value="3"/);
  });
});
