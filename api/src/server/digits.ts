/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin, so numbers typed either way mean the same. */
export function normaliseDigits(s: string): string {
  return s
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}

/** Largest amount of rials accepted: far above any budget, inside Postgres's bigint. */
export const MAX_RIALS = 10n ** 18n;

/**
 * Whole rials as typed: Latin or Persian digits, with optional thousands separators ("1,500,000",
 * "۱٬۵۰۰٬۰۰۰"). Returned as decimal digits so no float ever touches money; null when it is not a
 * whole non-negative amount. Amounts beyond 2^53 stay exact.
 */
export function parseRials(raw: string): string | null {
  const text = normaliseDigits(raw.trim()).replace(/[,\u066C\u060C\s_]/g, '');
  if (!/^\d{1,19}$/.test(text)) return null;
  const value = BigInt(text);
  return value <= MAX_RIALS ? value.toString() : null;
}

const phonePattern = /^\+?[0-9][0-9 -]{3,18}[0-9]$/;

/**
 * A phone number as typed (Persian digits accepted): undefined when left empty, null when it is
 * not a phone number, else the number with Latin digits.
 */
export function parsePhone(raw: string | null | undefined): string | null | undefined {
  if (!raw?.trim()) return undefined;
  const phone = normaliseDigits(raw.trim());
  return phonePattern.test(phone) ? phone : null;
}
