import type { Locale } from '$lib/paraglide/runtime';

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin (0-9); everything else is kept. */
export function normaliseDigits(text: string): string {
  return text.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (digit) => {
    const code = digit.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Parses a whole number typed with any of those digits; null when it is not one. */
export function parseInteger(text: string): number | null {
  const latin = normaliseDigits(text.trim());
  if (!/^-?\d+$/.test(latin)) return null;
  const value = Number(latin);
  return Number.isSafeInteger(value) ? value : null;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB').format(value);
}

/** Latin digits written as Persian ones (۰-۹); everything else is kept. */
export function toPersianDigits(text: string): string {
  return text.replace(/\d/g, (d) => String.fromCharCode(0x06f0 + Number(d)));
}
