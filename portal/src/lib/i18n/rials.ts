import type { Locale } from '$lib/paraglide/runtime';
import { normaliseDigits } from './numbers';

/**
 * Money is whole rials carried as decimal-digit strings end to end, like the API: no float ever
 * holds an amount, so a budget of billions prints to the last rial. Iranians count in tomans
 * (ten rials) in speech, so amounts are shown in both.
 */

/** The API's ceiling (10^18 rials): far above any budget, well inside a bigint. */
const MAX_RIALS = 10n ** 18n;

// Latin and Arabic thousands separators, the Arabic comma, spaces (also the narrow and
// zero-width kinds people paste) and underscores.
const SEPARATORS = /[,\u066C\u060C\s\u200C\u202F_]/g;

/** An amount as typed ("1,500,000", "۱٬۵۰۰٬۰۰۰") as whole rials in decimal digits, or null. */
export function parseRials(text: string): string | null {
  const digits = normaliseDigits(text.trim()).replace(SEPARATORS, '');
  if (!/^\d{1,19}$/.test(digits)) return null;
  const value = BigInt(digits);
  return value <= MAX_RIALS ? value.toString() : null;
}

function toBigInt(rials: string): bigint {
  return /^\d+$/.test(rials) ? BigInt(rials) : 0n;
}

const formatters = new Map<Locale, Intl.NumberFormat>();

function formatter(locale: Locale): Intl.NumberFormat {
  let found = formatters.get(locale);
  if (!found) {
    found = new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { useGrouping: true });
    formatters.set(locale, found);
  }
  return found;
}

/** Whole rials with thousands separators: "۱٬۵۰۰٬۰۰۰" in Persian, "1,500,000" in English. */
export function formatRials(rials: string, locale: Locale): string {
  return formatter(locale).format(toBigInt(rials));
}

/** The same amount in tomans; a last rial that is not a whole toman shows as one decimal. */
export function formatTomans(rials: string, locale: Locale): string {
  const value = toBigInt(rials);
  const whole = formatter(locale).format(value / 10n);
  const rest = value % 10n;
  if (rest === 0n) return whole;
  const decimal = formatter(locale)
    .formatToParts(1.5)
    .find((part) => part.type === 'decimal')?.value;
  return `${whole}${decimal ?? '.'}${formatter(locale).format(rest)}`;
}

/** `part` out of `whole` as a percentage 0-100 for drawing bars, exact enough for any amount. */
export function rialsShare(part: string, whole: string): number {
  const total = toBigInt(whole);
  if (total === 0n) return 0;
  return Number((toBigInt(part) * 1000n) / total) / 10;
}

/** The largest of several amounts, for scaling bars. */
export function maxRials(amounts: readonly string[]): string {
  return amounts.reduce((max, amount) => (toBigInt(amount) > toBigInt(max) ? amount : max), '0');
}
