// Shared data for the stories: the edge cases issue #12 asks every component to show
// (very long names, 0 g and 100 kg, every palette colour and weight unit, many rows).
import { WEIGHT_UNITS } from '../shared/units';
import type { WeightUnit } from '../shared/units';
import { PALETTE } from '../client/ui/palette';

export { WEIGHT_UNITS };
export type { WeightUnit };

/** A name past any sensible length, with one unbroken word to test wrapping. */
export const LONG_NAME =
  'Ultralight titanium double-wall insulated mug with folding handles and a silicone lid ' +
  'for cold mornings above the tree line (spare) Supercalifragilisticexpialidociousgearname';

/** 100 kg, the heaviest pack a story shows. */
export const HUNDRED_KG = 100_000;

/** Every palette index, 0..9. */
export const PALETTE_INDICES: readonly number[] = PALETTE.map((_, index) => index);

/** n values made by `make`, numbered from 1 for readable names. */
export const times = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i + 1));
