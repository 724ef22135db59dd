import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DisplayUnit, UnitSystem } from '../../shared/units';
import { useEntryUnit, WeightFormatContext } from './weight-format';

function TypedUnit({ unit }: { unit: DisplayUnit }) {
  return <>{useEntryUnit(unit)}</>;
}

const typedIn = (unit: DisplayUnit, system?: UnitSystem) =>
  renderToStaticMarkup(
    <WeightFormatContext value={system ? { system } : {}}>
      <TypedUnit unit={unit} />
    </WeightFormatContext>,
  );

describe('useEntryUnit', () => {
  it.each<[DisplayUnit, UnitSystem | undefined, string]>([
    ['auto', undefined, 'g'], // metric until the user chooses [W9]
    ['auto', 'metric', 'g'],
    ['auto', 'imperial', 'oz'],
    ['kg', 'imperial', 'kg'], // a unit of the user's own choice is kept
    ['lb', 'metric', 'lb'],
  ])('[W9] %s with system %s: weights are typed in %s', (unit, system, typed) => {
    expect(typedIn(unit, system)).toBe(typed);
  });
});
