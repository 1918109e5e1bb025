/** [minLon, minLat, maxLon, maxLat], as the API takes and returns it. */
export type BBox = [number, number, number, number];

export type FeatureGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] };

/** The API's `geometry: JSON` as one of the three shapes it accepts, or null. */
export function asGeometry(value: unknown): FeatureGeometry | null {
  if (!value || typeof value !== 'object') return null;
  const { type, coordinates } = value as { type?: unknown; coordinates?: unknown };
  if (!Array.isArray(coordinates)) return null;
  return type === 'Point' || type === 'LineString' || type === 'Polygon' ? (value as FeatureGeometry) : null;
}

function positions(geometry: FeatureGeometry): [number, number][] {
  if (geometry.type === 'Point') return [geometry.coordinates];
  if (geometry.type === 'LineString') return geometry.coordinates;
  return geometry.coordinates.flat();
}

export function geometryBBox(geometry: FeatureGeometry): BBox {
  const all = positions(geometry);
  const lons = all.map(([lon]) => lon);
  const lats = all.map(([, lat]) => lat);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

export function bboxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
