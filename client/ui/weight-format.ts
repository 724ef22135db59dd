// How weights are spelled app-wide: the locale (digits, separators) and the unit system
// the `auto` unit uses [W9]. The shell provides them from the settings row and the
// browser's language; stories and tests provide their own. Empty: formatWeight's defaults.
import { createContext, useContext } from 'react';
import type { FormatWeightOptions } from '../../shared/format-weight';

export type WeightFormat = Pick<FormatWeightOptions, 'locale' | 'system'>;

export const WeightFormatContext = createContext<WeightFormat>({});

export const useWeightFormat = (): WeightFormat => useContext(WeightFormatContext);
