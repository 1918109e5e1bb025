import type {
  MapFeatureKind$options,
  MapFeatureSource$options,
  MapFeatureStatus$options,
  WorkshopStatus$options,
} from '$houdini';

import { formatNumber } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';

export const KINDS = ['ASSET', 'HARM'] as const satisfies readonly MapFeatureKind$options[];
export const STATUSES = ['PROPOSED', 'CONFIRMED', 'ARCHIVED'] as const satisfies readonly MapFeatureStatus$options[];
export const SOURCES = [
  'FIELD_VISIT',
  'INFORMANT_MEETING',
  'REPORT',
] as const satisfies readonly MapFeatureSource$options[];
export const SEVERITIES = [1, 2, 3, 4, 5] as const;

const kinds: Record<MapFeatureKind$options, () => string> = {
  ASSET: m.map_kind_asset,
  HARM: m.map_kind_harm,
};

const statuses: Record<MapFeatureStatus$options, () => string> = {
  PROPOSED: m.map_status_proposed,
  CONFIRMED: m.map_status_confirmed,
  ARCHIVED: m.map_status_archived,
};

const sources: Record<MapFeatureSource$options, () => string> = {
  INFORMANT_MEETING: m.map_source_informant_meeting,
  FIELD_VISIT: m.map_source_field_visit,
  REPORT: m.map_source_report,
};

const workshopStatuses: Record<WorkshopStatus$options, () => string> = {
  OPEN: m.workshop_status_open,
  PAUSED: m.workshop_status_paused,
  CLOSED: m.workshop_status_closed,
};

export const kindLabel = (kind: MapFeatureKind$options): string => kinds[kind]();
export const statusLabel = (status: MapFeatureStatus$options): string => statuses[status]();
export const sourceLabel = (source: MapFeatureSource$options): string => sources[source]();
export const workshopStatusLabel = (status: WorkshopStatus$options): string => workshopStatuses[status]();

/** "3 of 5: serious" style label for a harm's severity. */
export function severityLabel(level: number): string {
  const locale = getLocale();
  return m.map_severity_level({ level: formatNumber(level, locale), max: formatNumber(5, locale) });
}
