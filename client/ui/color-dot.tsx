// A small palette swatch next to a name. Decorative: the colour's name is spoken by
// whatever control sets it, so the dot itself is hidden from screen readers.
import { paletteColor } from './palette';
import './controls.css';

export function ColorDot({ color }: { color: number | null }) {
  const background = paletteColor(color);
  return (
    <span
      className={background ? 'color-dot' : 'color-dot color-dot-none'}
      style={background ? { background } : undefined}
      aria-hidden="true"
    />
  );
}
