import { describe, expect, it } from 'vitest';
import { normaliseDigits } from './digits.js';

describe('normaliseDigits', () => {
  it('maps Persian and Arabic-Indic digits to Latin and leaves the rest', () => {
    expect(normaliseDigits('۰۹۱۱-۱۲۳ ٤٥٦ abc 7')).toBe('0911-123 456 abc 7');
  });
});
