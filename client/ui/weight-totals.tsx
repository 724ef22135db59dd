// Total, base, worn and consumable weight as a definition list (docs/architecture.md "The
// model"). Base weight, what is carried apart from food, water and fuel, is the figure
// backpackers compare, so it stands out next to the total.
import type { Totals } from '../../shared/weight';
import type { DisplayUnit } from '../../shared/units';
import { WeightText } from './weight-text';
import './controls.css';

interface WeightTotalsProps {
  totals: Totals;
  unit: DisplayUnit;
  /** Names the group for screen readers, e.g. "Totals of Kitchen". */
  label: string;
}

const PARTS: readonly { key: keyof Totals; label: string; hint: string }[] = [
  { key: 'total', label: 'Total', hint: 'everything' },
  { key: 'base', label: 'Base', hint: 'carried, not worn or used up' },
  { key: 'worn', label: 'Worn', hint: 'on your body' },
  { key: 'consumable', label: 'Consumable', hint: 'food, water, fuel' },
];

export function WeightTotals({ totals, unit, label }: WeightTotalsProps) {
  return (
    <dl className="weight-totals" aria-label={label}>
      {PARTS.map((part) => (
        <div key={part.key} className={`weight-total weight-total-${part.key}`}>
          <dt>
            {part.label} <span className="weight-total-hint">({part.hint})</span>
          </dt>
          <dd>
            <WeightText grams={totals[part.key]} unit={unit} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
