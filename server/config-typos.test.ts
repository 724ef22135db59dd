import { describe, expect, it } from 'vitest';
import { envSchema } from './config';
import { closestVariable, unknownVariableWarnings } from './config-typos';

describe('unknown PYB_* variables', () => {
  it.each([
    ['PYB_SIGNUP', 'PYB_ALLOW_SIGNUP'],
    ['PYB_ALLOW_SIGNUPS', 'PYB_ALLOW_SIGNUP'],
    ['PYB_DATADIR', 'PYB_DATA_DIR'],
    ['PYB_TRUST_PROXIES', 'PYB_TRUST_PROXY'],
    ['PYB_METRIC_TOKEN', 'PYB_METRICS_TOKEN'],
    ['PYB_SENTRY', 'PYB_SENTRY_DSN'],
  ])('suggests the closest known name for %s', (typo, known) => {
    expect(closestVariable(typo)).toBe(known);
  });

  it('warns once per unknown PYB_ variable, naming the suggestion but never the value', () => {
    const warnings = unknownVariableWarnings({
      PYB_SIGNUP: 'false',
      PYB_METRIC_TOKEN: 'a-secret-that-must-not-leak',
      PYB_DATA_DIR: '/data',
      PATH: '/usr/bin',
      HOME: '/root',
    });
    expect(warnings).toEqual([
      'PYB_METRIC_TOKEN is not a PackYourBag setting and is ignored; did you mean PYB_METRICS_TOKEN?',
      'PYB_SIGNUP is not a PackYourBag setting and is ignored; did you mean PYB_ALLOW_SIGNUP?',
    ]);
    expect(warnings.join('\n')).not.toContain('a-secret-that-must-not-leak');
  });

  it('knows every PYB_ key of the configuration schema', () => {
    const known = Object.fromEntries(
      Object.keys(envSchema.shape)
        .filter((name) => name.startsWith('PYB_'))
        .map((name) => [name, 'x']),
    );
    expect(Object.keys(known).length).toBeGreaterThan(5);
    expect(unknownVariableWarnings(known)).toEqual([]);
  });
});
