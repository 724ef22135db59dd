// A weight as text in a given unit (or `auto`, [W9]), in the user's locale, with an
// accessible form: screen readers read "1.25 kilograms", not "1.25 kg".
import { formatWeight, resolveUnit } from '../../shared/format-weight';
import type { DisplayUnit, WeightUnit } from '../../shared/units';
import { useWeightFormat } from './weight-format';

const UNIT_NAMES: Record<WeightUnit, string> = {
  g: 'grams',
  kg: 'kilograms',
  oz: 'ounces',
  lb: 'pounds',
};

export function WeightText({ grams, unit }: { grams: number; unit: DisplayUnit }) {
  const format = useWeightFormat();
  const text = formatWeight(grams, unit, format);
  const shown = resolveUnit(grams, unit, format);
  const spoken = `${text.slice(0, text.lastIndexOf(' '))} ${UNIT_NAMES[shown]}`;
  return (
    <data className="weight" value={String(grams)} aria-label={spoken}>
      {text}
    </data>
  );
}
