// A weight as text in a given unit, with the exact grams in a tooltip-free
// accessible form: screen readers read "1.25 kilograms", not "1.25 kg".
import { formatWeight, type WeightUnit } from '../../shared/weight';

const UNIT_NAMES: Record<WeightUnit, string> = {
  g: 'grams',
  kg: 'kilograms',
  oz: 'ounces',
  lb: 'pounds',
};

export function WeightText({ grams, unit }: { grams: number; unit: WeightUnit }) {
  const text = formatWeight(grams, unit);
  const spoken = text.replace(/\s*(g|kg|oz|lb)$/, ` ${UNIT_NAMES[unit]}`);
  return (
    <data className="weight" value={String(grams)} aria-label={spoken}>
      {text}
    </data>
  );
}
