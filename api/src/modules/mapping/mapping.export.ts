import { csvFile } from '../../server/csv.js';
import type { HarmCellType, MapFeatureType } from './mapping.types.js';

/** Exports carry exactly what the viewer was shown: masked features and k-suppressed harm cells. */
export function toGeoJson(features: MapFeatureType[], cells: HarmCellType[]) {
  return {
    type: 'FeatureCollection',
    features: [
      ...features.map((f) => ({
        type: 'Feature',
        id: f.id,
        geometry: f.geometry,
        properties: {
          kind: f.kind,
          category: f.category.slug,
          categoryFa: f.category.nameFa,
          categoryEn: f.category.nameEn,
          title: f.title,
          description: f.description,
          severity: f.severity,
          capacity: f.capacity,
          source: f.source,
          status: f.status,
          version: f.version,
          createdAt: f.createdAt.toISOString(),
          updatedAt: f.updatedAt.toISOString(),
        },
      })),
      ...cells.map((c) => ({
        type: 'Feature',
        id: `harm-cell-${c.id}`,
        geometry: cellPolygon(c.bbox),
        properties: { kind: 'HARM_CELL', count: c.count },
      })),
    ],
  };
}

const csvColumns = [
  'id',
  'kind',
  'category',
  'category_fa',
  'title',
  'description',
  'severity',
  'capacity',
  'source',
  'status',
  'longitude',
  'latitude',
  'count',
  'geometry_geojson',
] as const;

/**
 * CSV with a byte-order mark so spreadsheet programs read Persian as UTF-8. One row per feature
 * (longitude/latitude of its first vertex, full geometry as GeoJSON) and one per harm cell.
 */
export function toCsv(features: MapFeatureType[], cells: HarmCellType[]): string {
  const rows: (string | number | null)[][] = [
    ...features.map((f) => {
      const [lon, lat] = firstPosition(f.geometry.coordinates);
      return [
        f.id,
        f.kind,
        f.category.slug,
        f.category.nameFa,
        f.title,
        f.description,
        f.severity,
        f.capacity,
        f.source,
        f.status,
        lon,
        lat,
        null,
        JSON.stringify(f.geometry),
      ];
    }),
    ...cells.map((c) => [
      `harm-cell-${c.id}`,
      'HARM_CELL',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      null,
      round7((c.bbox[0]! + c.bbox[2]!) / 2),
      round7((c.bbox[1]! + c.bbox[3]!) / 2),
      c.count,
      JSON.stringify(cellPolygon(c.bbox)),
    ]),
  ];
  return csvFile(csvColumns, rows);
}

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

function cellPolygon([x0, y0, x1, y1]: number[]) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [x0, y0],
        [x1, y0],
        [x1, y1],
        [x0, y1],
        [x0, y0],
      ],
    ],
  };
}

function firstPosition(coordinates: unknown): [number | null, number | null] {
  let c = coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' ? [c[0], c[1] as number] : [null, null];
}
