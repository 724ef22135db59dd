// A small palette swatch next to a name. Decorative: the colour's name is spoken by
// whatever control sets it, so the dot itself is hidden from screen readers.
import { paletteColor } from './palette';
import './controls.css';

interface ColorDotProps {
  color: number | null;
  /** Draw "no colour" as a dashed ring (in a picker) instead of an empty space. */
  outlineNone?: boolean;
}

export function ColorDot({ color, outlineNone = false }: ColorDotProps) {
  const background = paletteColor(color);
  const none = outlineNone ? 'color-dot color-dot-none' : 'color-dot color-dot-empty';
  return (
    <span
      className={background ? 'color-dot' : none}
      style={background ? { background } : undefined}
      aria-hidden="true"
    />
  );
}
