import type { Locale } from '$lib/paraglide/runtime';

// Dates are shown on Tehran time in both languages so the server and the browser print the same day.
const TIME_ZONE = 'Asia/Tehran';

export type DateStyle = 'long' | 'full';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, style: DateStyle): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-persian' : 'en-GB', {
      timeZone: TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(style === 'full' ? { weekday: 'long' } : {}),
    });
    formatters.set(key, found);
  }
  return found;
}

/**
 * A natural full date: Jalali with Persian digits in Persian ("دوشنبه ۳ آذر ۱۴۰۵"),
 * Gregorian in English ("Monday 24 November 2026").
 */
export function formatDate(value: Date | string, locale: Locale, style: DateStyle = 'long'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return '';
  const parts = formatter(locale, style).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  // Built from parts: the default pattern adds an era and commas that read oddly in Persian.
  return [part('weekday'), part('day'), part('month'), part('year')].filter(Boolean).join(' ');
}

// Building a formatter is costly (tens of µs); one is made once and reused for every date.
const isoFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** ISO date (YYYY-MM-DD, Tehran time) for the `datetime` attribute of <time>. */
export function isoDate(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return isoFormatter.format(date);
}
