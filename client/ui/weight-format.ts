// How weights are spelled app-wide: the locale (digits, separators) and the unit system
// the `auto` unit uses [W9]. The shell provides them from the settings row and the
// browser's language; stories and tests provide their own. Empty: formatWeight's defaults.
import { createContext, useContext } from 'react';
import { entryUnit, type FormatWeightOptions } from '../../shared/format-weight';
import type { DisplayUnit, WeightUnit } from '../../shared/units';

export type WeightFormat = Pick<FormatWeightOptions, 'locale' | 'system'>;

export const WeightFormatContext = createContext<WeightFormat>({});

export const useWeightFormat = (): WeightFormat => useContext(WeightFormatContext);

/**
 * [W9] The unit a weight typed without one is read in, and a new item's form starts in:
 * the setting's own unit, or for `auto` the small unit of the user's system (g or oz).
 */
export function useEntryUnit(unit: DisplayUnit): WeightUnit {
  return entryUnit(unit, useWeightFormat());
}
