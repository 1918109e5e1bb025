import { describe, expect, it } from 'vitest';
import { isoDayOf, jalaliOf, parseDay, todayInTehran } from './days.js';

describe('parseDay', () => {
  it('reads Jalali days, with Persian or Latin digits', () => {
    expect(parseDay('1405/09/03')).toBe('2026-11-24');
    expect(parseDay('۱۴۰۵/۰۹/۰۳')).toBe('2026-11-24');
    expect(parseDay('1405-1-1')).toBe('2026-03-21');
  });

  it('reads Gregorian ISO days', () => {
    expect(parseDay('2026-11-24')).toBe('2026-11-24');
  });

  it('knows the Jalali leap year: 1403 has an Esfand 30th, 1404 does not', () => {
    expect(parseDay('1403/12/30')).toBe('2025-03-20');
    expect(parseDay('1404/12/30')).toBeNull();
  });

  it('refuses what is not a real day', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30', '1405/13/01', '1405/07/31', '12/11/2026', '0900/01/01']) {
      expect(parseDay(bad), bad).toBeNull();
    }
  });
});

describe('day helpers', () => {
  it('prints Jalali and reads Postgres values back as ISO', () => {
    expect(jalaliOf('2026-03-21')).toBe('1405/01/01');
    expect(isoDayOf(new Date(Date.UTC(2026, 10, 24)))).toBe('2026-11-24');
    expect(isoDayOf('2026-11-24')).toBe('2026-11-24');
  });

  it('counts today on Tehran time (UTC+3:30)', () => {
    expect(todayInTehran(new Date('2026-11-24T21:00:00Z'))).toBe('2026-11-25');
    expect(todayInTehran(new Date('2026-11-24T20:00:00Z'))).toBe('2026-11-24');
  });
});
