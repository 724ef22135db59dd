// Settings: theme, weight unit and unit system, stored in the synced settings row (the choice shows
// at once because the whole app reads the row live, see useSettings); below them the
// LighterPack CSV import and the JSON backup, each loaded lazily with its parser, and
// this device's storage and install state (device-section.tsx).
import { lazy, Suspense, useState } from 'react';
import { useDb } from '../../model/db-context';
import { useLocalEcho } from '../../ui/use-local-echo';
import { DEFAULT_UNIT_SYSTEM, type DisplayUnit, type UnitSystem } from '../../../shared/units';
import type { Theme } from '../../model/settings';
import { Page } from '../../ui/page';
import { RadioGroup } from '../../ui/radio-group';
import { saveSettings } from '../../model/settings';
import type { Preferences, SettingsChanges } from '../../model/settings';
import { DeviceSection } from './device-section';
import { useSettings } from './use-settings';

const THEMES: readonly { value: Theme; label: string }[] = [
  { value: 'system', label: 'Same as the device' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

const UNITS: readonly { value: DisplayUnit; label: string }[] = [
  { value: 'auto', label: 'Automatic (850 g, 1.2 kg)' },
  { value: 'g', label: 'Grams (g)' },
  { value: 'kg', label: 'Kilograms (kg)' },
  { value: 'oz', label: 'Ounces (oz)' },
  { value: 'lb', label: 'Pounds (lb)' },
];

const SYSTEM_CHOICES = [
  { value: 'metric', label: 'Grams and kilograms' },
  { value: 'imperial', label: 'Ounces and pounds' },
] as const;

// The LighterPack import and its CSV parser load when this page is first shown, not with the
// app's entry chunk.
const ImportLighterPack = lazy(() =>
  import('./import-lighterpack').then((m) => ({ default: m.ImportLighterPack })),
);
// The JSON backup (download, preview and restore) loads the same way.
const BackupSection = lazy(() =>
  import('./backup-section').then((m) => ({ default: m.BackupSection })),
);

export function SettingsPage() {
  const settings = useSettings();
  return (
    <Page title="Settings">
      {settings.status === 'ready' && <SettingsForm settings={settings.value} />}
      {settings.status === 'error' && (
        <p role="alert">Settings could not be read ({String(settings.error)}).</p>
      )}
      <Suspense fallback={null}>
        <ImportLighterPack />
      </Suspense>
      <Suspense fallback={null}>
        <BackupSection />
      </Suspense>
      <DeviceSection />
    </Page>
  );
}

function SettingsForm({ settings }: { settings: Preferences }) {
  const database = useDb();
  const [theme, setTheme] = useLocalEcho(settings.theme);
  const [units, setUnits] = useLocalEcho(settings.units);
  const [system, setSystem] = useLocalEcho<UnitSystem>(settings.unitSystem ?? DEFAULT_UNIT_SYSTEM);
  const [saveError, setSaveError] = useState<string | null>(null);

  const save = (changes: SettingsChanges) => {
    setSaveError(null);
    saveSettings(database, changes).catch((error: unknown) => {
      setSaveError(`Your choice could not be saved (${String(error)}).`);
    });
  };

  return (
    <>
      <RadioGroup
        legend="Theme"
        name="theme"
        options={THEMES}
        value={theme}
        onChange={(value) => {
          setTheme(value);
          save({ theme: value });
        }}
      />
      <RadioGroup
        legend="Weight unit"
        name="units"
        options={UNITS}
        value={units}
        onChange={(value) => {
          setUnits(value);
          save({ units: value });
        }}
      />
      {units === 'auto' && (
        <RadioGroup
          legend="Automatic weights use"
          name="unitSystem"
          options={SYSTEM_CHOICES}
          value={system}
          onChange={(value) => {
            setSystem(value);
            save({ unitSystem: value });
          }}
        />
      )}
      {saveError && <p role="alert">{saveError}</p>}
    </>
  );
}
