import { GraphQLJSON } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { GeoJsonGeometry } from '../../db/geometry.type.js';
import { WorkshopType } from '../workshops/workshops.types.js';
import { MapEventType, MapFeatureKind, MapFeatureSource, MapFeatureStatus } from './mapping.entity.js';

export enum MapExportFormat {
  GEOJSON = 'GEOJSON',
  CSV = 'CSV',
}
registerEnumType(MapExportFormat, { name: 'MapExportFormat' });

/** Plain values, no middleware: `simpleResolvers` lets graphql-js read the properties directly. */
@ObjectType('MapCategory', { simpleResolvers: true })
export class MapCategoryType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  slug!: string;

  @Field(() => MapFeatureKind)
  kind!: MapFeatureKind;

  @Field(() => String)
  nameFa!: string;

  @Field(() => String)
  nameEn!: string;

  @Field(() => String, { description: 'Short icon name, e.g. school, mosque, alert' })
  icon!: string;

  @Field(() => String, { description: '#rrggbb' })
  colour!: string;

  @Field(() => Int)
  sortOrder!: number;
}

/** Thousands per map view; plain values already filtered by the policy, so no per-field wrapper. */
@ObjectType('MapFeature', { description: 'A local asset or harm as this viewer may see it', simpleResolvers: true })
export class MapFeatureType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  neighbourhoodId!: string;

  @Field(() => MapFeatureKind)
  kind!: MapFeatureKind;

  @Field(() => MapCategoryType)
  category!: MapCategoryType;

  @Field(() => GraphQLJSON, { description: 'GeoJSON Point, LineString or Polygon in EPSG:4326' })
  geometry!: GeoJsonGeometry;

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Harms only, 1-5' })
  severity!: number | null;

  @Field(() => Int, { nullable: true, description: 'Assets only: how many people it can serve' })
  capacity!: number | null;

  @Field(() => MapFeatureSource)
  source!: MapFeatureSource;

  @Field(() => MapFeatureStatus)
  status!: MapFeatureStatus;

  @Field(() => String, { nullable: true, description: 'Null when the viewer may not see who drew it' })
  authorName!: string | null;

  @Field(() => Boolean, { description: 'The viewer drew it' })
  mine!: boolean;

  @Field(() => Int, { description: 'Send back when updating, deleting or moderating' })
  version!: number;

  @Field(() => Date)
  createdAt!: Date;

  @Field(() => Date)
  updatedAt!: Date;
}

@ObjectType('MapCluster', { description: 'Features summarised at low zoom', simpleResolvers: true })
export class MapClusterType {
  @Field(() => String)
  id!: string;

  @Field(() => Float)
  lon!: number;

  @Field(() => Float)
  lat!: number;

  @Field(() => Int)
  count!: number;

  @Field(() => Int)
  assetCount!: number;

  @Field(() => Int)
  harmCount!: number;

  @Field(() => [Float], { description: '[minLon, minLat, maxLon, maxLat] of its members' })
  bbox!: number[];
}

@ObjectType('HarmCell', {
  description:
    'Confirmed harms counted in a fixed grid cell, for viewers without exact access; cells under k are left out',
})
export class HarmCellType {
  @Field(() => String)
  id!: string;

  @Field(() => [Float], { description: '[minLon, minLat, maxLon, maxLat]' })
  bbox!: number[];

  @Field(() => Int)
  count!: number;
}

@ObjectType('MapView')
export class MapViewType {
  @Field(() => [MapFeatureType], { description: 'Empty when clustered' })
  features!: MapFeatureType[];

  @Field(() => [MapClusterType])
  clusters!: MapClusterType[];

  @Field(() => [HarmCellType], { description: 'Empty when the viewer sees exact harms' })
  harmCells!: HarmCellType[];

  @Field(() => Boolean)
  clustered!: boolean;

  @Field(() => Int, { description: 'Visible features matching the filters in the box' })
  total!: number;

  @Field(() => Boolean)
  exactHarms!: boolean;

  @Field(() => Int, { description: 'Event sequence number at query time; pass it to mapEvents(afterSeq)' })
  lastSeq!: number;

  @Field(() => Int)
  maxItems!: number;

  @Field(() => Int, { description: 'k of the harm cells' })
  minCellCount!: number;
}

@ObjectType('MapLegendEntry')
export class MapLegendEntryType {
  @Field(() => MapCategoryType)
  category!: MapCategoryType;

  @Field(() => Int, { nullable: true, description: 'Null when suppressed (fewer than k harms)' })
  count!: number | null;

  @Field(() => Boolean)
  suppressed!: boolean;
}

@ObjectType('MapAccess', { description: 'What the viewer may do on a neighbourhood map' })
export class MapAccessType {
  @Field(() => Boolean, { description: 'May draw and edit now (moderators, or participants of an open workshop)' })
  canEdit!: boolean;

  @Field(() => Boolean, { description: 'Base staff of the neighbourhood, its county supervisor, province admins' })
  canModerate!: boolean;

  @Field(() => Boolean)
  exactHarms!: boolean;

  @Field(() => WorkshopType, { nullable: true, description: 'The live workshop the viewer joined here' })
  workshop!: WorkshopType | null;
}

@ObjectType('MapExport')
export class MapExportType {
  @Field(() => String)
  filename!: string;

  @Field(() => String)
  mimeType!: string;

  @Field(() => String)
  content!: string;
}

@ObjectType('MapImportItem')
export class MapImportItemType {
  @Field(() => Int, { description: 'Position in the FeatureCollection, from 0' })
  index!: number;

  @Field(() => String, { nullable: true })
  title!: string | null;

  @Field(() => Boolean)
  ok!: boolean;

  @Field(() => ID, { nullable: true })
  featureId!: string | null;

  @Field(() => [String], { description: 'Reason codes, e.g. INVALID_GEOMETRY' })
  reasons!: string[];
}

@ObjectType('MapImportReport')
export class MapImportReportType {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  rejected!: number;

  @Field(() => [MapImportItemType])
  items!: MapImportItemType[];
}

@ObjectType('MapEvent')
export class MapEventGqlType {
  @Field(() => Int, { description: 'Resume with afterSeq = the last seq seen' })
  seq!: number;

  @Field(() => MapEventType)
  type!: MapEventType;

  @Field(() => ID, { nullable: true })
  featureId!: string | null;

  @Field(() => MapFeatureKind, { nullable: true })
  kind!: MapFeatureKind | null;

  @Field(() => MapFeatureType, {
    nullable: true,
    description: 'Null when deleted or not visible to the viewer (for harms: refetch the harm cells)',
  })
  feature!: MapFeatureType | null;

  @Field(() => WorkshopType, { nullable: true })
  workshop!: WorkshopType | null;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('MapPresence')
export class MapPresenceType {
  @Field(() => String)
  clientId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => ID, { nullable: true })
  selectedFeatureId!: string | null;

  @Field(() => String)
  colour!: string;
}
