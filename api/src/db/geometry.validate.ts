import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../server/errors.js';
import type { GeoJsonGeometry } from './geometry.type.js';

/**
 * Asks PostGIS whether a GeoJSON geometry is well formed and valid, and returns it as the
 * requested multi type. Refuses with a coded field error, never stores anything.
 */
export async function validateMultiPolygon(em: EntityManager, field: string, value: unknown): Promise<GeoJsonGeometry> {
  if (
    !value ||
    typeof value !== 'object' ||
    !['Polygon', 'MultiPolygon'].includes((value as { type?: string }).type ?? '')
  ) {
    throw badInput([{ field, reason: 'NOT_A_POLYGON' }]);
  }
  const text = JSON.stringify(value);
  let row: { valid: boolean; multi: string; minx: number; miny: number; maxx: number; maxy: number } | undefined;
  try {
    [row] = await em.execute(
      `select ST_IsValid(g) as valid, ST_AsGeoJSON(ST_Multi(g), 7) as multi,
              ST_XMin(g) as minx, ST_YMin(g) as miny, ST_XMax(g) as maxx, ST_YMax(g) as maxy
         from (select ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) as g) s`,
      [text],
    );
  } catch {
    throw badInput([{ field, reason: 'MALFORMED_GEOJSON' }]);
  }
  if (!row) throw badInput([{ field, reason: 'MALFORMED_GEOJSON' }]);
  if (
    ![row.minx, row.miny, row.maxx, row.maxy].every(Number.isFinite) ||
    row.minx < -180 ||
    row.maxx > 180 ||
    row.miny < -90 ||
    row.maxy > 90
  ) {
    throw badInput([{ field, reason: 'COORDINATES_OUT_OF_RANGE' }]);
  }
  if (!row.valid) throw badInput([{ field, reason: 'INVALID_GEOMETRY' }]);
  return JSON.parse(row.multi) as GeoJsonGeometry;
}

/** [minLon, minLat, maxLon, maxLat] of a GeoJSON geometry. */
export function bboxOf(geometry: GeoJsonGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    } else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
  geometry.geometries?.forEach((g) => walk(g.coordinates));
  return [minX, minY, maxX, maxY];
}
