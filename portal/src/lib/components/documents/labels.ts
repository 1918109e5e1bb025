import type { DocumentKind$options } from '$houdini';

import { formatNumber } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

/** Every kind of document, in the order people choose from. */
export const DOCUMENT_KINDS: readonly DocumentKind$options[] = [
  'LICENCE_SCAN',
  'RESUME',
  'STAFF_LIST',
  'REPORT_ANNEX',
  'OTHER',
];

export const documentKindLabels: Record<DocumentKind$options, () => string> = {
  LICENCE_SCAN: m.doc_kind_LICENCE_SCAN,
  RESUME: m.doc_kind_RESUME,
  STAFF_LIST: m.doc_kind_STAFF_LIST,
  REPORT_ANNEX: m.doc_kind_REPORT_ANNEX,
  OTHER: m.doc_kind_OTHER,
};

export function documentKindLabel(kind: DocumentKind$options): string {
  return documentKindLabels[kind]();
}

const KB = 1024;
const MB = 1024 * 1024;

/** A file size as people read it: "۳۴۰ کیلوبایت", "۱٫۲ مگابایت" in Persian; "340 KB", "1.2 MB" in English. */
export function formatFileSize(bytes: number, locale: Locale): string {
  const digits = (value: number, fraction: number) =>
    new Intl.NumberFormat(locale === 'fa' ? 'fa-IR' : 'en-GB', { maximumFractionDigits: fraction }).format(value);
  if (bytes < KB) return m.doc_size_bytes({ n: formatNumber(bytes, locale) });
  if (bytes < MB) return m.doc_size_kb({ n: digits(bytes / KB, bytes < 10 * KB ? 1 : 0) });
  return m.doc_size_mb({ n: digits(bytes / MB, 1) });
}
