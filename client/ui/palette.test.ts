import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { PALETTE, paletteColor, paletteName } from './palette';

// The page and surface colours of client/styles.css (--bg, --surface).
const LIGHT_BACKGROUNDS = ['#f6f4ef', '#ffffff'];
const DARK_BACKGROUNDS = ['#111613', '#1a211d'];

describe('palette', () => {
  it('has the 10 colours docs/api.md allows (indexes 0..9)', () => {
    expect(PALETTE).toHaveLength(10);
    expect(new Set(PALETTE.map((c) => c.name)).size).toBe(10);
  });

  it.each(PALETTE.map((c, i) => [i, c.name, c] as const))(
    'colour %i (%s) meets AA for text on both backgrounds of its theme',
    (_i, _name, color) => {
      for (const bg of LIGHT_BACKGROUNDS)
        expect(contrastRatio(color.light, bg)).toBeGreaterThanOrEqual(4.5);
      for (const bg of DARK_BACKGROUNDS)
        expect(contrastRatio(color.dark, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );

  it('computes known contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('maps indexes to theme-aware CSS colours and names', () => {
    expect(paletteColor(0)).toBe('light-dark(#b42318, #ff8a80)');
    expect(paletteColor(null)).toBeUndefined();
    expect(paletteColor(10)).toBeUndefined();
    expect(paletteName(5)).toBe('Blue');
    expect(paletteName(null)).toBe('No colour');
  });
});
