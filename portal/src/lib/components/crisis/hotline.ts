import type { Locale } from '$lib/paraglide/runtime';

import { normaliseDigits } from '$lib/i18n/numbers';

/** The welfare organisation's social-emergency line (seed 002); shown before anyone signs in. */
export const HOTLINE = '123';

const PERSIAN_ZERO = 0x06f0;

/** A phone number in the interface's digits: Persian in Persian, Latin otherwise. */
export function localDigits(text: string, locale: Locale): string {
  if (locale !== 'fa') return text;
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(PERSIAN_ZERO + Number(digit)));
}

/**
 * A callback number typed with any digits, reduced to Latin digits and an optional leading "+";
 * spaces, dashes and brackets people type between groups are dropped. Null when it is not a number.
 */
export function normalisePhone(text: string): string | null {
  const compact = normaliseDigits(text).replace(/[\s\-()]/g, '');
  return /^\+?\d{5,20}$/.test(compact) ? compact : null;
}
