import { describe, expect, it } from 'vitest';
import { packFieldError } from './pack-field-error';

describe('packFieldError', () => {
  it('refuses an empty or too long name and too long notes', () => {
    expect(packFieldError({ name: ' ' })).toMatch(/needs a name/);
    expect(packFieldError({ name: 'x'.repeat(201) })).toMatch(/200/);
    expect(packFieldError({ notes: 'x'.repeat(5001) })).toMatch(/5000/);
  });

  it('accepts names that trim to 1..200 characters, and any colour', () => {
    expect(packFieldError({ name: ` ${'x'.repeat(200)} ` })).toBeNull();
    expect(packFieldError({ color: 3, notes: '' })).toBeNull();
  });
});
