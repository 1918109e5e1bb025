import type {
  MapAccess$result,
  MapFeatureFields$data,
  MapLegend$result,
  MapPresence$result,
  MapView$result,
} from '$houdini';

export type MapFeature = Omit<MapFeatureFields$data, ' $fragments'>;
export type MapAccess = MapAccess$result['mapAccess'];
export type Workshop = Omit<NonNullable<MapAccess['workshop']>, ' $fragments'>;
export type MapCluster = MapView$result['mapView']['clusters'][number];
export type HarmCell = MapView$result['mapView']['harmCells'][number];
export type LegendEntry = MapLegend$result['mapLegend'][number];
export type Presence = MapPresence$result['mapPresence'][number];

export interface MapCategory {
  id: string;
  slug: string;
  kind: MapFeature['kind'];
  nameFa: string;
  nameEn: string;
  icon: string;
  colour: string;
  sortOrder: number;
}

/** The neighbourhood a map is drawn for. */
export interface MapNeighbourhood {
  id: string;
  slug: string;
  nameFa: string;
  nameEn: string;
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: number[];
  /** GeoJSON (Multi)Polygon */
  boundary: unknown;
}
