/** Keys whose values never reach the audit log: secrets and personal contact details. */
const sensitive = /pass(word)?|token|secret|hash|email|phone|mobile|address|national.?id|contact/i;

export const REDACTED = '[redacted]';

/** A value safe to log: sensitive keys replaced, nested objects walked. */
export function redact(value: unknown, key = ''): unknown {
  if (key && sensitive.test(key)) return value === null || value === undefined ? value : REDACTED;
  if (Array.isArray(value)) return value.map((v) => redact(v));
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

/**
 * The fields that changed between two plain snapshots, as { field: { from, to } } with sensitive
 * values redacted. A created record has no `before`; a deleted one has no `after`.
 */
export function diff(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): Record<string, { from?: unknown; to?: unknown }> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const out: Record<string, { from?: unknown; to?: unknown }> = {};
  for (const k of keys) {
    const from = before?.[k];
    const to = after?.[k];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const entry: { from?: unknown; to?: unknown } = {};
    if (before) entry.from = redact(from, k);
    if (after) entry.to = redact(to, k);
    out[k] = entry;
  }
  return out;
}
