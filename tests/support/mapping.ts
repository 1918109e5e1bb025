import { gql, ok } from './gql.js';
import { mapCategory } from './factories.js';

export const FEATURE_FIELDS =
  'id kind status title version severity capacity geometry mine authorName category { slug }';

export interface Feature {
  id: string;
  kind: 'ASSET' | 'HARM';
  status: string;
  title: string;
  version: number;
  severity: number | null;
  capacity: number | null;
  geometry: { type: string; coordinates: unknown };
  mine: boolean;
  authorName: string | null;
  category: { slug: string };
}

export interface FeatureInput {
  neighbourhoodId: string;
  category: string;
  /** Overrides `category` with a raw id (e.g. one that does not exist). */
  categoryId?: string;
  geometry: unknown;
  title?: string;
  severity?: number | null;
  capacity?: number | null;
  id?: string;
  kind?: string;
}

export async function featureInput(f: FeatureInput) {
  return {
    ...(f.id ? { id: f.id } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    neighbourhoodId: f.neighbourhoodId,
    categoryId: f.categoryId ?? (await mapCategory(f.category)),
    geometry: f.geometry,
    title: f.title ?? 'test feature',
    severity: f.severity,
    capacity: f.capacity,
    source: 'FIELD_VISIT',
  };
}

export function createFeature(f: FeatureInput, token: string) {
  return featureInput(f).then((input) =>
    gql<{ createMapFeature: Feature }>(
      `mutation($i: CreateMapFeatureInput!) { createMapFeature(input: $i) { ${FEATURE_FIELDS} } }`,
      { i: input },
      { token },
    ),
  );
}

export const point = (x: number, y: number) => ({ type: 'Point', coordinates: [x, y] });

export const square = (x: number, y: number, d = 0.0003) => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + d, y],
      [x + d, y + d],
      [x, y + d],
      [x, y],
    ],
  ],
});

export interface MapViewResult {
  total: number;
  clustered: boolean;
  exactHarms: boolean;
  lastSeq: number;
  features: Feature[];
  clusters: { count: number; lon: number; lat: number; bbox: number[] }[];
  harmCells: { id: string; bbox: number[]; count: number }[];
}

export const MAP_VIEW = `query($n: ID!, $bbox: [Float!], $zoom: Int, $statuses: [MapFeatureStatus!], $kinds: [MapFeatureKind!]) {
  mapView(neighbourhoodId: $n, bbox: $bbox, zoom: $zoom, statuses: $statuses, kinds: $kinds) {
    total clustered exactHarms lastSeq
    features { ${FEATURE_FIELDS} }
    clusters { count lon lat bbox }
    harmCells { id bbox count }
  }
}`;

export async function mapView(
  neighbourhoodId: string,
  token: string | null,
  extra: Record<string, unknown> = {},
): Promise<MapViewResult> {
  return ok(await gql<{ mapView: MapViewResult }>(MAP_VIEW, { n: neighbourhoodId, ...extra }, { token })).mapView;
}

/** Every feature in the neighbourhood, whatever its status, as a moderator sees it. */
export async function featureCount(neighbourhoodId: string, moderatorToken: string): Promise<number> {
  return (await mapView(neighbourhoodId, moderatorToken, { statuses: ['PROPOSED', 'CONFIRMED', 'ARCHIVED'] })).total;
}
