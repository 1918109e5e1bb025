import type { EntityManager } from '@mikro-orm/postgresql';
import type { GeoJsonGeometry } from '../../db/geometry.type.js';
import type { MapFeatureKind, MapFeatureSource, MapFeatureStatus } from './mapping.entity.js';
import { canSeeAuthor, canSeeFeature, type MapAccess } from './mapping.policy.js';
import type { MapCategoryType, MapFeatureType } from './mapping.types.js';

/** A feature as stored, with everything any viewer might be shown; never sent as is. */
export interface FeatureRecord {
  id: string;
  neighbourhoodId: string;
  kind: MapFeatureKind;
  categoryId: string;
  geometry: GeoJsonGeometry;
  title: string;
  description: string | null;
  severity: number | null;
  capacity: number | null;
  source: MapFeatureSource;
  status: MapFeatureStatus;
  authorId: string | null;
  authorName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One SELECT list and join for every read of features, so all reads agree on the shape. */
export const featureSelect = `
  select f.id, f.neighbourhood_id, f.kind, f.category_id, ST_AsGeoJSON(f.geometry, 7) as geometry,
         f.title, f.description, f.severity, f.capacity, f.source, f.status, f.author_id,
         u.display_name as author_name, f.version, f.created_at, f.updated_at
    from map_feature f left join app_user u on u.id = f.author_id`;

interface FeatureRow {
  id: string;
  neighbourhood_id: string;
  kind: MapFeatureKind;
  category_id: string;
  geometry: string;
  title: string;
  description: string | null;
  severity: number | null;
  capacity: number | null;
  source: MapFeatureSource;
  status: MapFeatureStatus;
  author_id: string | null;
  author_name: string | null;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
}

export function toRecord(r: FeatureRow): FeatureRecord {
  return {
    id: r.id,
    neighbourhoodId: r.neighbourhood_id,
    kind: r.kind,
    categoryId: r.category_id,
    geometry: JSON.parse(r.geometry) as GeoJsonGeometry,
    title: r.title,
    description: r.description,
    severity: r.severity,
    capacity: r.capacity,
    source: r.source,
    status: r.status,
    authorId: r.author_id,
    authorName: r.author_name,
    version: r.version,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

export async function loadRecords(em: EntityManager, ids: readonly string[]): Promise<FeatureRecord[]> {
  if (!ids.length) return [];
  // One text parameter: the query driver would otherwise expand an array into a list of parameters.
  const rows = await em.execute<FeatureRow[]>(`${featureSelect} where f.id = any(string_to_array(?, ',')::uuid[])`, [
    ids.join(','),
  ]);
  return rows.map(toRecord);
}

/** The feature as this viewer may see it, or null. */
export function presentFeature(
  record: FeatureRecord,
  access: MapAccess,
  categories: ReadonlyMap<string, MapCategoryType>,
): MapFeatureType | null {
  if (!canSeeFeature(access, record)) return null;
  const category = categories.get(record.categoryId);
  if (!category) return null;
  return {
    id: record.id,
    neighbourhoodId: record.neighbourhoodId,
    kind: record.kind,
    category,
    geometry: record.geometry,
    title: record.title,
    description: record.description,
    severity: record.severity,
    capacity: record.capacity,
    source: record.source,
    status: record.status,
    authorName: canSeeAuthor(access, record.authorId) ? record.authorName : null,
    mine: !!access.userId && access.userId === record.authorId,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
