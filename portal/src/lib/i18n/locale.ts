import { getLocale, type Locale } from '$lib/paraglide/runtime';

export type TextDirection = 'rtl' | 'ltr';

export function textDirection(locale: Locale): TextDirection {
  return locale === 'fa' ? 'rtl' : 'ltr';
}

/** Records named in both languages: Persian in the Persian interface, English otherwise. */
export interface BilingualName {
  nameFa: string;
  nameEn: string;
}

export function localName(item: BilingualName, locale: Locale = getLocale()): string {
  return locale === 'fa' ? item.nameFa : item.nameEn;
}

export function localText(
  fa: string | null | undefined,
  en: string | null | undefined,
  locale: Locale = getLocale(),
): string | null {
  return (locale === 'fa' ? fa : en) ?? null;
}
