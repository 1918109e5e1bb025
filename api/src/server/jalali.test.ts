import { describe, expect, it } from 'vitest';
import { addJalaliMonths, jalaliYearRange, quarterOf, quarterRange, tehranDayStart } from './jalali.js';

// Expected Gregorian days are from the official Iranian calendar (Nowruz 1404 = 21 March 2025,
// Nowruz 1405 = 21 March 2026); 1403 and 1408 are leap years, so their Esfand has 30 days.
describe('Jalali years and quarters', () => {
  it('starts 1404 and 1405 at Nowruz and ends them on 29 Esfand', () => {
    expect(jalaliYearRange(1404)).toEqual({ from: '2025-03-21', to: '2026-03-20' });
    expect(jalaliYearRange(1405)).toEqual({ from: '2026-03-21', to: '2027-03-20' });
  });

  it('gives the leap year 1403 a 30 Esfand, ending the day before Nowruz 1404', () => {
    expect(jalaliYearRange(1403)).toEqual({ from: '2024-03-20', to: '2025-03-20' });
    expect(quarterRange(1403, 4)).toEqual({ from: '2024-12-21', to: '2025-03-20' });
    expect(jalaliYearRange(1408)).toEqual({ from: '2029-03-20', to: '2030-03-20' });
  });

  it('maps every quarter of 1404 to its Gregorian days', () => {
    expect(quarterRange(1404, 1)).toEqual({ from: '2025-03-21', to: '2025-06-21' });
    expect(quarterRange(1404, 2)).toEqual({ from: '2025-06-22', to: '2025-09-22' });
    expect(quarterRange(1404, 3)).toEqual({ from: '2025-09-23', to: '2025-12-21' });
    expect(quarterRange(1404, 4)).toEqual({ from: '2025-12-22', to: '2026-03-20' });
  });

  it('maps every quarter of 1405 to its Gregorian days', () => {
    expect(quarterRange(1405, 1)).toEqual({ from: '2026-03-21', to: '2026-06-21' });
    expect(quarterRange(1405, 2)).toEqual({ from: '2026-06-22', to: '2026-09-22' });
    expect(quarterRange(1405, 3)).toEqual({ from: '2026-09-23', to: '2026-12-21' });
    expect(quarterRange(1405, 4)).toEqual({ from: '2026-12-22', to: '2027-03-20' });
  });

  it('places the days either side of each boundary in the right quarter and year', () => {
    expect(quarterOf('2025-03-20')).toEqual({ year: 1403, quarter: 4 });
    expect(quarterOf('2025-03-21')).toEqual({ year: 1404, quarter: 1 });
    expect(quarterOf('2025-06-21')).toEqual({ year: 1404, quarter: 1 });
    expect(quarterOf('2025-06-22')).toEqual({ year: 1404, quarter: 2 });
    expect(quarterOf('2026-03-20')).toEqual({ year: 1404, quarter: 4 });
    expect(quarterOf('2026-03-21')).toEqual({ year: 1405, quarter: 1 });
    expect(quarterOf('2026-11-24')).toEqual({ year: 1405, quarter: 3 });
  });

  it('adds Jalali months, clamping to the end of a shorter month', () => {
    expect(addJalaliMonths('2025-03-21', 6)).toBe('2025-09-23'); // 1404/01/01 -> 1404/07/01
    expect(addJalaliMonths('2025-09-22', 6)).toBe('2026-03-20'); // 1404/06/31 -> 1404/12/29
    expect(addJalaliMonths('2024-09-21', 6)).toBe('2025-03-20'); // 1403/06/31 -> 1403/12/30 (leap)
  });

  it('starts a Tehran day at 20:30 UTC the evening before', () => {
    expect(tehranDayStart('2026-03-21').toISOString()).toBe('2026-03-20T20:30:00.000Z');
  });
});
