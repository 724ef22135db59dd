// The 10-colour palette of docs/api.md (`color`: index 0..9 or null). Each colour has a
// light-theme and a dark-theme shade, chosen so a swatch or bar stands out from
// the page and surface at 3:1 or more (WCAG 1.4.11, graphical objects) and text
// drawn in it on the surface reaches 4.5:1 (1.4.3) in its theme. palette.test.ts
// checks both, so a tweak that breaks contrast fails the tests.
export interface PaletteColor {
  name: string;
  light: string;
  dark: string;
}

export const PALETTE: readonly PaletteColor[] = [
  { name: 'Red', light: '#b42318', dark: '#ff8a80' },
  { name: 'Orange', light: '#a94400', dark: '#ffab66' },
  { name: 'Amber', light: '#8a5a00', dark: '#ffd166' },
  { name: 'Green', light: '#2b7a0b', dark: '#8fdc6f' },
  { name: 'Teal', light: '#0f766e', dark: '#5eead4' },
  { name: 'Blue', light: '#1d5fc4', dark: '#8ab4f8' },
  { name: 'Indigo', light: '#4338ca', dark: '#a5b4fc' },
  { name: 'Purple', light: '#7e22ce', dark: '#d8b4fe' },
  { name: 'Pink', light: '#b8155f', dark: '#f9a8d4' },
  { name: 'Slate', light: '#475569', dark: '#cbd5e1' },
];

/** The CSS colour of a palette index, following the theme; null and out-of-range give none. */
export function paletteColor(index: number | null | undefined): string | undefined {
  if (index === null || index === undefined) return undefined;
  const color = PALETTE[index];
  return color ? `light-dark(${color.light}, ${color.dark})` : undefined;
}

export function paletteName(index: number | null | undefined): string {
  return (index === null || index === undefined ? undefined : PALETTE[index]?.name) ?? 'No colour';
}
