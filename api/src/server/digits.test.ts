import { describe, expect, it } from 'vitest';
import { normaliseDigits, parsePhone, parseRials } from './digits.js';

describe('normaliseDigits', () => {
  it('maps Persian and Arabic-Indic digits to Latin and leaves the rest', () => {
    expect(normaliseDigits('۰۹۱۱-۱۲۳ ٤٥٦ abc 7')).toBe('0911-123 456 abc 7');
  });
});

describe('parseRials', () => {
  it('reads whole rials with Persian digits and thousands separators, exactly', () => {
    expect(parseRials('1500000')).toBe('1500000');
    expect(parseRials('۱٬۵۰۰٬۰۰۰')).toBe('1500000');
    expect(parseRials('1,500,000')).toBe('1500000');
    expect(parseRials('0')).toBe('0');
    // Beyond 2^53: kept exact as digits.
    expect(parseRials('9007199254740993')).toBe('9007199254740993');
    expect(parseRials('1000000000000000000')).toBe('1000000000000000000');
  });

  it('refuses negatives, fractions, words and amounts beyond the cap', () => {
    for (const bad of ['', '-5', '1.5', '۱٫۵', 'ten', '1e9', '1000000000000000001']) {
      expect(parseRials(bad), bad).toBeNull();
    }
  });
});

describe('parsePhone', () => {
  it('reads Persian digits, keeps empty as undefined and refuses what is not a number', () => {
    expect(parsePhone('۰۹۱۱ ۱۲۳ ۴۵۶۷')).toBe('0911 123 4567');
    expect(parsePhone('+98 911-123-4567')).toBe('+98 911-123-4567');
    expect(parsePhone('  ')).toBeUndefined();
    expect(parsePhone(null)).toBeUndefined();
    for (const bad of ['call me', '12', '0911#123']) expect(parsePhone(bad), bad).toBeNull();
  });
});
