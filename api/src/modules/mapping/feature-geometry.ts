import type { EntityManager } from '@mikro-orm/postgresql';
import type { GeoJsonGeometry } from '../../db/geometry.type.js';
import { AppError } from '../../server/errors.js';

/** Why a geometry was refused; stable codes the portal translates. */
export type GeometryProblem =
  | 'MALFORMED_GEOJSON'
  | 'UNSUPPORTED_GEOMETRY'
  | 'TOO_FEW_POINTS'
  | 'RING_NOT_CLOSED'
  | 'COORDINATES_OUT_OF_RANGE'
  | 'TOO_MANY_VERTICES'
  | 'INVALID_GEOMETRY'
  | 'OUTSIDE_NEIGHBOURHOOD';

export class GeometryRefused extends Error {
  constructor(readonly reason: GeometryProblem) {
    super(reason);
  }
}

type Position = [number, number];

/**
 * Checks shape, numbers and size in JavaScript before PostGIS sees anything, so a 100k-vertex or
 * NaN payload costs one walk over the array and never reaches SQL. Returns a clean 2D copy.
 */
export function checkGeometryShape(value: unknown, maxVertices: number): GeoJsonGeometry {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new GeometryRefused('MALFORMED_GEOJSON');
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (typeof type !== 'string') throw new GeometryRefused('MALFORMED_GEOJSON');
  if (!['Point', 'LineString', 'Polygon'].includes(type)) throw new GeometryRefused('UNSUPPORTED_GEOMETRY');
  let vertices = 0;
  const position = (p: unknown): Position => {
    if (++vertices > maxVertices) throw new GeometryRefused('TOO_MANY_VERTICES');
    if (!Array.isArray(p) || p.length < 2 || p.length > 3) throw new GeometryRefused('MALFORMED_GEOJSON');
    const [x, y] = p as unknown[];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
      throw new GeometryRefused('MALFORMED_GEOJSON');
    }
    if (x < -180 || x > 180 || y < -90 || y > 90) throw new GeometryRefused('COORDINATES_OUT_OF_RANGE');
    return [x, y];
  };
  const line = (l: unknown, min: number): Position[] => {
    if (!Array.isArray(l)) throw new GeometryRefused('MALFORMED_GEOJSON');
    if (l.length > maxVertices) throw new GeometryRefused('TOO_MANY_VERTICES');
    const points = l.map(position);
    if (points.length < min) throw new GeometryRefused('TOO_FEW_POINTS');
    return points;
  };
  if (type === 'Point') return { type, coordinates: position(coordinates) };
  if (type === 'LineString') return { type, coordinates: line(coordinates, 2) };
  if (!Array.isArray(coordinates) || coordinates.length === 0) throw new GeometryRefused('MALFORMED_GEOJSON');
  const rings = coordinates.map((ring) => {
    const points = line(ring, 4);
    const [first, last] = [points[0]!, points[points.length - 1]!];
    if (first[0] !== last[0] || first[1] !== last[1]) throw new GeometryRefused('RING_NOT_CLOSED');
    return points;
  });
  return { type, coordinates: rings };
}

/**
 * PostGIS judges validity (self-intersection, ST_IsValid) and whether the geometry lies inside
 * the neighbourhood, with a tolerance in metres for imprecise drawing on a phone.
 */
export async function checkGeometryPlace(
  em: EntityManager,
  geometry: GeoJsonGeometry,
  neighbourhoodId: string,
  toleranceMetres: number,
): Promise<void> {
  const [row] = await em.execute<{ valid: boolean; inside: boolean }[]>(
    `select ST_IsValid(g) as valid,
            -- GEOS may throw on invalid input, so containment is only asked of valid geometries.
            case when ST_IsValid(g) then ST_CoveredBy(g, ST_Buffer(n.boundary::geography, ?)::geometry) end as inside
       from (select ST_SetSRID(ST_GeomFromGeoJSON(?), 4326) as g) s, neighbourhood n
      where n.id = ?`,
    [toleranceMetres, JSON.stringify(geometry), neighbourhoodId],
  );
  if (!row) throw new AppError('NOT_FOUND');
  if (!row.valid) throw new GeometryRefused('INVALID_GEOMETRY');
  if (!row.inside) throw new GeometryRefused('OUTSIDE_NEIGHBOURHOOD');
}
